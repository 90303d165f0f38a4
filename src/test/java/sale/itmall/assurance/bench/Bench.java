package sale.itmall.assurance.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The benchmark bin/bench runs against the application as bin/run starts it (its own data directory, the local
 * stack): it measures from outside, over HTTP and the database, as users and integrations meet the system, and prints
 * one report (Markdown) that bin/bench also writes to docs/PERFORMANCE.md. Figures, not assertions: a figure that
 * misses its target is reported as missed.
 *
 * <p>Arguments: {@code --quick} (small sizes, for CI: the harness keeps working), {@code --base-url}, {@code --jdbc}.
 */
public final class Bench {

    record Figure(String name, String value, String target, Boolean met) {}

    private final boolean quick;
    private final String base;
    private final String jdbcUrl;
    private final List<Figure> figures = new ArrayList<>();
    private final String run =
            Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

    Bench(boolean quick, String base, String jdbcUrl) {
        this.quick = quick;
        this.base = base;
        this.jdbcUrl = jdbcUrl;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String base = arg(args, "--base-url", "http://127.0.0.1:8095");
        String jdbc = arg(args, "--jdbc", "jdbc:postgresql://127.0.0.1:54339/postgres?user=postgres");
        Bench bench = new Bench(quick, base, jdbc);
        String report = bench.runAll();
        System.out.println(report);
        String out = arg(args, "--report", null);
        if (out != null) {
            Files.writeString(Path.of(out), report);
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    String runAll() throws Exception {
        int clients = 20;
        int submits = quick ? 100 : 400;
        int history = quick ? 10_000 : 100_000;

        String importKey = apiKey("installed-base-import");
        String warehouseKey = apiKey("warehouse-receipts");
        importInstalledBase(importKey, submits + 50);
        String customerUser = customerSignIn();

        // 2. submit and receipt latency at 20 concurrent clients
        List<HttpClient> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(signedIn(customerUser));
        }
        AtomicInteger next = new AtomicInteger();
        Latencies submit = concurrently(clients, submits, i -> {
            HttpClient http = sessions.get(i % clients);
            String serial = "SN-B" + run + "-" + next.incrementAndGet();
            return () -> post(
                    http,
                    "/api/returns",
                    "application/json",
                    "{\"items\":[{\"serialNumber\":\"" + serial + "\",\"faultDescription\":\"No link light\"}]}",
                    201);
        });
        figure("Submit a return (JSON, session), " + clients + " clients, " + submits + " returns", submit, 150);

        List<String> rmas = rmaNumbersForReceipts(Math.min(submits, quick ? 100 : 400));
        HttpClient machine = HttpClient.newHttpClient();
        AtomicInteger receipt = new AtomicInteger();
        Latencies receipts = concurrently(clients, rmas.size(), i -> () -> {
            int n = receipt.getAndIncrement();
            return send(
                    machine,
                    HttpRequest.newBuilder(uri("/api/warehouse/receipts"))
                            .header("X-API-Key", warehouseKey)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"rmaNumber\":\"" + rmas.get(n)
                                    + "\",\"receiptId\":\"WH-" + run + "-" + n + "\"}")),
                    202);
        });
        figure("Warehouse receipt (API key), " + clients + " clients, " + rmas.size() + " receipts", receipts, 50);

        // 3. tracking, the returns list and reports with history
        String historyCustomer = loadHistory(history);
        HttpClient historian = signedIn(historyCustomer.toLowerCase(Locale.ROOT));
        String someCase = anyCaseOf(historyCustomer);
        Latencies tracking = sequentially(200, i -> () -> get(historian, "/api/returns/" + someCase));
        figure("Track one case, " + history + " cases of the customer", tracking, 30);
        Latencies list = sequentially(200, i -> () -> get(historian, "/api/returns?page=" + (i % 20)));
        figure("Returns list, a page of 50, " + history + " cases of the customer", list, 50);
        HttpClient staff = signedIn("admin");
        Latencies reports = sequentially(20, i -> () -> get(staff, "/staff/reports"));
        figure("Staff reports page, " + history + " cases", reports, 1000);
        Latencies csv = sequentially(20, i -> () -> get(staff, "/staff/reports/outcomes-by-category.csv"));
        figure("Report CSV (outcomes by category), " + history + " cases", csv, 1000);

