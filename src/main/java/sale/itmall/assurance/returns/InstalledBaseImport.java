package sale.itmall.assurance.returns;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.EmailAddresses;

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
     * way: a new customer reads English and UTC.
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
            "customer_time_zone");

    private static final Set<String> OPTIONAL_COLUMNS = Set.of(
            "ordered_on", "manufacturer_name", "payment_method_on_file", "customer_language", "customer_time_zone");

    /** The longest customer number, order number or serial number the product keeps. */
    static final int MAX_ID = 100;

    private static final int MAX_TEXT = 300;
    private static final int MAX_REJECTIONS_KEPT = 1000;
    private static final int BATCH = 1000;

    /** What an import did to one kind of record. */
    public record Counts(int created, int updated, int unchanged) {
        Counts plus(Change change) {
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

    enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** A customer's row; {@code paymentMethodOnFile}, {@code language} and {@code timeZone} are null when not said. */
    record CustomerRow(
            String number, String name, String email, Boolean paymentMethodOnFile, String language, String timeZone) {
        /** Whether the stored customer already is what this row says. */
        boolean sameAs(CustomerRow stored) {
            return name.equals(stored.name())
                    && email.equals(stored.email())
                    && (paymentMethodOnFile == null || paymentMethodOnFile.equals(stored.paymentMethodOnFile()))
                    && (language == null || language.equals(stored.language()))
                    && (timeZone == null || timeZone.equals(stored.timeZone()));
        }

        /**
         * This line's customer and an earlier line's as one, a blank optional cell taking the other line's value; empty
         * when the two lines disagree.
         */
        Optional<CustomerRow> with(CustomerRow earlier) {
            if (!name.equals(earlier.name())
                    || !email.equals(earlier.email())
                    || disagree(paymentMethodOnFile, earlier.paymentMethodOnFile())
                    || disagree(language, earlier.language())
                    || disagree(timeZone, earlier.timeZone())) {
                return Optional.empty();
            }
            return Optional.of(new CustomerRow(
                    number,
                    name,
                    email,
                    paymentMethodOnFile != null ? paymentMethodOnFile : earlier.paymentMethodOnFile(),
                    language != null ? language : earlier.language(),
                    timeZone != null ? timeZone : earlier.timeZone()));
        }

        private static boolean disagree(Object a, Object b) {
            return a != null && b != null && !a.equals(b);
        }
    }

    record OrderRow(String number, String customerNumber, LocalDate orderedOn) {}

    record AssetRow(
            String serial,
            String model,
            AssetCategory category,
            String orderNumber,
            String customerNumber,
            LocalDate shippedOn,
            BigDecimal unitPrice,
            String currency,
            boolean manufacturerPlan,
            String manufacturerName) {

        /** A blank manufacturer_name keeps what is stored for a known asset. */
        AssetRow keepingNameOf(StoredAsset stored) {
            return manufacturerName != null || stored.manufacturerName() == null
                    ? this
                    : new AssetRow(
                            serial,
                            model,
                            category,
                            orderNumber,
                            customerNumber,
                            shippedOn,
                            unitPrice,
                            currency,
                            manufacturerPlan,
                            stored.manufacturerName());
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final TransactionTemplate progressTx;
    private final Clock clock;

    public InstalledBaseImport(
            JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = new TransactionTemplate(transactions);
        this.progressTx = new TransactionTemplate(transactions);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
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
            Parsed parsed = parse(csv, importId);
            Plan plan = plan(parsed);
            boolean write = !dryRun && plan.rejected.isEmpty() && !parsed.assets.isEmpty();
            if (write) {
                tx.executeWithoutResult(status -> write(plan, importId));
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
                .orElseThrow(() -> CaseNotFound.of("No import " + importId));
    }

    /** The latest imports, newest first (the audit of who imported what). */
    public List<ImportRecord> history() {
        return jdbc.sql(RECORD_SELECT + " order by id desc limit 50")
                .query((rs, n) -> record(rs))
                .list();
    }

    // ---- reading and checking rows -------------------------------------------------------------------------------

    private static final class Parsed {
        int rows;
        final Map<String, CustomerRow> customers = new LinkedHashMap<>();
        final Map<String, OrderRow> orders = new LinkedHashMap<>();
        /** Each order's first shipping date: the date of a new order whose ordered_on is blank. */
        final Map<String, LocalDate> orderShippedOn = new HashMap<>();

        final Map<String, AssetRow> assets = new LinkedHashMap<>();
        final Map<String, Long> assetLines = new HashMap<>();
        final List<Rejection> rejected = new ArrayList<>();
    }

    private Parsed parse(Reader csv, long importId) {
        Parsed p = new Parsed();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser =
                CSVParser.builder().setReader(csv).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.trim().toLowerCase(Locale.ROOT))
                    .toList();
            List<String> missing = COLUMNS.stream()
                    .filter(c -> !header.contains(c))
                    .filter(c -> !OPTIONAL_COLUMNS.contains(c))
                    .toList();
            if (!missing.isEmpty()) {
                p.rejected.add(new Rejection(
                        1,
                        "the header lacks the column(s) " + String.join(", ", missing) + "; expected "
                                + String.join(",", COLUMNS)));
                return p;
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i), i);
            }
            for (CSVRecord record : parser) {
                p.rows++;
                long line = record.getRecordNumber() + 1;
                try {
                    accept(p, new Fields(record, index), line, today);
                } catch (RowRejected e) {
                    p.rejected.add(new Rejection(line, e.getMessage()));
                }
                if (p.rows % 5000 == 0) {
                    progress(importId, p.rows);
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            p.rejected.add(new Rejection(p.rows + 2L, "the file is not valid CSV: " + e.getMessage()));
        }
        return p;
    }

    private static final class RowRejected extends RuntimeException {
        RowRejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One record's fields by column name, each trimmed, checked for control characters and length. */
    private record Fields(CSVRecord record, Map<String, Integer> index) {
        String optional(String column, int max) {
            Integer i = index.get(column);
            String value = i == null || i >= record.size() ? "" : record.get(i).trim();
            if (value.codePoints().anyMatch(Character::isISOControl)) {
                throw new RowRejected(column + " contains control characters");
            }
            if (value.length() > max) {
                throw new RowRejected(column + " is longer than " + max + " characters");
            }
            return value;
        }

        String required(String column, int max) {
            String value = optional(column, max);
            if (value.isEmpty()) {
                throw new RowRejected(column + " is empty");
            }
            return value;
        }

        LocalDate date(String column, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new RowRejected(column + " '" + value + "' is not a date (YYYY-MM-DD)");
            }
        }
    }

    private static boolean yesNo(String column, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new RowRejected(column + " '" + text + "' is not true or false");
        };
    }

    private static void accept(Parsed p, Fields f, long line, LocalDate today) {
        String customerNumber = f.required("customer_number", MAX_ID);
        String paymentText = f.optional("payment_method_on_file", 5);
        String languageText = f.optional("customer_language", MAX_ID);
        String zoneText = f.optional("customer_time_zone", MAX_ID);
        if (!languageText.isEmpty() && Audience.language(languageText).isEmpty()) {
            throw new RowRejected("customer_language '" + languageText + "' is not one of "
                    + Audience.LANGUAGES.stream().map(Locale::getLanguage).toList());
        }
        if (!zoneText.isEmpty() && Audience.zone(zoneText).isEmpty()) {
            throw new RowRejected(
                    "customer_time_zone '" + zoneText + "' is not a time zone region such as Europe/Berlin or UTC");
        }
        CustomerRow customer = new CustomerRow(
                customerNumber,
                f.required("customer_name", MAX_TEXT),
                f.required("customer_email", MAX_TEXT),
                paymentText.isEmpty() ? null : yesNo("payment_method_on_file", paymentText),
                languageText.isEmpty()
                        ? null
                        : Audience.language(languageText).orElseThrow().getLanguage(),
                zoneText.isEmpty() ? null : zoneText);
        if (!EmailAddresses.isValid(customer.email())) {
            throw new RowRejected("customer_email '" + customer.email() + "' is not an e-mail address");
        }
        String orderNumber = f.required("order_number", MAX_ID);
        String serial = f.required("serial_number", MAX_ID);
        String model = f.required("model", MAX_TEXT);
        String categoryText = f.required("category", MAX_ID).toUpperCase(Locale.ROOT);
        AssetCategory category;
        try {
            category = AssetCategory.valueOf(categoryText);
        } catch (IllegalArgumentException e) {
            throw new RowRejected("category '" + categoryText + "' is not one of " + Set.of(AssetCategory.values()));
        }
        LocalDate shippedOn = f.date("shipped_on", f.required("shipped_on", 10));
        if (shippedOn.isAfter(today)) {
            throw new RowRejected("shipped_on " + shippedOn + " is in the future");
        }
        String orderedText = f.optional("ordered_on", 10);
        // blank: a known order keeps its stored date; a new one is dated by its first shipment (compare)
        LocalDate orderedOn = orderedText.isEmpty() ? null : f.date("ordered_on", orderedText);
        p.orderShippedOn.putIfAbsent(orderNumber, shippedOn);
        BigDecimal price;
        try {
            price = new BigDecimal(f.required("unit_price", 20));
        } catch (NumberFormatException e) {
            throw new RowRejected("unit_price is not a number");
        }
        if (price.signum() < 0 || price.scale() > 2 || price.precision() - price.scale() > 10) {
            throw new RowRejected("unit_price " + price + " must be at least 0, with at most 2 decimals");
        }
        String currency = f.required("currency", 10).toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new RowRejected("currency '" + currency + "' is not an ISO 4217 code");
        }
        boolean plan = yesNo("manufacturer_plan", f.required("manufacturer_plan", 5));
        String maker = f.optional("manufacturer_name", MAX_TEXT);
        if (plan && maker.isEmpty()) {
            throw new RowRejected("manufacturer_name is needed when manufacturer_plan is true");
        }

        CustomerRow seenCustomer = p.customers.get(customerNumber);
        if (seenCustomer != null) {
            customer = customer.with(seenCustomer)
                    .orElseThrow(
                            () -> new RowRejected(
                                    "customer " + customerNumber
                                            + " is given another name, e-mail or payment method (or language, or time zone) on an earlier line"));
        }
        p.customers.put(customerNumber, customer);
        OrderRow order = new OrderRow(orderNumber, customerNumber, orderedOn);
        OrderRow seenOrder = p.orders.putIfAbsent(orderNumber, order);
        if (seenOrder != null && !seenOrder.customerNumber().equals(customerNumber)) {
            throw new RowRejected("order " + orderNumber + " is given to customer " + seenOrder.customerNumber()
                    + " on an earlier line");
        }
        AssetRow asset = new AssetRow(
                serial,
                model,
                category,
                orderNumber,
                customerNumber,
                shippedOn,
                price,
                currency,
                plan,
                maker.isEmpty() ? null : maker);
        if (p.assets.putIfAbsent(serial, asset) != null) {
            throw new RowRejected("serial " + serial + " is listed on line " + p.assetLines.get(serial) + " already");
        }
        p.assetLines.put(serial, line);
    }

    // ---- comparing with what is stored ---------------------------------------------------------------------------

    private static final class Plan {
        Counts customers = new Counts(0, 0, 0);
        Counts orders = new Counts(0, 0, 0);
        Counts assets = new Counts(0, 0, 0);
        final List<Rejection> rejected = new ArrayList<>();
        final List<CustomerRow> customerWrites = new ArrayList<>();
        final List<OrderRow> orderWrites = new ArrayList<>();
        final List<AssetRow> assetWrites = new ArrayList<>();
    }

    private record StoredAsset(
            String customerNumber,
            String owner,
            String openCase,
            String model,
            AssetCategory category,
            String orderNumber,
            LocalDate shippedOn,
            BigDecimal unitPrice,
            String currency,
            boolean manufacturerPlan,
            String manufacturerName) {}

    private Plan plan(Parsed p) {
        Plan plan = new Plan();
        plan.rejected.addAll(p.rejected);
        if (!p.rejected.isEmpty() && p.assets.isEmpty()) {
            return plan;
        }
        Map<String, CustomerRow> storedCustomers = new HashMap<>();
        jdbc.sql("select customer_number, name, email, payment_method_on_file, language, time_zone from customers")
                .query(rs -> {
                    storedCustomers.put(
                            rs.getString(1),
                            new CustomerRow(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getBoolean(4),
                                    rs.getString(5),
                                    rs.getString(6)));
                });
        Map<String, OrderRow> storedOrders = new HashMap<>();
        jdbc.sql(
                        "select o.order_number, c.customer_number, o.ordered_on from orders o join customers c on c.id = o.customer_id")
                .query(rs -> {
                    storedOrders.put(
                            rs.getString(1),
                            new OrderRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)));
                });
        Map<String, StoredAsset> storedAssets = new HashMap<>();
        jdbc.sql(
                        """
                select a.serial_number, c.customer_number, a.owner,
                       (select rc.reference from return_cases rc where rc.asset_id = a.id and rc.closed_at is null),
                       a.model, a.category, o.order_number, a.shipped_on, a.unit_price, a.currency,
                       a.manufacturer_plan, a.manufacturer_name
                  from assets a join customers c on c.id = a.customer_id left join orders o on o.id = a.order_id""")
                .query(rs -> {
                    storedAssets.put(
                            rs.getString(1),
                            new StoredAsset(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    AssetCategory.valueOf(rs.getString(6)),
                                    rs.getString(7),
                                    rs.getObject(8, LocalDate.class),
                                    rs.getBigDecimal(9),
                                    rs.getString(10),
                                    rs.getBoolean(11),
                                    rs.getString(12)));
                });

        for (CustomerRow c : p.customers.values()) {
            CustomerRow stored = storedCustomers.get(c.number());
            Change change = stored == null ? Change.CREATED : c.sameAs(stored) ? Change.UNCHANGED : Change.UPDATED;
            plan.customers = plan.customers.plus(change);
            if (change != Change.UNCHANGED) {
                plan.customerWrites.add(c);
            }
        }
        for (OrderRow given : p.orders.values()) {
            OrderRow stored = storedOrders.get(given.number());
            // a blank ordered_on never changes what is stored
            OrderRow o = given.orderedOn() != null
                    ? given
                    : new OrderRow(
                            given.number(),
                            given.customerNumber(),
                            stored != null ? stored.orderedOn() : p.orderShippedOn.get(given.number()));
            if (stored != null && !stored.customerNumber().equals(o.customerNumber())) {
                plan.rejected.add(new Rejection(
                        firstLineOfOrder(p, o.number()),
                        "order " + o.number() + " belongs to customer " + stored.customerNumber()
                                + "; an import does not move orders between customers"));
                continue;
            }
            Change change = stored == null ? Change.CREATED : stored.equals(o) ? Change.UNCHANGED : Change.UPDATED;
            plan.orders = plan.orders.plus(change);
            if (change != Change.UNCHANGED) {
                plan.orderWrites.add(o);
            }
        }
        for (AssetRow given : p.assets.values()) {
            long line = p.assetLines.get(given.serial());
            StoredAsset stored = storedAssets.get(given.serial());
            AssetRow a = stored == null ? given : given.keepingNameOf(stored);
            if (stored == null) {
                plan.assets = plan.assets.plus(Change.CREATED);
                plan.assetWrites.add(a);
                continue;
            }
            if ("ITMALL".equals(stored.owner())) {
                plan.rejected.add(new Rejection(
                        line, "serial " + a.serial() + " became ITMall's property when it was replaced; not imported"));
                continue;
            }
            if (!stored.customerNumber().equals(a.customerNumber())) {
                plan.rejected.add(new Rejection(
                        line,
                        "serial " + a.serial() + " belongs to customer " + stored.customerNumber()
                                + "; an import does not move assets between customers"));
                continue;
            }
            boolean same = stored.model().equals(a.model())
                    && stored.category() == a.category()
                    && Objects.equals(stored.orderNumber(), a.orderNumber())
                    && stored.shippedOn().equals(a.shippedOn())
                    && stored.unitPrice().compareTo(a.unitPrice()) == 0
                    && stored.currency().equals(a.currency())
                    && stored.manufacturerPlan() == a.manufacturerPlan()
                    && Objects.equals(stored.manufacturerName(), a.manufacturerName());
            if (same) {
                plan.assets = plan.assets.plus(Change.UNCHANGED);
            } else if (stored.openCase() != null) {
                plan.rejected.add(new Rejection(
                        line,
                        "serial " + a.serial() + " is in open return " + stored.openCase()
                                + "; import its change after the case closes"));
            } else {
                plan.assets = plan.assets.plus(Change.UPDATED);
                plan.assetWrites.add(a);
            }
        }
        plan.rejected.sort((x, y) -> Long.compare(x.line(), y.line()));
        return plan;
    }

    private static long firstLineOfOrder(Parsed p, String orderNumber) {
        return p.assets.values().stream()
                .filter(a -> a.orderNumber().equals(orderNumber))
                .mapToLong(a -> p.assetLines.get(a.serial()))
                .min()
                .orElse(0);
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    private void write(Plan plan, long importId) {
        batches(
                plan.customerWrites,
                """
                insert into customers (customer_number, name, email, payment_method_on_file, language, time_zone)
                values (?, ?, ?, coalesce(?::boolean, true), coalesce(?, 'en'), coalesce(?, 'UTC'))
                on conflict (customer_number) do update set name = excluded.name, email = excluded.email,
                  payment_method_on_file = coalesce(?::boolean, customers.payment_method_on_file),
                  language = coalesce(?, customers.language), time_zone = coalesce(?, customers.time_zone)""",
                c -> new Object[] {
                    c.number(),
                    c.name(),
                    c.email(),
                    c.paymentMethodOnFile(),
                    c.language(),
                    c.timeZone(),
                    c.paymentMethodOnFile(),
                    c.language(),
                    c.timeZone()
                },
                done -> {});
        batches(
                plan.orderWrites,
                """
                insert into orders (order_number, customer_id, ordered_on)
                values (?, (select id from customers where customer_number = ?), ?)
                on conflict (order_number) do update set ordered_on = excluded.ordered_on""",
                o -> new Object[] {o.number(), o.customerNumber(), o.orderedOn()},
                done -> {});
        batches(
                plan.assetWrites,
                """
                insert into assets (serial_number, model, category, order_id, customer_id, shipped_on,
                                    coverage_start, unit_price, currency, manufacturer_plan, manufacturer_name)
                values (?, ?, ?, (select id from orders where order_number = ?),
                        (select id from customers where customer_number = ?), ?, ?, ?, ?, ?, ?)
                on conflict (serial_number) do update set
                  model = excluded.model, category = excluded.category, order_id = excluded.order_id,
                  shipped_on = excluded.shipped_on, coverage_start = excluded.coverage_start,
                  unit_price = excluded.unit_price, currency = excluded.currency,
                  manufacturer_plan = excluded.manufacturer_plan, manufacturer_name = excluded.manufacturer_name""",
                a -> new Object[] {
                    a.serial(),
                    a.model(),
                    a.category().name(),
                    a.orderNumber(),
                    a.customerNumber(),
                    a.shippedOn(),
                    a.shippedOn(),
                    a.unitPrice(),
                    a.currency(),
                    a.manufacturerPlan(),
                    a.manufacturerName()
                },
                done -> progress(importId, done));
    }

    private <T> void batches(List<T> rows, String sql, Function<T, Object[]> args, IntConsumer written) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            batch.batchUpdate(sql, chunk.stream().map(args).toList());
            written.accept(from + chunk.size());
        }
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
