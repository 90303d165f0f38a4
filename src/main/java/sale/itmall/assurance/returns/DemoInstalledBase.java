package sale.itmall.assurance.returns;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's installed base (profile "demo"): {@code demo/installed-base.csv}, an import file like any vendor's, loaded
 * through the same importer on the first start. Its dates are written as of {@link #FILE_AS_OF} and moved to today when
 * it is loaded, so that the examples keep their ages (a young switch under advance replacement, a laptop under its
 * maker's plan, a server out of all coverage).
 */
@Component
@Profile("demo")
@Order(1)
public class DemoInstalledBase implements ApplicationRunner {

    public static final String FILE = "demo/installed-base.csv";

    /** The day the demo file's dates are written for. */
    static final LocalDate FILE_AS_OF = LocalDate.of(2026, 4, 1);

    private static final List<String> DATE_COLUMNS = List.of("ordered_on", "shipped_on");
    private static final Logger LOG = LoggerFactory.getLogger(DemoInstalledBase.class);

    private final InstalledBaseImport importer;
    private final CustomerAccounts customerAccounts;
    private final Clock clock;

    DemoInstalledBase(InstalledBaseImport importer, CustomerAccounts customerAccounts, Clock clock) {
        this.importer = importer;
        this.customerAccounts = customerAccounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (customerAccounts.customerByNumber("C-1001").isPresent()) {
            return; // loaded on an earlier start: the demo's assets keep the ages they were given then
        }
        InstalledBaseImport.Result result = load(importer, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        LOG.info(
                "Demo installed base imported from {}: {} customers, {} orders, {} assets",
                FILE,
                result.customers().created(),
                result.orders().created(),
                result.assets().created());
    }

    /** Imports the demo file with its dates moved to {@code today}; refused rows are a broken demo file. */
    public static InstalledBaseImport.Result load(InstalledBaseImport importer, LocalDate today) {
        InstalledBaseImport.Result result = importer.importFile("demo", FILE, new StringReader(datedFor(today)), false);
        if (!result.rejected().isEmpty()) {
            throw new IllegalStateException(FILE + " is refused by the importer: " + result.rejected());
        }
        return result;
    }

    /** The demo file's text with every date moved by the days from {@link #FILE_AS_OF} to {@code today}. */
    static String datedFor(LocalDate today) {
        long shift = ChronoUnit.DAYS.between(FILE_AS_OF, today);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader in = new InputStreamReader(
                        DemoInstalledBase.class.getClassLoader().getResourceAsStream(FILE), StandardCharsets.UTF_8);
                CSVParser parser =
                        CSVParser.builder().setReader(in).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(
                    out,
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get())) {
                for (CSVRecord record : parser) {
                    String[] row = record.toList().toArray(String[]::new);
                    for (String column : DATE_COLUMNS) {
                        int i = header.indexOf(column);
                        if (i >= 0 && !row[i].isEmpty()) {
                            row[i] = LocalDate.parse(row[i]).plusDays(shift).toString();
                        }
                    }
                    printer.printRecord((Object[]) row);
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
