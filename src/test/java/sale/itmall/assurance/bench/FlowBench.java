package sale.itmall.assurance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.process.Variables;

/**
 * Drives advance-replacement cases end to end, as people and systems do: the customer submits on the portal, staff
 * complete the user tasks in the portal's task queue through its API, each with their role's demo sign-in (remote
 * diagnosis, RMA approval, inspection), the warehouse reports the unit through the warehouse API. The "bare" flow is
 * the same BPMN deployed under other process ids with no-op workers and a bare task completer in this JVM (same
 * engine, same messages; its user tasks become jobs of the completer's own type, so the queue never sees them),
 * interleaved batch by batch with the real one, so that the application's cost and the engine's are told apart.
 *
 * <p>Per user task: the engine latency is from the action before (submit, the previous task's completion, the
 * receipt) to the task's creation time in the engine's records; the visible latency is from that creation to the
 * moment the task is found in the portal's queue (bare: to the completer holding it).
 */
@SuppressWarnings("PMD.SystemPrintln") // a benchmark prints its figures
final class FlowBench implements AutoCloseable {

    static final String BARE_REQUEST = "bench-bare-request";
    static final String BARE_CASE = "bench-bare-case";
    static final List<String> STEPS = List.of(Elements.REMOTE_DIAGNOSIS, Elements.RMA_APPROVAL, Elements.INSPECTION);
    private static final Map<String, Map<String, Object>> FORMS = Map.of(
            Elements.REMOTE_DIAGNOSIS,
            Map.of("diagnosisOutcome", "HARDWARE_DEFECT", "diagnosisNotes", "Fan controller dead (bench)"),
            Elements.RMA_APPROVAL,
            Map.of("rmaDecision", "APPROVE"),
            Elements.INSPECTION,
            Map.of("benchFinding", "DEFECT_CONFIRMED"));

    /** One user task of a case: the action before it, its creation (engine clock, corrected), when it was seen. */
    static final class Step {
        volatile long key;
        volatile long previous;
        volatile long created;
        volatile long seen;
        volatile long completed;
    }

    /** One case in flight, real or bare; times in epoch milliseconds of this machine's clock. */
    static final class Case {
        final String ref;
        final boolean bare;
        final String appBase;
        volatile long instanceKey;
        volatile long requestInstanceKey;
        volatile long started;
        volatile String rmaNumber;
        volatile boolean receiptSent;
        volatile long receiptDone;
        volatile long ended;
        final Map<String, Step> steps = new ConcurrentHashMap<>();

        Case(String ref, boolean bare, String appBase) {
            this.ref = ref;
            this.bare = bare;
            this.appBase = appBase;
        }

        /** When the action before this task ended: the start, the previous task, or the receipt. */
        long previousFor(String element) {
            return switch (element) {
                case Elements.REMOTE_DIAGNOSIS -> started;
                case Elements.RMA_APPROVAL -> step(Elements.REMOTE_DIAGNOSIS).completed;
                default -> receiptDone;
            };
        }

        Step step(String element) {
            return steps.computeIfAbsent(element, e -> new Step());
        }
    }

    /** What one batch measured. */
    record Batch(
            boolean bare,
            int cases,
            double seconds,
            Map<String, List<Double>> engineMillis,
            Map<String, List<Double>> visibleMillis,
            List<Double> endToEndSeconds,
            Map<String, Double> cpuSeconds,
            Map<String, Long> residentMegabytes,
            List<Double> activationMillis,
            int unfinished) {
        double perSecond() {
            return cases / seconds;
        }
    }

    private final Bench bench;
    private final String engineUrl;
    private final CamundaClient engine;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Case> cases = new ConcurrentHashMap<>();
    private final Set<Long> handledTasks = ConcurrentHashMap.newKeySet();
    private final List<JobWorker> workers = new ArrayList<>();
    private final ExecutorService actions = Executors.newFixedThreadPool(8);
    private final AtomicInteger serials = new AtomicInteger();
    private final AtomicInteger bareRefs = new AtomicInteger();
    private final long engineOffsetMillis;
    private final String customerNumber;
    private final String customerUser;