        return report();
    }

    // ---- setup
    // -------------------------------------------------------------------------------------------------------

    private String apiKey(String integration) throws Exception {
        String key = "itm_bench" + run + integration.hashCode();
        try (Connection db = db();
                PreparedStatement insert = db.prepareStatement(
                        "insert into api_keys (name, key_hash, key_prefix, integration, created_by, created_at)"
                                + " values (?, ?, ?, ?, 'bench', now())")) {
            insert.setString(1, "bench " + run + " " + integration);
            insert.setString(2, sha256(key));
            insert.setString(3, key.substring(0, 10));
            insert.setString(4, integration);
            insert.executeUpdate();
        }
        return key;
    }

    private void importInstalledBase(String key, int assets) throws Exception {
        StringBuilder csv = new StringBuilder(
                "customer_number,customer_name,customer_email,order_number,ordered_on,serial_number,model,category,"
                        + "shipped_on,unit_price,currency,manufacturer_plan,manufacturer_name\n");
        String shipped = java.time.LocalDate.now().minusDays(30).toString();
        for (int i = 1; i <= assets; i++) {
            csv.append("CB-")
                    .append(run)
                    .append(",Bench Co ")
                    .append(run)
                    .append(",bench@bench.example,SO-B")
                    .append(run)
                    .append(",")
                    .append(shipped)
                    .append(",SN-B")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append(",ITM CoreSwitch 9300-48P,ENTERPRISE_INFRASTRUCTURE,")
                    .append(shipped)
                    .append(",8400.00,USD,false,\n");
        }
        send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(uri("/api/admin/installed-base?fileName=bench.csv"))
                        .header("X-API-Key", key)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString())),
                200);
    }

    /** A sign-in for the bench customer, password "demo". */
    private String customerSignIn() throws Exception {
        String user = "bench-" + run.toLowerCase(Locale.ROOT);
        try (Connection db = db()) {
            signIn(db, user, "CB-" + run);
        }
        return user;
    }

    /** A customer's sign-in with password "demo" (the demo's hash, copied). */
    private static void signIn(Connection db, String user, String customerNumber) throws Exception {
        try (PreparedStatement insert =
                db.prepareStatement("insert into portal_users (username, password_hash, role, customer_id)"
                        + " select ?, (select password_hash from portal_users where username = 'northwind'),"
                        + " 'CUSTOMER', id from customers where customer_number = ?")) {
            insert.setString(1, user);
            insert.setString(2, customerNumber);
            insert.executeUpdate();
        }
    }

    private List<String> rmaNumbersForReceipts(int count) throws Exception {
        // the advance-replacement cases reach RMA approval only after a person diagnoses them; the bench gives them
        // an RMA number in the database the way the approval step would, so that the receipt call does its real work
        List<String> rmas = new ArrayList<>();
        try (Connection db = db();
                Statement st = db.createStatement()) {
            st.executeUpdate("update return_cases set rma_number = 'RMA-' || reference, status = 'AWAITING_RETURN'"
                    + " where reference in (select c.reference from return_cases c join assets a on a.id = c.asset_id"
                    + " where a.serial_number like 'SN-B" + run + "-%' and c.rma_number is null limit " + count
                    + ")");
            try (ResultSet rs = st.executeQuery("select c.rma_number from return_cases c join assets a on"
                    + " a.id = c.asset_id where a.serial_number like 'SN-B" + run
                    + "-%' and c.rma_number is not null")) {
                while (rs.next()) {
                    rmas.add(rs.getString(1));
                }
            }
        }
        return rmas;
    }

    /** A customer with {@code cases} closed returns (one asset each), written in bulk as history. */
    private String loadHistory(int cases) throws Exception {
        String customer = "CH-" + run;
        try (Connection db = db();
                Statement st = db.createStatement()) {
            st.executeUpdate("insert into customers (customer_number, name, email) values ('" + customer
                    + "', 'History Co', 'history@bench.example')");
            signIn(db, customer.toLowerCase(Locale.ROOT), customer);
            st.executeUpdate("insert into orders (order_number, customer_id, ordered_on) select 'SO-H" + run
                    + "', id, current_date - 300 from customers where customer_number = '" + customer + "'");
            st.executeUpdate("insert into assets (serial_number, model, category, order_id, customer_id, shipped_on,"
                    + " coverage_start, unit_price) select 'SN-H" + run + "-' || g, 'ITM Thin Client T3',"
                    + " 'END_USER_TERMINAL', o.id, o.customer_id, current_date - 300, current_date - 300, 540"
                    + " from orders o, generate_series(1, " + cases + ") g where o.order_number = 'SO-H" + run + "'");
            st.executeUpdate("insert into return_requests (reference, customer_id, submitted_at) select 'RR-H" + run
                    + "-' || g, c.id, now() - g * interval '5 minutes' from customers c, generate_series(1, " + cases
                    + ") g where c.customer_number = '" + customer + "'");
            st.executeUpdate("insert into return_cases (reference, request_id, asset_id, fault_description,"
                    + " policy_revision, status, outcome, closed_at, created_at) select 'RC-H" + run + "-' || g,"
                    + " r.id, a.id, 'history', 'ITM-POL-2026.04', 'CLOSED', 'REPAIRED', r.submitted_at + interval"
                    + " '3 days', r.submitted_at from generate_series(1, " + cases + ") g join return_requests r on"
                    + " r.reference = 'RR-H" + run + "-' || g join assets a on a.serial_number = 'SN-H" + run
                    + "-' || g");
            st.execute("analyze");
        }
        return customer;
    }

    private String anyCaseOf(String customer) throws Exception {
        try (Connection db = db();
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select c.reference from return_cases c join return_requests r on"
                        + " r.id = c.request_id join customers cu on cu.id = r.customer_id where cu.customer_number = '"
                        + customer + "' order by c.id limit 1 offset 100")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection(jdbcUrl);
    }

    // ---- HTTP
    // --------------------------------------------------------------------------------------------------------

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /** A browser-like session: form sign-in once, the session cookie and the CSRF cookie from then on. */
    private HttpClient signedIn(String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String form =
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo&_csrf=" + csrf(cookies);
        HttpResponse<Void> signIn = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (signIn.statusCode() != 302
                || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + signIn.statusCode());
        }
        return http;
    }

    private static String csrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    private int post(HttpClient http, String path, String type, String body, int expected) throws Exception {
        CookieManager cookies = (CookieManager) http.cookieHandler().orElseThrow();
        return send(
                http,
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", type)
                        .header("X-XSRF-TOKEN", csrf(cookies))
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                expected);
    }

    private int get(HttpClient http, String path) throws Exception {
        return send(http, HttpRequest.newBuilder(uri(path)).GET(), 200);
    }

    private static int send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + " (not "
                    + expected + "): "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body().length();
    }

    // ---- measuring
    // ---------------------------------------------------------------------------------------------------

    /** Durations of calls in milliseconds, and how long all of them took. */
    record Latencies(List<Double> millis, double seconds) {
        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }

        double perSecond() {
            return millis.size() / seconds;
        }
    }

    private static Latencies concurrently(int clients, int calls, IntFunction<Callable<Integer>> call)
            throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        // the first calls warm up the JIT and the connection pools and are not measured
        int warmUp = Math.min(10, calls / 5);
        for (int i = 0; i < warmUp; i++) {
            call.apply(i).call();
        }
        Instant start = Instant.now();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = warmUp; i < calls; i++) {
                Callable<Integer> c = call.apply(i);
                done.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    c.call();
                    millis.add((System.nanoTime() - t) / 1e6);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        return new Latencies(millis, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private static Latencies sequentially(int calls, IntFunction<Callable<Integer>> call) throws Exception {
        return concurrently(1, calls, call);
    }

    private void figure(String name, Latencies l, double targetP99) {
        figures.add(new Figure(
                name,
                String.format(
                        Locale.ROOT,
                        "p50 %.1f ms, p95 %.1f, p99 %.1f; %.0f/s",
                        l.percentile(50),
                        l.percentile(95),
                        l.percentile(99),
                        l.perSecond()),
                "p99 < " + (int) targetP99 + " ms",
                l.percentile(99) < targetP99));
    }

    private String report() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("| figure | measured | target | met |\n|---|---|---|---|\n");
        for (Figure f : figures) {
            out.append("| ")
                    .append(f.name())
                    .append(" | ")
                    .append(f.value())
                    .append(" | ")
                    .append(f.target())
                    .append(" | ")
                    .append(f.met() == null ? "—" : f.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        return out.toString();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
