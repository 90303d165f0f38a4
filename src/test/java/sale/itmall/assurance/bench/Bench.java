package sale.itmall.assurance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.client.CamundaClient;
import io.camunda.client.impl.CamundaObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.HttpCookie;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import sale.itmall.assurance.process.ProcessContract.Elements;

/**
 * The benchmark bin/bench runs against the application as bin/run starts it (its own data directory, the local
 * stack): it measures from outside, over HTTP and the database, as users and integrations meet the system, and prints
 * one report (Markdown) that bin/bench also writes to docs/PERFORMANCE.md. Figures, not assertions: a figure that
 * misses its target is reported as missed.
 *
 * <p>Arguments: {@code --quick} (small sizes, for CI: the harness keeps working), {@code --base-url}, {@code --jdbc}.
 */
@SuppressWarnings({"PMD.SystemPrintln", "PMD.CloseResource"}) // a benchmark prints its figures
public final class Bench {

    record Figure(String name, String value, String target, Boolean met) {}

    /** Where the parts run: the application(s), the demo engine, the processes whose CPU and memory are reported. */
    record Setup(
            String engineUrl,
            String grpc,
            Map<String, Long> pids,
            String java,
            String jar,
            int smtpPort,
            Path chart,
            List<Integer> pairs) {}

    private final boolean quick;
    private final String base;
    private final String jdbcUrl;
    private final Setup setup;
    private final List<Figure> figures = new ArrayList<>();
    private final StringBuilder sections = new StringBuilder();
    private final Map<String, List<Double>> distributions = new LinkedHashMap<>();
    private final String run =
            Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