    FlowBench(Bench bench, CamundaClient engine, String engineUrl, String customerNumber, String customerUser)
            throws Exception {
        this.bench = bench;
        this.engine = engine;
        this.engineUrl = engineUrl;
        this.customerNumber = customerNumber;
        this.customerUser = customerUser;
        // the engine's clock may have been moved (the demo clock): its record times are corrected
        JsonNode clock = json.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(engineUrl + "/clock"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        long local = System.currentTimeMillis();
        this.engineOffsetMillis = clock.path("epochMilli").asLong(local) - local;
        deployBare();
        openBareWorkers();
    }

    // ---- the bare flow: the same models, other ids, no-op workers ------------------------------------------------

    private void deployBare() throws Exception {
        String request = bareModel(Files.readString(Path.of("bpmn/itmall-return-request.bpmn")));
        String kase = bareModel(Files.readString(Path.of("bpmn/itmall-return-case.bpmn")));
        engine.newDeployResourceCommand()
                .addResourceStringUtf8(request, BARE_REQUEST + ".bpmn")
                .addResourceStringUtf8(kase, BARE_CASE + ".bpmn")
                .send()
                .join();
    }

    /** The same model under other ids; its user tasks become jobs of the bare completer ({@value #BARE_TASK}). */
    private static String bareModel(String xml) {
        return xml.replace("\"" + ProcessContract.REQUEST_PROCESS_ID + "\"", "\"" + BARE_REQUEST + "\"")
                .replace("\"" + ProcessContract.CASE_PROCESS_ID + "\"", "\"" + BARE_CASE + "\"")
                .replaceAll("zeebe:taskDefinition type=\"", "zeebe:taskDefinition type=\"bare-")
                .replace("<zeebe:userTask/>", "<zeebe:taskDefinition type=\"" + BARE_TASK + "\"/>")
                .replaceAll("<zeebe:(formDefinition|assignmentDefinition|taskSchedule)[^>]*/>", "")
                .replace("bpmn:userTask", "bpmn:serviceTask");
    }

    static final String BARE_TASK = "bare-user-task";

    static List<String> jobTypes() throws Exception {
        List<String> types = new ArrayList<>();
        for (String model : List.of("bpmn/itmall-return-request.bpmn", "bpmn/itmall-return-case.bpmn")) {
            Matcher m =
                    Pattern.compile("zeebe:taskDefinition type=\"([^\"]+)\"").matcher(Files.readString(Path.of(model)));
            while (m.find()) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    private void openBareWorkers() throws Exception {
        // the bare task completer: completes each user task at once with what its form would send
        workers.add(engine.newWorker()
                .jobType(BARE_TASK)
                .handler((client, job) -> {
                    Object ref = job.getVariablesAsMap().get("caseRef");
                    Case c = ref == null ? null : cases.get(ref.toString());
                    if (c != null) {
                        Step s = c.step(job.getElementId());
                        s.key = job.getKey();
                        s.seen = System.currentTimeMillis();
                        s.previous = c.previousFor(job.getElementId());
                    }
                    client.newCompleteCommand(job)
                            .variables(FORMS.getOrDefault(job.getElementId(), Map.of()))
                            .send()
                            .join();
                    if (c != null) {
                        c.step(job.getElementId()).completed = System.currentTimeMillis();
                    }
                })
                .fetchVariables("caseRef")
                .open());
        for (String type : jobTypes()) {
            workers.add(engine.newWorker()
                    .jobType("bare-" + type)
                    .handler((client, job) -> client.newCompleteCommand(job)
                            .variables(bareAnswer(type, job))
                            .send()
                            .join())
                    .fetchVariables("caseRef")
                    .open());
        }
    }

    /** What a real worker answers on the advance-replacement path, without doing its work. */
    private Map<String, Object> bareAnswer(String type, ActivatedJob job) {
        Object ref = job.getVariablesAsMap().get("caseRef");
        Case c = ref == null ? null : cases.get(ref.toString());
        Instant now = Instant.now();
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (type) {
            case ProcessContract.Jobs.ENTITLEMENT_CHECK -> {
                if (c != null) {
                    c.instanceKey = job.getProcessInstanceKey();
                }
                answer.put("entitlementRoute", "CONTINUE");
                answer.put("diagnosisDueAt", now.plus(Duration.ofDays(2)).toString());
            }
            case ProcessContract.Jobs.DIAGNOSIS_RECORD -> {
                answer.put("diagnosisRoute", "CONTINUE");
                answer.put("advanceReplacement", true);
            }
            case ProcessContract.Jobs.RMA_DECIDE -> {
                answer.put("rmaApproved", true);
                answer.put("advanceReplacementShipped", false);
                answer.put("rmaNumber", "RMA-" + ref);
                answer.put("returnDueAt", now.plus(Duration.ofDays(10)).toString());
                answer.put("complianceLimitAt", now.plus(Duration.ofDays(20)).toString());
                if (c != null) {
                    c.rmaNumber = "RMA-" + ref;
                }
            }
            case ProcessContract.Jobs.ADVANCE_DISPATCH -> answer.put("advanceReplacementShipped", true);
            case ProcessContract.Jobs.RECEIPT_RECORD -> answer.put("unitReceived", true);
            case ProcessContract.Jobs.RESOLUTION_RECORD -> answer.put("caseOutcome", "REPLACED");
            case ProcessContract.Jobs.CASE_CLOSE -> {
                if (c != null) {
                    c.ended = System.currentTimeMillis();
                }
            }
            default -> {
                // nothing to answer
            }
        }
        return answer;
    }

    // ---- a batch -------------------------------------------------------------------------------------------------

    /**
     * Waits until the stack has caught up with what came before (its processes use less than a third of a core
     * together), so that a batch does not pay for the one before it; at most two minutes.
     */
    static void settle(Map<String, Long> pids) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            double before = cpuSeconds(pids).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            Thread.sleep(2000);
            double used = cpuSeconds(pids).values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum()
                    - before;
            if (used / 2 < 0.33) {
                return;
            }
        }
    }

    /** Starts {@code n} cases at once (real: submitted through the apps given, in turn) and waits until all ended. */
    Batch batch(boolean bare, int n, List<String> appBases, Map<String, Long> pids) throws Exception {
        settle(pids);
        Map<String, Double> cpuBefore = cpuSeconds(pids);
        List<Case> batch = Collections.synchronizedList(new ArrayList<>());
        Map<String, HttpClient> sessions = new LinkedHashMap<>();
        for (String app : appBases) {
            sessions.put(app, bench.signedIn(app, customerUser));
        }
        List<Future<?>> starts = new ArrayList<>();
        try (ExecutorService starters = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < n; i++) {
                String app = appBases.get(i % appBases.size());
                starts.add(starters.submit(() -> {
                    batch.add(start(bare, app, sessions.get(app)));
                    return null;
                }));
            }
            for (Future<?> f : starts) {
                f.get();
            }
        }
        long deadline =
                System.currentTimeMillis() + Duration.ofSeconds(180 + n * 3L).toMillis();
        while (System.currentTimeMillis() < deadline && batch.stream().anyMatch(c -> c.ended == 0)) {
            tick(batch);
            Thread.sleep(100);
        }
        for (Case c : batch) {
            if (c.ended == 0) {
                cancel(c);
                System.err.println("bench: " + c.ref + " (" + (c.bare ? "bare" : "real") + ") did not end: instance "
                        + c.instanceKey + ", tasks seen " + c.steps.keySet() + ", RMA " + c.rmaNumber + ", receipt "
                        + (c.receiptDone > 0));
            }
        }
        Map<String, Double> cpu = cpuSeconds(pids);
        cpu.replaceAll((k, v) -> v - cpuBefore.getOrDefault(k, 0.0));
        long first = batch.stream().mapToLong(c -> c.started).min().orElse(0);
        List<Case> finished = batch.stream().filter(c -> c.ended > 0).toList();
        long last = Math.max(finished.stream().mapToLong(c -> c.ended).max().orElse(first), System.currentTimeMillis());
        JsonNode jobs = jobs(first, last);
        Map<Long, Long> createdAt = new HashMap<>();
        for (JsonNode j : jobs) {
            createdAt.put(j.path("key").asLong(), j.path("createdAt").asLong() - engineOffsetMillis);
        }
        for (Case c : batch) {
            for (Step s : c.steps.values()) {
                s.created = createdAt.getOrDefault(s.key, 0L);
            }
        }
        Map<String, List<Double>> engineMillis = new LinkedHashMap<>();
        Map<String, List<Double>> visibleMillis = new LinkedHashMap<>();
        for (String element : STEPS) {
            List<Double> e = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            for (Case c : batch) {
                Step s = c.steps.get(element);
                if (s != null && s.seen > 0 && s.created > 0) {
                    e.add((double) (s.created - s.previous));
                    v.add((double) (s.seen - s.created));
                }
            }
            engineMillis.put(element, e);
            visibleMillis.put(element, v);
        }
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, residentMegabytes(pid)));
        List<Double> activation = activations(jobs, bare);
        return new Batch(
                bare,
                finished.size(),
                Math.max(0.001, (last - first) / 1000.0),
                engineMillis,
                visibleMillis,
                finished.stream().map(c -> (c.ended - c.started) / 1000.0).toList(),
                cpu,
                rss,
                activation,
                batch.size() - finished.size());
    }

    private Case start(boolean bare, String app, HttpClient session) throws Exception {
        int n = serials.incrementAndGet();
        long t = System.currentTimeMillis();
        if (bare) {
            String ref = "RC-BARE-" + bench.run() + "-" + bareRefs.incrementAndGet();
            Case c = new Case(ref, true, app);
            c.started = t;
            cases.put(ref, c);
            Variables.Item item = new Variables.Item(
                    ref,
                    "SN-F" + bench.run() + "-" + n,
                    "ITM CoreSwitch 9300-48P",
                    AssetCategory.ENTERPRISE_INFRASTRUCTURE,
                    LocalDate.now().minusDays(30),
                    "No link light",
                    "");
            c.requestInstanceKey = engine.newCreateInstanceCommand()
                    .bpmnProcessId(BARE_REQUEST)
                    .latestVersion()
                    .variables(new Variables.RequestStarted(
                            "RR-BARE-" + bench.run() + "-" + n, customerNumber, "Bench Co", List.of(item)))
                    .send()
                    .join()
                    .getProcessInstanceKey();
            return c;
        }
        String answer = bench.submit(app, session, "SN-F" + bench.run() + "-" + n);
        String ref = json.readTree(answer).path("caseReferences").get(0).asText();
        Case c = new Case(ref, false, app);
        c.started = t;
        cases.put(ref, c);
        return c;
    }

    /** Who takes each task from the queue: the demo's sign-in of its role (password "demo"). */
    private static final Map<String, String> ROLE_USERS =
            Map.of(Elements.REMOTE_DIAGNOSIS, "tac", Elements.RMA_APPROVAL, "approver", Elements.INSPECTION, "bench");

    /** The bare cases started so far. */
    int bareCases() {
        return bareRefs.get();
    }

    /** One look, as staff and the warehouse would: new tasks in the queue are completed, ready units received. */
    private void tick(List<Case> batch) throws Exception {
        refreshRealCases(batch);
        for (String appBase : batch.stream()
                .filter(c -> !c.bare)
                .map(c -> c.appBase)
                .distinct()
                .toList()) {
            for (String user : ROLE_USERS.values().stream().distinct().toList()) {
                JsonNode queue = staffCall(appBase, user, "GET", "/api/staff/tasks", null);
                long now = System.currentTimeMillis(); // when the queue's answer arrived
                for (JsonNode task : queue) {
                    long key = task.path("taskKey").asLong();
                    Case c = cases.get(task.path("caseReference").asText());
                    String element = task.path("elementId").asText();
                    if (c == null || !FORMS.containsKey(element) || !handledTasks.add(key)) {
                        continue;
                    }
                    Step s = c.step(element);
                    s.key = key;
                    s.seen = now;
                    s.previous = c.previousFor(element);
                    act(c, () -> {
                        staffCall(
                                appBase,
                                user,
                                "POST",
                                "/api/staff/tasks/" + key + "/completion",
                                Map.of("variables", FORMS.get(element)));
                        s.completed = System.currentTimeMillis();
                    });
                }
            }
        }
        for (Case c : batch) {
            if (c.rmaNumber != null && !c.receiptSent) {
                c.receiptSent = true;
                act(c, () -> {
                    receive(c);
                    c.receiptDone = System.currentTimeMillis();
                });
            }
        }
    }

    interface Action {
        void run() throws Exception;
    }

    /**
     * A person's or the warehouse's action, on its own thread. Under load the broker pushes back (429 resource
     * exhausted) and the application may answer 503: the action is tried again after a pause, as a person would;
     * one that still fails is said, not swallowed.
     */
    private void act(Case c, Action action) {
        actions.submit(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    action.run();
                    return null;
                } catch (Exception e) {
                    boolean busy = String.valueOf(e.getMessage())
                            .matches("(?s).*(answered 429|answered 503|RESOURCE_EXHAUSTED).*");
                    if (!busy || attempt == 20) {
                        System.err.println("bench: an action on " + c.ref + " failed: " + e.getMessage());
                        return null;
                    }
                    retries.incrementAndGet();
                    Thread.sleep(250L * attempt);
                }
            }
        });
    }

    /** How often the broker or the application pushed back and an action was tried again. */
    final AtomicInteger retries = new AtomicInteger();

    /** A case that did not end is cancelled, so that nothing of it waits on the broker (its RMA, its tasks). */
    private void cancel(Case c) {
        try {
            long request = c.requestInstanceKey;
            if (!c.bare) {
                try (Connection db = bench.db();
                        PreparedStatement q = db.prepareStatement("select r.process_instance_key from return_requests"
                                + " r join return_cases c on c.request_id = r.id where c.reference = ?")) {
                    q.setString(1, c.ref);
                    try (ResultSet rs = q.executeQuery()) {
                        request = rs.next() ? rs.getLong(1) : 0;
                    }
                }
            }
            if (request != 0) {
                engine.newCancelInstanceCommand(request).send().join();
            }
        } catch (Exception e) {
            System.err.println("bench: could not cancel " + c.ref + ": " + e.getMessage());
        }
    }

    private void receive(Case c) throws Exception {
        // unique per run: the broker keeps a message id for its time to live, and a new database repeats case numbers
        String receiptId = "WH-" + bench.run() + "-" + c.ref;
        if (c.bare) {
            engine.newPublishMessageCommand()
                    .messageName(ProcessContract.MSG_ASSET_RECEIVED)
                    .correlationKey(c.rmaNumber)
                    .messageId(receiptId)
                    .variables(new Variables.ReceiptMessage(receiptId, Instant.now()))
                    .send()
                    .join();
        } else {
            bench.receipt(c.appBase, c.rmaNumber, receiptId);
        }
    }

    /** The application's database says which instance a real case runs in, its RMA number and whether it closed. */
    private void refreshRealCases(List<Case> batch) throws Exception {
        List<String> open = batch.stream()
                .filter(c -> !c.bare && c.ended == 0)
                .map(c -> c.ref)
                .toList();
        if (open.isEmpty()) {
            return;
        }
        try (Connection db = bench.db();
                PreparedStatement q = db.prepareStatement("select reference, process_instance_key, rma_number,"
                        + " status from return_cases where reference = any(?)")) {
            Array refs = db.createArrayOf("text", open.toArray());
            q.setArray(1, refs);
            try (ResultSet rs = q.executeQuery()) {
                long now = System.currentTimeMillis();
                while (rs.next()) {
                    Case c = cases.get(rs.getString(1));
                    long key = rs.getLong(2);
                    if (key != 0 && c.instanceKey == 0) {
                        c.instanceKey = key;
                    }
                    if (rs.getString(3) != null && c.rmaNumber == null) {
                        c.rmaNumber = rs.getString(3);
                    }
                    if ("CLOSED".equals(rs.getString(4))) {
                        c.ended = now;
                    }
                }
            }
        }
    }

    /** The jobs the engine created between two times of this machine, with their first activation. */
    private JsonNode jobs(long from, long to) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(engineUrl + "/jobs?from=" + (from + engineOffsetMillis) + "&to="
                                + (to + engineOffsetMillis)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    /** Job activation in the engine's records: from a job's creation to its first activation, real or bare. */
    private static List<Double> activations(JsonNode jobs, boolean bare) {
        List<Double> millis = new ArrayList<>();
        for (JsonNode j : jobs) {
            String type = j.path("type").asText();
            if (type.startsWith("bare-") == bare
                    && !type.equals("io.camunda.zeebe:userTask")
                    && j.path("activatedAt").asLong() > 0) {
                millis.add((double)
                        (j.path("activatedAt").asLong() - j.path("createdAt").asLong()));
            }
        }
        return millis;
    }

    /** The portal's API as one of the demo's staff sign-ins (HTTP Basic, password "demo"). */
    private JsonNode staffCall(String appBase, String user, String method, String path, Object body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(appBase + path))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    }

    // ---- job activation --------------------------------------------------------------------------------------------

    /**
     * Job activation as the product's workers meet it (the same client library and defaults): from sending the
     * command that creates an instance whose first step is a job, to a worker holding that job; one job at a time,
     * 50 ms apart, so each finds the worker idle.
     */
    List<Double> activation(boolean streaming, int jobs) throws Exception {
        String type = "bench-activation-" + (streaming ? "stream" : "poll");
        engine.newDeployResourceCommand()
                .addProcessModel(
                        Bpmn.createExecutableProcess("bench-activation")
                                .startEvent()
                                .serviceTask("job", t -> t.zeebeJobType("=jobType"))
                                .endEvent()
                                .done(),
                        "bench-activation.bpmn")
                .send()
                .join();
        Map<Integer, Long> sent = new ConcurrentHashMap<>();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        JobWorker worker = engine.newWorker()
                .jobType(type)
                .handler((client, job) -> {
                    long at = System.nanoTime();
                    int n = ((Number) job.getVariablesAsMap().get("n")).intValue();
                    millis.add((at - sent.get(n)) / 1e6);
                    client.newCompleteCommand(job).send().join();
                })
                .streamEnabled(streaming)
                .fetchVariables("n")
                .open();
        try {
            Thread.sleep(2000); // the worker's first poll or its stream is open
            for (int n = 0; n < jobs; n++) {
                sent.put(n, System.nanoTime());
                engine.newCreateInstanceCommand()
                        .bpmnProcessId("bench-activation")
                        .latestVersion()
                        .variables(Map.of("jobType", type, "n", n))
                        .send()
                        .join();
                Thread.sleep(50);
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (millis.size() < jobs && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            worker.close();
        }
        return new ArrayList<>(millis);
    }

    // ---- processes' CPU and memory -------------------------------------------------------------------------------

    static Map<String, Double> cpuSeconds(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second here)
                cpu.put(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
            } catch (Exception e) {
                cpu.put(name, 0.0);
            }
        });
        return cpu;
    }

    static long residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception ignored) {
            // the process is gone
        }
        return 0;
    }

    @Override
    public void close() {
        workers.forEach(JobWorker::close);
        actions.shutdownNow();
    }
}
