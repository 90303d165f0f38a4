package sale.itmall.assurance.returns;

import java.io.Reader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a vendor's installed base in: customers, orders and shipped assets from one CSV file, keyed by the vendor's
 * own ids (customer number, order number, serial number). The same importer serves the staff page, the ERP's API and
 * the demo data.
 *
 * <ul>
 *   <li>Idempotent: a row that matches what is stored changes nothing and counts as unchanged.
 *   <li>All or nothing: every row is checked first; if any is rejected nothing is written and each rejected row is
 *       named with its line and reason. A dry run checks and counts without writing.
 *   <li>An asset in an open return is never changed (its row is rejected until the case closes); an asset that became
 *       ITMall's, or that belongs to another customer, is not moved by an import.
 * </ul>
 */
@Service
public class InstalledBaseImport {

    /**
     * The columns, in the order the template file has them. {@code ordered_on} and {@code manufacturer_name} may be
     * empty; {@code payment_method_on_file} (true/false: whether a charge can be made to the customer) may be left out,
     * and then a new customer has one and a known customer keeps what is stored. {@code customer_language} ({@code en},
     * {@code de}) and {@code customer_time_zone} (a region id such as {@code Europe/Berlin}) may be left out the same
     * way: a new customer reads English and UTC. {@code customer_address} (its lines separated by {@code ;})
     * is printed as the sender on the customer's return labels; left out, the label leaves room to
     * write it.
     */
    public static final List<String> COLUMNS = List.of(
            "customer_number",
            "customer_name",
            "customer_email",
            "order_number",
            "ordered_on",
            "serial_number",
            "model",
            "category",
            "shipped_on",
            "unit_price",
            "currency",
            "manufacturer_plan",
            "manufacturer_name",
            "payment_method_on_file",
            "customer_language",
            "customer_time_zone",
            "customer_address");

    static final Set<String> OPTIONAL_COLUMNS = Set.of(
            "ordered_on",
            "manufacturer_name",
            "payment_method_on_file",
            "customer_language",
            "customer_time_zone",
            "customer_address");

    private static final int MAX_REJECTIONS_KEPT = 1000;

    /** What an import did to one kind of record. */
    public record Counts(int created, int updated, int unchanged) {
        Counts plus(ImportRows.Change change) {
            return switch (change) {
                case CREATED -> new Counts(created + 1, updated, unchanged);
                case UPDATED -> new Counts(created, updated + 1, unchanged);
                case UNCHANGED -> new Counts(created, updated, unchanged + 1);
            };
        }
    }