    Bench(boolean quick, String base, String jdbcUrl, Setup setup) {
        this.quick = quick;
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.setup = setup;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String base = arg(args, "--base-url", "http://127.0.0.1:8095");
        String jdbc = arg(args, "--jdbc", "jdbc:postgresql://127.0.0.1:54339/postgres?user=postgres");
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : arg(args, "--pids", "").split(",")) {
            if (pair.contains("=")) {
                pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        Setup setup = new Setup(
                arg(args, "--engine", "http://127.0.0.1:9600"),
                arg(args, "--grpc", "http://127.0.0.1:26500"),
                pids,
                arg(args, "--java", "java"),
                arg(args, "--jar", "target/service-assurance.jar"),
                Integer.parseInt(arg(args, "--smtp-port", "3035")),
                Path.of(arg(args, "--chart", "target/bench/latencies.png")),
                // the batch sizes of the real/bare pairs, e.g. "50,50" (bin/bench passes ITMALL_BENCH_PAIRS)
                arg(args, "--pairs", "").isBlank()
                        ? null
                        : Arrays.stream(arg(args, "--pairs", "").split(","))
                                .map(Integer::valueOf)
                                .toList());
        Bench bench = new Bench(quick, base, jdbc, setup);
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

    String run() {
        return run;
    }

    String runAll() throws Exception {
        int clients = 20;
        int submits = quick ? 100 : 400;
        int history = quick ? 10_000 : 100_000;
        // the flow: pairs of batches (real, then bare) at each size; then growth and two instances (full run only)
        List<Integer> pairs = setup.pairs() != null ? setup.pairs() : quick ? List.of(5) : List.of(50, 50, 200);
        int growthBatch = 100;
        int growthTotal = quick ? 0 : 500;
        int scaleOut = quick ? 0 : 100;
        int flowCases = 2 * pairs.stream().mapToInt(Integer::intValue).sum() + growthTotal + 2 * scaleOut;

        numbersOfThisRun();
        String importKey = apiKey("installed-base-import");
        String warehouseKey = apiKey("warehouse-receipts");
        this.receiptKey = warehouseKey;
        importInstalledBase(importKey, "SN-B", submits + 50);
        importInstalledBase(importKey, "SN-F", flowCases);
        String customerUser = customerSignIn();

        // the applications send their mails here (bin/bench points them at it): a mail sent twice is counted
        GreenMail mail = new GreenMail(new ServerSetup(setup.smtpPort(), "127.0.0.1", "smtp"));
        mail.start();
        try (CamundaClient engine = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create(setup.grpc()))
                .preferRestOverGrpc(false)
                // the bare workers run as the product's do: jobs streamed to them
                .defaultJobWorkerStreamEnabled(true)
                // the process variables' dates and times as the application writes them (ISO-8601 text)
                .withJsonMapper(new CamundaObjectMapper(JsonMapper.builder()
                        .findAndAddModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build()))
                .build()) {

            // 2. submit and receipt latency at 20 concurrent clients
            List<HttpClient> sessions = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sessions.add(signedIn(base, customerUser));
            }
            AtomicInteger next = new AtomicInteger();
            Map<String, Double> cpu = FlowBench.cpuSeconds(setup.pids());
            Latencies submit = concurrently(clients, submits, i -> {
                HttpClient http = sessions.get(i % clients);
                String serial = "SN-B" + run + "-" + next.incrementAndGet();
                return () -> submit(base, http, serial).length();
            });
            figure("Submit a return (JSON, session), " + clients + " clients, " + submits + " returns", submit, 150);
            cpu = cpuPerCall("submit", cpu, submits);

            List<String> rmas = rmaNumbersForReceipts(Math.min(submits, quick ? 100 : 400));
            AtomicInteger receipt = new AtomicInteger();
            Latencies receipts = concurrently(clients, rmas.size(), i -> () -> {
                int n = receipt.getAndIncrement();
                return receipt(base, rmas.get(n), "WH-" + run + "-" + n);
            });
            figure("Warehouse receipt (API key), " + clients + " clients, " + rmas.size() + " receipts", receipts, 50);
            cpuPerCall("receipt", cpu, rmas.size());
            cancelSubmitted(engine);

            // 4. job activation, polling against streaming
            try (FlowBench flow = new FlowBench(this, engine, setup.engineUrl(), "CB-" + run, customerUser)) {
                int jobs = quick ? 40 : 200;
                Latencies polling = new Latencies(flow.activation(false, jobs), 0);
                Latencies streaming = new Latencies(flow.activation(true, jobs), 0);
                figure("Job activation, polling (the client's default), " + jobs + " jobs one at a time", polling, 0);
                figure(
                        "Job activation, streaming (the product's setting), " + jobs + " jobs one at a time",
                        streaming,
                        0);

                // 1. the real flow against the bare engine
                flows(flow, pairs, growthBatch, growthTotal, scaleOut);
                engineMemory(casesOnTheEngine() + flow.bareCases());
                sections.append("\nActions the engine or the application pushed back (429/503) and that were tried"
                                + " again: ")
                        .append(flow.retries.get())
                        .append(".\n");
            }
            if (scaleOut > 0) {
                duplicates(mail);
            }
        } finally {
            mail.stop();
        }

        // 3. tracking, the returns list and reports with history
        String historyCustomer = loadHistory(history);
        HttpClient historian = signedIn(base, historyCustomer.toLowerCase(Locale.ROOT));
        String someCase = anyCaseOf(historyCustomer);
        Latencies tracking = sequentially(200, i -> () -> get(historian, "/api/returns/" + someCase));
        figure("Track one case, " + history + " cases of the customer", tracking, 30);
        Latencies list = sequentially(200, i -> () -> get(historian, "/api/returns?page=" + (i % 20)));
        figure("Returns list, a page of 50, " + history + " cases of the customer", list, 50);
        HttpClient staff = signedIn(base, "admin");
        Latencies reports = sequentially(20, i -> () -> get(staff, "/staff/reports"));
        figure("Staff reports page, " + history + " cases", reports, 1000);
        Latencies csv = sequentially(20, i -> () -> get(staff, "/staff/reports/outcomes-by-category.csv"));
        figure("Report CSV (outcomes by category), " + history + " cases", csv, 1000);

        Chart.boxes(distributions, setup.chart());
        return report();
    }

    private String receiptKey;

    // ---- the flow -------------------------------------------------------------------------------------------------

