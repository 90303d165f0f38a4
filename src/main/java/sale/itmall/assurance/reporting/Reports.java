package sale.itmall.assurance.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.engine.EngineBacklog;
import sale.itmall.assurance.returns.ReturnReports;
import sale.itmall.assurance.returns.ReturnsQuery;

/** The service assurance team's reports, each a table shown as a page and exported as CSV. */
@Service
class Reports {

    record Table(String name, String title, List<String> headers, List<List<String>> rows) {

        String csv() {
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(
                    out,
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader(headers.toArray(String[]::new))
                            .get())) {
                for (List<String> row : rows) {
                    printer.printRecord(row.stream().map(Reports::inert).toList());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }

        /** The table as a CSV download named after it. */
        ResponseEntity<String> download() {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(name + ".csv")
                                    .build()
                                    .toString())
                    .body(csv());
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * A cell a spreadsheet will not run: text that starts like a formula (= + - @, tab, carriage return) is prefixed
     * with an apostrophe, so customer text such as {@code =HYPERLINK(...)} in an audit detail stays text. Numbers,
     * negative amounts among them, are left as they are.
     */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }

    private final ReturnReports reports;
    private final EngineBacklog engineBacklog;
    private final ReturnsQuery returns;

    Reports(ReturnReports reports, EngineBacklog engineBacklog, ReturnsQuery returns) {
        this.reports = reports;
        this.engineBacklog = engineBacklog;
        this.returns = returns;
    }

    /** The returns module's reports, then the engine's backlog. */
    List<String> names() {
        return Stream.concat(reports.names().stream(), Stream.of(EngineBacklog.REPORT))
                .toList();
    }

    Table report(String name) {
        ReturnReports.Report report = EngineBacklog.REPORT.equals(name) ? engineBacklog.report() : reports.report(name);
        return new Table(report.name(), report.title(), report.headers(), report.rows());
    }

    /** A case's audit trail: every decision, who or what made it, when, under which policy revision. */
    Table auditTrail(String caseRef) {
        List<List<String>> rows = returns.auditTrail(caseRef).stream()
                .map(e -> List.of(e.occurredAt().toString(), e.type(), e.actor(), e.detail(), e.policyRevision()))
                .toList();
        return new Table(
                "audit-" + caseRef,
                "Audit trail of " + caseRef,
                List.of("When (UTC)", "Event", "Actor", "Detail", "Policy revision"),
                rows);
    }
}