    /** A row that cannot be imported: its line in the file (the header is line 1) and why. */
    public record Rejection(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** The answer of an import: what it would do (dry run) or did, and the rows it refused. */
    public record Result(
            long importId,
            boolean dryRun,
            boolean written,
            int rows,
            Counts customers,
            Counts orders,
            Counts assets,
            List<Rejection> rejected) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final TransactionTemplate progressTx;
    private final Clock clock;
    private final ImportPlan planner;
    private final ImportWriter writer;

    public InstalledBaseImport(
            JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = new TransactionTemplate(transactions);
        this.progressTx = new TransactionTemplate(transactions);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.planner = new ImportPlan(jdbc);
        this.writer = new ImportWriter(batch);
    }

    /** Starts the audit record of an import; {@link #run} then reports its progress there. */
    public long begin(String actor, String fileName, boolean dryRun) {
        return jdbc.sql(
                        """
                insert into installed_base_imports (actor, file_name, dry_run, status, started_at)
                values (?, ?, ?, 'RUNNING', ?) returning id""")
                .params(actor, fileName, dryRun, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** Imports in one go: begins the audit record and runs. */
    public Result importFile(String actor, String fileName, Reader csv, boolean dryRun) {
        return run(begin(actor, fileName, dryRun), csv, dryRun);
    }

    /** Checks every row, then (unless a dry run, and only if no row was rejected) writes them all in one transaction. */
    public Result run(long importId, Reader csv, boolean dryRun) {
        try {
            ImportRows.Parsed parsed = ImportRows.parse(
                    csv, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), rows -> progress(importId, rows));
            ImportPlan.Plan plan = planner.plan(parsed);
            boolean write = !dryRun && plan.rejected.isEmpty() && !parsed.assets.isEmpty();
            if (write) {
                tx.executeWithoutResult(status -> writer.write(plan, done -> progress(importId, done)));
            }
            Result result = new Result(
                    importId,
                    dryRun,
                    write,
                    parsed.rows,
                    plan.customers,
                    plan.orders,
                    plan.assets,
                    List.copyOf(plan.rejected));
            finish(result);
            return result;
        } catch (RuntimeException e) {
            jdbc.sql("update installed_base_imports set status = 'FAILED', finished_at = ?, detail = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), String.valueOf(e.getMessage()), importId)
                    .update();
            throw e;
        }
    }

    /** One import as the audit keeps it: who, when, which file, what it did (or is doing). */
    public record ImportRecord(
            long id,
            String actor,
            String fileName,
            boolean dryRun,
            String status,
            Instant startedAt,
            Instant finishedAt,
            int rowsTotal,
            int rowsDone,
            Counts customers,
            Counts orders,
            Counts assets,
            int rejected,
            String detail) {
        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    private static final String RECORD_SELECT =
            """
            select id, actor, file_name, dry_run, status, started_at, finished_at, rows_total, rows_done,
                   customers_created, customers_updated, customers_unchanged, orders_created, orders_updated,
                   orders_unchanged, assets_created, assets_updated, assets_unchanged, rejected, detail
              from installed_base_imports""";

    private static ImportRecord record(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(7);
        return new ImportRecord(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getInt(8),
                rs.getInt(9),
                new Counts(rs.getInt(10), rs.getInt(11), rs.getInt(12)),
                new Counts(rs.getInt(13), rs.getInt(14), rs.getInt(15)),
                new Counts(rs.getInt(16), rs.getInt(17), rs.getInt(18)),
                rs.getInt(19),
                rs.getString(20));
    }

    public ImportRecord status(long importId) {
        return jdbc.sql(RECORD_SELECT + " where id = ?")
                .param(importId)
                .query((rs, n) -> record(rs))
                .optional()
                .orElseThrow(() -> CaseNotFound.of("import", importId));
    }

    /** The latest imports, newest first (the audit of who imported what). */
    public List<ImportRecord> history() {
        return jdbc.sql(RECORD_SELECT + " order by id desc limit 50")
                .query((rs, n) -> record(rs))
                .list();
    }

    /** Rows checked, then rows written: the page polls it while the import runs (committed on its own). */
    private void progress(long importId, int rowsDone) {
        progressTx.executeWithoutResult(
                status -> jdbc.sql("update installed_base_imports set rows_done = ? where id = ?")
                        .params(rowsDone, importId)
                        .update());
    }

    private void finish(Result r) {
        String status = !r.rejected().isEmpty() ? "REJECTED" : r.written() ? "WRITTEN" : "CHECKED";
        String detail = String.join(
                "\n",
                r.rejected().stream()
                        .limit(MAX_REJECTIONS_KEPT)
                        .map(Rejection::toString)
                        .toList());
        jdbc.sql(
                        """
                update installed_base_imports set status = ?, finished_at = ?, rows_total = ?, rows_done = ?,
                       customers_created = ?, customers_updated = ?, customers_unchanged = ?,
                       orders_created = ?, orders_updated = ?, orders_unchanged = ?,
                       assets_created = ?, assets_updated = ?, assets_unchanged = ?, rejected = ?, detail = ?
                 where id = ?""")
                .params(
                        status,
                        Timestamp.from(clock.instant()),
                        r.rows(),
                        r.rows(),
                        r.customers().created(),
                        r.customers().updated(),
                        r.customers().unchanged(),
                        r.orders().created(),
                        r.orders().updated(),
                        r.orders().unchanged(),
                        r.assets().created(),
                        r.assets().updated(),
                        r.assets().unchanged(),
                        r.rejected().size(),
                        detail,
                        r.importId())
                .update();
    }
}