    private void flows(FlowBench flow, List<Integer> pairs, int growthBatch, int growthTotal, int scaleOut)
            throws Exception {
        Map<String, Long> pids = setup.pids();
        StringBuilder table = new StringBuilder("| batch | kind | cases | s | cases/s | end to end p50 | CPU s: "
                + String.join(" / ", pids.keySet()) + " | engine memory |\n|---|---|---|---|---|---|---|---|\n");
        Map<Integer, List<Double>> ratios = new LinkedHashMap<>();
        Map<Integer, List<FlowBench.Batch>> bySize = new LinkedHashMap<>();
        int number = 0;
        for (int size : pairs) {
            FlowBench.Batch real = flow.batch(false, size, List.of(base), pids);
            FlowBench.Batch bare = flow.batch(true, size, List.of(base), pids);
            for (FlowBench.Batch b : List.of(real, bare)) {
                table.append(batchRow(++number, b));
                bySize.computeIfAbsent(size, k -> new ArrayList<>()).add(b);
            }
            ratios.computeIfAbsent(size, k -> new ArrayList<>()).add(real.perSecond() / bare.perSecond());
        }
        sections.append("\n### The real flow against the bare engine\n\n").append(table);
        for (Map.Entry<Integer, List<Double>> r : ratios.entrySet()) {
            List<FlowBench.Batch> batches = bySize.get(r.getKey());
            double real = rate(batches, false);
            double bare = rate(batches, true);
            double ratio = real / bare;
            String range = r.getValue().size() > 1
                    ? String.format(
                            Locale.ROOT,
                            " (pairs %.2f–%.2f)",
                            Collections.min(r.getValue()),
                            Collections.max(r.getValue()))
                    : "";
            figures.add(new Figure(
                    "Cases/s real vs bare, " + r.getKey() + " a batch, "
                            + r.getValue().size() + " pair(s)",
                    String.format(Locale.ROOT, "%.2f vs %.2f: ratio %.2f%s", real, bare, ratio, range),
                    "ratio ≥ 0.85 at 200 a batch",
                    r.getKey() >= 200 ? ratio >= 0.85 : null));
        }
        stepFigures(bySize);
        if (growthTotal > 0) {
            growth(flow, growthBatch, growthTotal, pids);
        }
        if (scaleOut > 0) {
            scaleOut(flow, scaleOut, pids);
        }
    }

    /**
     * CPU milliseconds each process spent per call during a phase (until the stack is idle again: the engine, the
     * exporter and the workers react to each call after it is answered). With 20 clients in a closed loop, a call
     * waits about 20 / (calls per second), which is what the machine's 2 cores give for the sum of these.
     */
    private Map<String, Double> cpuPerCall(String phase, Map<String, Double> before, int calls) throws Exception {
        FlowBench.settle(setup.pids());
        Map<String, Double> after = FlowBench.cpuSeconds(setup.pids());
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> p : after.entrySet()) {
            double ms = (p.getValue() - before.getOrDefault(p.getKey(), 0.0)) * 1000 / calls;
            total += ms;
            line.append(String.format(Locale.ROOT, "%s %.1f ms, ", p.getKey(), ms));
        }
        figures.add(new Figure(
                "CPU per " + phase + " call, until the stack is idle again",
                line
                        + String.format(
                                Locale.ROOT, "in all %.1f ms: at most %.0f calls/s on 2 cores", total, 2000 / total),
                "—",
                null));
        return after;
    }

    private static double rate(List<FlowBench.Batch> batches, boolean bare) {
        double cases = 0;
        double seconds = 0;
        for (FlowBench.Batch b : batches) {
            if (b.bare() == bare) {
                cases += b.cases();
                seconds += b.seconds();
            }
        }
        return cases / seconds;
    }

    private String batchRow(int number, FlowBench.Batch b) {
        List<Double> e2e = b.endToEndSeconds();
        return String.format(
                Locale.ROOT,
                "| %d | %s | %d%s | %.1f | %.2f | %.1f s | %s | %d MB |%n",
                number,
                b.bare() ? "bare" : "real",
                b.cases(),
                b.unfinished() > 0 ? " (" + b.unfinished() + " unfinished)" : "",
                b.seconds(),
                b.perSecond(),
                e2e.isEmpty() ? 0 : new Latencies(e2e, 0).percentile(50),
                b.cpuSeconds().values().stream()
                        .map(v -> String.format(Locale.ROOT, "%.0f", v))
                        .reduce((x, y) -> x + " / " + y)
                        .orElse(""),
                b.residentMegabytes().getOrDefault("engine", 0L));
    }

    private static final Map<String, String> STEP_NAMES = Map.of(
            Elements.REMOTE_DIAGNOSIS, "remote diagnosis",
            Elements.RMA_APPROVAL, "RMA approval",
            Elements.INSPECTION, "inspection");

    /** Per user task, at each batch size: engine latency and visibility latency, real and bare; job activation. */
    private void stepFigures(Map<Integer, List<FlowBench.Batch>> bySize) {
        for (Map.Entry<Integer, List<FlowBench.Batch>> size : bySize.entrySet()) {
            List<Double> realJobs = new ArrayList<>();
            List<Double> bareJobs = new ArrayList<>();
            for (FlowBench.Batch b : size.getValue()) {
                (b.bare() ? bareJobs : realJobs).addAll(b.activationMillis());
            }
            if (!realJobs.isEmpty() && !bareJobs.isEmpty()) {
                Latencies bareActivation = new Latencies(bareJobs, 0);
                figure(
                        "Job activation in the engine's records, bare workers, " + size.getKey() + " a batch",
                        bareActivation,
                        0);
                figure(
                        "Job activation in the engine's records, the product's workers, " + size.getKey()
                                + " a batch (target: within 20 ms of bare)",
                        new Latencies(realJobs, 0),
                        bareActivation.percentile(99) + 20);
            }
            for (String step : FlowBench.STEPS) {
                for (boolean bare : List.of(false, true)) {
                    List<Double> engineMs = new ArrayList<>();
                    List<Double> visibleMs = new ArrayList<>();
                    for (FlowBench.Batch b : size.getValue()) {
                        if (b.bare() == bare) {
                            engineMs.addAll(b.engineMillis().get(step));
                            visibleMs.addAll(b.visibleMillis().get(step));
                        }
                    }
                    if (engineMs.isEmpty()) {
                        continue;
                    }
                    String kind = bare ? "bare" : "real";
                    String name = STEP_NAMES.get(step) + ", " + kind + ", " + size.getKey() + " a batch";
                    figure("Engine creates the task (" + name + ")", new Latencies(engineMs, 0), 0);
                    figure(
                            (bare ? "Task held by the bare completer" : "Task in the portal's queue")
                                    + " after its creation (" + name + ")",
                            new Latencies(visibleMs, 0),
                            bare ? 0 : 1000);
                }
            }
        }
    }

    /** Batches of real cases one after another: how throughput and memory move as the cases add up. */
    private void growth(FlowBench flow, int batch, int total, Map<String, Long> pids) throws Exception {
        StringBuilder table = new StringBuilder("| cases so far | cases/s | end to end p50 | "
                + String.join(
                        " | ", pids.keySet().stream().map(p -> p + " memory").toList()) + " |\n|---|---|---|"
                + "---|".repeat(pids.size()) + "\n");
        for (int done = batch; done <= total; done += batch) {
            FlowBench.Batch b = flow.batch(false, batch, List.of(base), pids);
            table.append(String.format(
                    Locale.ROOT,
                    "| %d | %.2f | %.1f s | %s |%n",
                    done,
                    b.perSecond(),
                    b.endToEndSeconds().isEmpty() ? 0 : new Latencies(b.endToEndSeconds(), 0).percentile(50),
                    String.join(
                            " | ",
                            b.residentMegabytes().values().stream()
                                    .map(v -> v + " MB")
                                    .toList())));
        }
        sections.append("\n### Cost growth: real cases in batches of ")
                .append(batch)
                .append("\n\n")
                .append(table);
    }

    /** A second application instance on the same database and engine: throughput, and nothing done twice. */
    private void scaleOut(FlowBench flow, int cases, Map<String, Long> pids) throws Exception {
        FlowBench.Batch one = flow.batch(false, cases, List.of(base), pids);
        int port = 8096;
        Path dir = Files.createTempDirectory("itmall-bench-second");
        ProcessBuilder second = new ProcessBuilder(setup.java(), "-jar", setup.jar(), "--spring.profiles.active=demo")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile());
        Map<String, String> env = second.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("ITMALL_DATA_DIR", dir.toString());
        env.put("SPRING_DATASOURCE_URL", jdbcUrl.substring(0, jdbcUrl.indexOf('?')));
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("ITMALL_EMBEDDED_SMTP", "false");
        env.put("SPRING_MAIL_PORT", Integer.toString(setup.smtpPort()));
        env.put("CAMUNDA_GRPC_ADDRESS", setup.grpc());
        Process app2 = second.start();
        try {
            String secondBase = "http://127.0.0.1:" + port;
            long deadline = System.currentTimeMillis() + 120_000;
            while (!healthy(secondBase)) {
                if (!app2.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the second instance did not start; see " + dir.resolve("app.log"));
                }
                Thread.sleep(500);
            }
            Map<String, Long> both = new LinkedHashMap<>(pids);
            both.put("application 2", app2.pid());
            FlowBench.Batch two = flow.batch(false, cases, List.of(base, secondBase), both);
            figures.add(new Figure(
                    "Two application instances, " + cases + " real cases a batch",
                    String.format(
                            Locale.ROOT,
                            "%.2f cases/s against %.2f with one (%.2f×)",
                            two.perSecond(),
                            one.perSecond(),
                            two.perSecond() / one.perSecond()),
                    "nothing done twice (below)",
                    null));
        } finally {
            app2.destroy();
            app2.waitFor();
        }
    }

    /**
     * The demo engine keeps its whole log in memory: its heap after a full collection, per case run so far, and after
     * how many cases a demo engine of bin/run's heap (2 GB, ITMALL_ENGINE_HEAP) should be restarted.
     */
    private void engineMemory(int cases) throws Exception {
        JsonNode health = new ObjectMapper()
                .readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(setup.engineUrl() + "/health?gc=true"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        long heap = health.path("heapUsedBytes").asLong();
        long records = health.path("records").asLong();
        long max = health.path("heapMaxBytes").asLong();
        double perCase = cases == 0 ? 0 : (double) heap / cases;
        figures.add(new Figure(
                "Demo engine memory after " + cases + " cases (submitted, cancelled, real and bare)",
                String.format(
                        Locale.ROOT,
                        "heap %.0f MB, %d records: about %.0f KB a case; 80%% of a %.0f MB heap holds about %.0f cases,"
                                + " of bin/run's 2 GB about %.0f",
                        heap / 1e6,
                        records,
                        perCase / 1e3,
                        max / 1e6,
                        perCase == 0 ? 0 : 0.8 * max / perCase,
                        perCase == 0 ? 0 : 0.8 * 2 * 1024 * 1024 * 1024 / perCase),
                "restart the demo engine before that many cases",
                null));
    }

    /** The product's cases this run started on the engine (the history loaded later never reaches it). */
    private int casesOnTheEngine() throws Exception {
        try (Connection db = db();
                Statement st = db.createStatement()) {
            return count(st, "select count(*) from return_cases");
        }
    }

    private static boolean healthy(String app) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(app + "/actuator/health"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body()
                    .contains("UP");
        } catch (Exception e) {
            return false;
        }
    }

    /** Whatever ran on two instances ran once: shipments, replacements, charges, audit steps, mails. */
    private void duplicates(GreenMail mail) throws Exception {
        Map<String, Integer> twice = new LinkedHashMap<>();
        try (Connection db = db();
                Statement st = db.createStatement()) {
            String bench = " join return_cases c on c.id = x.case_id join assets a on a.id = c.asset_id"
                    + " where a.serial_number like 'SN-F" + run + "-%'";
            twice.put(
                    "shipments",
                    count(
                            st,
                            "select count(*) from (select x.case_id from shipments x" + bench
                                    + " group by x.case_id, x.direction, x.purpose having count(*) > 1) d"));
            twice.put(
                    "charges",
                    count(
                            st,
                            "select count(*) from (select x.case_id from charges x" + bench
                                    + " group by x.case_id, x.reason having count(*) > 1) d"));
            twice.put(
                    "audit steps",
                    count(
                            st,
                            "select count(*) from (select x.case_id from audit_events x" + bench
                                    + " group by x.case_id, x.event_type having count(*) > 1) d"));
            String sent = "select count(*) from notifications n join customers cu on cu.id = n.customer_id"
                    + " where cu.customer_number = 'CB-" + run + "' and n.sent_at is not null";
            // the dispatchers send what is committed; give the last ones a moment
            long deadline = System.currentTimeMillis() + 20_000;
            while (mail.getReceivedMessages().length < count(st, sent) && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            Map<String, Integer> received = new LinkedHashMap<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                received.merge(m.getAllRecipients()[0] + " " + m.getSubject(), 1, Integer::sum);
            }
            twice.put(
                    "mails", (int) received.values().stream().filter(v -> v > 1).count());
            figures.add(new Figure(
                    "Done twice with two instances (shipments, charges, audit steps, mails)",
                    twice + "; "
                            + received.values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum() + " mails received for " + count(st, sent) + " sent",
                    "none",
                    twice.values().stream().allMatch(v -> v == 0)));
        }
    }

    private static int count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    // ---- setup
    // -------------------------------------------------------------------------------------------------------

    /**
     * The benchmark's application numbers its cases and RMAs from a new database; on a reused engine, instances of an
     * earlier run (or the demo's) may wait for a message under the same RMA number and take its receipt. This run's
     * numbers start where no other run's do.
     */
    private void numbersOfThisRun() throws Exception {
        long start = (System.currentTimeMillis() / 1000 % 10_000_000) * 1000;
        try (Connection db = db();
                Statement st = db.createStatement()) {
            st.execute("alter sequence return_cases_id_seq restart with " + start);
            st.execute("alter sequence return_requests_id_seq restart with " + start);
        }
    }

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

    private void importInstalledBase(String key, String serialPrefix, int assets) throws Exception {
        StringBuilder csv = new StringBuilder(
                "customer_number,customer_name,customer_email,order_number,ordered_on,serial_number,model,category,"
                        + "shipped_on,unit_price,currency,manufacturer_plan,manufacturer_name,"
                        + "payment_method_on_file\n");
        String shipped = LocalDate.now().minusDays(30).toString();
        for (int i = 1; i <= assets; i++) {
            csv.append("CB-")
                    .append(run)
                    .append(",Bench Co ")
                    .append(run)
                    .append(",bench@bench.example,SO-B")
                    .append(run)
                    .append(",")
                    .append(shipped)
                    .append(",")
                    .append(serialPrefix)
                    .append(run)
                    .append('-')
                    .append(i)
                    .append(",ITM CoreSwitch 9300-48P,ENTERPRISE_INFRASTRUCTURE,")
                    .append(shipped)
                    .append(",8400.00,USD,false,,true\n");
        }
        send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(base + "/api/admin/installed-base?fileName=bench.csv"))
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

    Connection db() throws Exception {
        return DriverManager.getConnection(jdbcUrl);
    }

    // ---- HTTP
    // --------------------------------------------------------------------------------------------------------

    /** A browser-like session: form sign-in once, the session cookie and the CSRF cookie from then on. */
    HttpClient signedIn(String app, String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(
                HttpRequest.newBuilder(URI.create(app + "/login")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String form =
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo&_csrf=" + csrf(cookies);
        HttpResponse<Void> signIn = http.send(
                HttpRequest.newBuilder(URI.create(app + "/login"))
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

    /** A customer's return of one unit, as the portal's pages post it; answers the body (request and case refs). */
    String submit(String app, HttpClient session, String serial) throws Exception {
        CookieManager cookies = (CookieManager) session.cookieHandler().orElseThrow();
        return send(
                session,
                HttpRequest.newBuilder(URI.create(app + "/api/returns"))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", csrf(cookies))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"serialNumber\":\"" + serial
                                + "\",\"faultDescription\":\"No link light\"}]}")),
                201);
    }

    /** The warehouse's receipt of a unit, with its API key. */
    int receipt(String app, String rmaNumber, String receiptId) throws Exception {
        return send(
                        MACHINE,
                        HttpRequest.newBuilder(URI.create(app + "/api/warehouse/receipts"))
                                .header("X-API-Key", receiptKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"rmaNumber\":\"" + rmaNumber + "\",\"receiptId\":\"" + receiptId + "\"}")),
                        202)
                .length();
    }

    private static final HttpClient MACHINE = HttpClient.newHttpClient();

    private static String csrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    private int get(HttpClient http, String path) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(base + path)).GET(), 200)
                .length();
    }

    private static String send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + " (not "
                    + expected + "): "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
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

    /** A figure of latencies against a p99 target in milliseconds (0: no target, the figure explains others). */
    private void figure(String name, Latencies l, double targetP99) {
        distributions.put(name, l.millis());
        figures.add(new Figure(
                name,
                String.format(
                                Locale.ROOT,
                                "p50 %.1f ms, p95 %.1f, p99 %.1f",
                                l.percentile(50),
                                l.percentile(95),
                                l.percentile(99))
                        + (l.seconds() > 0 ? String.format(Locale.ROOT, "; %.0f/s", l.perSecond()) : ""),
                targetP99 > 0 ? "p99 < " + (int) targetP99 + " ms" : "—",
                targetP99 > 0 ? l.percentile(99) < targetP99 : null));
    }

    private String report() {
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
        return out.append(sections).toString();
    }

    /** The submitted returns of the latency figures end there: their instances are cancelled, not left for staff. */
    private void cancelSubmitted(CamundaClient engine) throws Exception {
        List<Long> instances = new ArrayList<>();
        try (Connection db = db();
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select r.process_instance_key from return_requests r join customers"
                        + " cu on cu.id = r.customer_id where cu.customer_number = 'CB-" + run
                        + "' and r.process_instance_key is not null")) {
            while (rs.next()) {
                instances.add(rs.getLong(1));
            }
        }
        for (long key : instances) {
            try {
                engine.newCancelInstanceCommand(key).send().join();
            } catch (RuntimeException ignored) {
                // already ended
            }
        }
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
