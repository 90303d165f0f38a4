package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.support.Chromium;
import sale.itmall.assurance.support.DemoEngineProcess;
import sale.itmall.assurance.support.Fixtures;

/**
 * End to end as bin/run runs the product: the demo engine as a process of its own (bin/test starts a fresh one), the
 * application with the demo profile (demo sign-ins, the staff task queue, the demo clock following the engine's), no
 * mocks. Staff complete every user task in the portal's queue, in Chromium or through its API; the compliance timers
 * fire on the demo clock; operations read and retry an incident through the demo engine's control API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"itmall.embedded-postgres.port=0", "itmall.demo-clock.enabled=true"})
@ActiveProfiles("demo")
class DemoEngineIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Fixtures fixtures(JdbcClient jdbc, Clock clock) {
            return new Fixtures(jdbc, clock);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("itmall-e2e-pg").resolve("data").toString();
        registry.add("itmall.embedded-postgres.data-dir", () -> dir);
        int smtp = TestSocketUtils.findAvailableTcpPort();
        registry.add("itmall.mail.embedded-server.port", () -> smtp);
        registry.add("spring.mail.port", () -> smtp);
        registry.add("camunda.client.grpc-address", () -> DemoEngineProcess.GRPC);
        registry.add("itmall.demo-clock.engine-url", () -> DemoEngineProcess.URL);
    }

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    CaseRequests caseRequests;

    @Autowired
    ReturnRequests returnRequests;

    @Autowired
    WarehouseReceipts warehouseReceipts;

    @Autowired
    CaseStore store;

    @Autowired
    AssetStore assetStore;

    @Autowired
    CaseFindings caseFindings;

    @Autowired
    AuditTrail audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CustomerAccounts customerAccounts;

    @Autowired
    CustomerQuestions customerQuestions;

    @Autowired
    WarrantyLookup warrantyLookup;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamundaClient engine;

    // ---- the portal's HTTP API, signed in with the demo's staff sign-ins (password "demo") ------------------------

    HttpResponse<String> api(String user, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode())
                .as(response.request().method() + " " + response.request().uri() + ": " + response.body())
                .isBetween(200, 299);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** The key of the open task at an element of a case, as the queue lists it to this staff member. */
    long taskOf(String user, String caseRef, String elementId) {
        long[] key = new long[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode t : ok(api(user, "GET", "/api/staff/tasks?caseReference=" + caseRef, null))) {
                if (t.path("elementId").asText().equals(elementId)) {
                    key[0] = t.path("taskKey").asLong();
                    return true;
                }
            }
            return false;
        });
        return key[0];
    }

    /** Completes a task through the queue's API with its form's fields, as an integration would. */
    void complete(String user, String caseRef, String elementId, Map<String, Object> form) throws Exception {
        long key = taskOf(user, caseRef, elementId);
        HttpResponse<String> r =
                api(user, "POST", "/api/staff/tasks/" + key + "/completion", Map.of("variables", form));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    JsonNode moveClock(Map<String, Object> by) throws Exception {
        return ok(api("admin", "POST", "/api/staff/demo/clock", by));
    }

    // ---- scenarios --------------------------------------------------------------------------------------------------

    String submit(AssetCategory category, int shippedDaysAgo, boolean paymentOk) {
        String customer = fixtures.customer(paymentOk);
        String serial = fixtures.asset(customer, category, shippedDaysAgo, false);
        return returnRequests
                .submit(customer, null, List.of(new ReturnRequests.Item(serial, "Fans stop at boot")))
                .caseReferences()
                .get(0);
    }

    /** Remote diagnosis (defect) and RMA approval through the queue's API, by the TAC engineer and the approver. */
    void authorize(String caseRef) throws Exception {
        complete(
                "tac",
                caseRef,
                Elements.REMOTE_DIAGNOSIS,
                Map.of("diagnosisOutcome", "HARDWARE_DEFECT", "diagnosisNotes", "Fan controller dead"));
        complete("approver", caseRef, Elements.RMA_APPROVAL, Map.of("rmaDecision", "APPROVE"));
        await().atMost(WAIT).until(() -> store.require(caseRef).rmaNumber() != null);
    }

    CaseRecord awaitClosed(String caseRef) {
        await().atMost(WAIT).until(() -> store.require(caseRef).closed());
        return store.require(caseRef);
    }

    List<String> auditTypes(String caseRef) {
        return audit.events(store.require(caseRef).id()).stream()
                .map(AuditEvent::type)
                .toList();
    }

    // ---- staff in the browser ---------------------------------------------------------------------------------------

    void signIn(WebDriver browser, String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Chromium.await(browser, Chromium.WAIT, d -> !d.getCurrentUrl().contains("/login"));
    }

    /** A staff member finds the case's task in their queue, takes it and opens its form (rendered by form-js). */
    WebElement takeTask(WebDriver browser, String user, String caseRef, String elementId) {
        signIn(browser, user);
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            browser.get("http://localhost:" + port + "/staff/tasks?caseReference=" + caseRef);
            return !browser.findElements(By.cssSelector("tr[data-element='" + elementId + "']"))
                    .isEmpty();
        });
        browser.findElement(By.cssSelector("tr[data-element='" + elementId + "'] button.take"))
                .click();
        return Chromium.element(browser, Chromium.WAIT, By.cssSelector("#task-form[data-ready=true]"));
    }

    /** Picks a radio option of the form by its label, as a person clicks it. */
    static void choose(WebDriver browser, String label) {
        WebElement option = Chromium.element(
                browser, Chromium.WAIT, By.xpath("//*[@id='task-form']//label[normalize-space()=\"" + label + "\"]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", option);
        option.click();
    }

    /** Ticks the checkbox of the form with this label, as a person clicks the box. */
    static void tick(WebDriver browser, String label) {
        WebElement box = Chromium.element(
                browser,
                Chromium.WAIT,
                By.xpath("//*[@id='task-form']//label[normalize-space()=\"" + label + "\"]/preceding-sibling::input"
                        + "[@type='checkbox'] | //*[@id='task-form']//label[normalize-space()=\"" + label
                        + "\"]//input[@type='checkbox']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
        box.click();
        assertThat(box.isSelected()).as("%s ticked", label).isTrue();
    }

    /** The text field of the form under this label (a required field's label ends in form-js's asterisk). */
    static WebElement field(WebDriver browser, String label) {
        return browser.findElement(By.xpath("//*[@id='task-form']//label[normalize-space()=\"" + label
                + "\" or normalize-space()=\"" + label + "*\"]/following::textarea[1]"));
    }

    static void type(WebDriver browser, String label, String text) {
        field(browser, label).sendKeys(text);
    }

    static void completeTask(WebDriver browser) {
        WebElement button = browser.findElement(By.id("complete"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        Chromium.await(browser, Chromium.WAIT, d -> d.getCurrentUrl().contains("/staff/tasks?completed="));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "advance replacement, 60, , REPLACED, ADVANCE_REPLACEMENT",
        "repair, 500, Repair, REPAIRED, REPAIRED_UNIT",
        "replacement, 500, Replacement, REPLACED, REPLACEMENT_UNIT",
        "credit, 500, Credit, CREDITED, "
    })
    void staffTakeAReturnThroughEveryTaskInThePortalQueueToItsResolution(
            String path, int shippedDaysAgo, String resolution, String outcome, String outboundPurpose)
            throws Exception {
        String caseRef = submit(AssetCategory.ENTERPRISE_INFRASTRUCTURE, shippedDaysAgo, true);
        WebDriver browser = Chromium.start(1280, 1400);
        try {
            WebElement form = takeTask(browser, "tac", caseRef, Elements.REMOTE_DIAGNOSIS);
            // the customer's text shows as typed, in a read-only field
            WebElement description = field(browser, "Customer's description");
            assertThat(description.getDomProperty("value")).isEqualTo("Fans stop at boot");
            assertThat(description.getDomAttribute("readonly")).isNotNull();
            assertThat(form.getText()).contains("Case " + caseRef);
            // dates the engine holds as dates read as dates in the form
            assertThat(form.getText())
                    .containsPattern("Warranty ends\\s+\\d{4}-\\d{2}-\\d{2}")
                    .containsPattern("Maintenance ends\\s+\\d{4}-\\d{2}-\\d{2}");
            // form-js's watermark stays visible, as its licence asks
            assertThat(browser.findElement(By.cssSelector(".fjs-powered-by a[href='https://bpmn.io']"))
                            .isDisplayed())
                    .isTrue();
            choose(browser, "Hardware defect confirmed: an RMA under warranty, otherwise a paid repair quote");
            type(browser, "Diagnosis notes", "Fan controller dead");
            completeTask(browser);
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                    .contains("Completed: Remote diagnosis");

            takeTask(browser, "approver", caseRef, Elements.RMA_APPROVAL);
            assertThat(field(browser, "Diagnosis notes (TAC)").getDomProperty("value"))
                    .isEqualTo("Fan controller dead");
            choose(browser, "Authorize the RMA");
            completeTask(browser);
            await().atMost(WAIT).until(() -> store.require(caseRef).rmaNumber() != null);
            if (shippedDaysAgo < 365) {
                await().atMost(WAIT).until(() -> assetStore
                        .findReplacement(store.require(caseRef).id())
                        .isPresent());
            }

            JsonNode receipt = ok(api(
                    "warehouse",
                    "POST",
                    "/api/warehouse/receipts",
                    Map.of("rmaNumber", store.require(caseRef).rmaNumber(), "receiptId", "WH-E2E-" + caseRef)));
            assertThat(receipt.path("status").asText()).isEqualTo("RECEIVED");

            takeTask(browser, "bench", caseRef, Elements.INSPECTION);
            choose(browser, "Defect confirmed");
            if (resolution != null) {
                choose(browser, resolution);
            }
            type(browser, "Inspection notes", "Confirmed on the bench");
            completeTask(browser);
        } finally {
            browser.quit();
        }

        CaseRecord closed = awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.valueOf(outcome));
        List<FreightLeg> outbound = caseFindings.shipments(closed.id()).stream()
                .filter(l -> l.direction() == FreightLeg.Direction.OUTBOUND)
                .toList();
        if (outboundPurpose == null) {
            assertThat(outbound).isEmpty();
            assertThat(caseFindings.charges(closed.id()))
                    .extracting(CaseFindings.ChargeRow::reason)
                    .containsExactly(ChargeReason.CREDIT_NOTE);
        } else {
            assertThat(outbound).singleElement().satisfies(leg -> {
                assertThat(leg.purpose().name()).isEqualTo(outboundPurpose);
                assertThat(leg.payer()).isEqualTo(FreightLeg.Payer.ITMALL);
            });
        }
        assertThat(auditTypes(caseRef))
                .containsSubsequence(
                        "ENTITLEMENT_CHECKED",
                        "DIAGNOSIS_RECORDED",
                        "RMA_AUTHORIZED",
                        "UNIT_RECEIVED",
                        "INSPECTION_RECORDED",
                        "CASE_CLOSED");
        // the queue is empty for the case once it is closed
        assertThat(ok(api("bench", "GET", "/api/staff/tasks?caseReference=" + caseRef, null)))
                .isEmpty();
    }

    /** TAC asks the customer in the queue's form; the answer comes back in TAC's next task, in a read-only field. */
    @Test
    void tacAsksTheCustomerInTheQueueAndTheNextTaskShowsTheExchange() throws Exception {
        String caseRef = submit(AssetCategory.END_USER_TERMINAL, 30, true);
        WebDriver browser = Chromium.start(1280, 1400);
        try {
            WebElement form = takeTask(browser, "tac", caseRef, Elements.REMOTE_DIAGNOSIS);
            assertThat(browser.findElements(
                            By.xpath("//*[@id='task-form']//label[normalize-space()='Exchange with the customer']")))
                    .isEmpty();
            choose(
                    browser,
                    "Ask the customer first (logs, photos, a remote-access window): the case waits for the answer");
            assertThat(form.getText()).contains("Reminder after 3 days, closed unanswered after 10 days");
            type(browser, "Question to the customer", "Please send the **boot log**.");
            tick(browser, "Logs");
            completeTask(browser);
            await().atMost(WAIT).until(() -> store.require(caseRef).status() == CaseStatus.AWAITING_CUSTOMER_ANSWER);

            customerQuestions.answer(
                    customerAccounts.customer(store.require(caseRef).facts().customerId()),
                    caseRef,
                    "[click me](https://evil.example) fan0 stalled",
                    List.of(ProofFile.check("files", "boot.log", "fan0: 0 rpm".getBytes(StandardCharsets.UTF_8))),
                    "customer:e2e");

            takeTask(browser, "tac", caseRef, Elements.REMOTE_DIAGNOSIS);
            WebElement exchange = field(browser, "Exchange with the customer");
            assertThat(exchange.getDomAttribute("readonly")).isNotNull();
            assertThat(exchange.getDomProperty("value"))
                    .contains("Question 1, asked")
                    .contains("(logs)")
                    .contains("Please send the **boot log**.")
                    .contains("[click me](https://evil.example) fan0 stalled")
                    .contains("boot.log");
            // the customer's text is plain text, never a link
            assertThat(browser.findElements(By.cssSelector("#task-form a[href='https://evil.example']")))
                    .isEmpty();
            // the whole exchange is readable in the field, not cut to its first lines
            assertThat(exchange.getSize().getHeight())
                    .isGreaterThanOrEqualTo(((Number) ((JavascriptExecutor) browser)
                                    .executeScript("return arguments[0].scrollHeight;", exchange))
                            .intValue());
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    shots.resolve("tac-exchange.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            choose(browser, "Resolved remotely (software/configuration)");
            completeTask(browser);
        } finally {
            browser.quit();
        }
        assertThat(awaitClosed(caseRef).outcome()).isEqualTo(CaseOutcome.RESOLVED_REMOTELY);
        assertThat(auditTypes(caseRef))
                .containsSubsequence(
                        "CUSTOMER_QUESTION_ASKED",
                        "CUSTOMER_ANSWERED",
                        "CUSTOMER_QUESTION_ANSWERED",
                        "DIAGNOSIS_RECORDED");
    }

    @Test
    void aFactTheCaseDoesNotHaveIsAbsentInTheEngineAndTheFormSaysSoInWords() throws IOException {
        // accessories have no premium maintenance (§1.1): the engine holds nothing for it, the form reads "none"
        String caseRef = submit(AssetCategory.ACCESSORY, 100, true);
        WebDriver browser = Chromium.start(1280, 1400);
        try {
            WebElement form = takeTask(browser, "tac", caseRef, Elements.REMOTE_DIAGNOSIS);
            assertThat(form.getText())
                    .containsPattern("Maintenance ends\\s+none")
                    .containsPattern("Warranty ends\\s+\\d{4}-\\d{2}-\\d{2}")
                    .doesNotContain("{{");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theQueueRefusesWhatTheFormDoesNotAllowAndASecondCompletion() throws Exception {
        String caseRef = submit(AssetCategory.END_USER_TERMINAL, 30, true);
        long key = taskOf("tac", caseRef, Elements.REMOTE_DIAGNOSIS);
        // offered to TAC engineers only
        assertThat(api("bench", "POST", "/api/staff/tasks/" + key + "/completion", Map.of("variables", Map.of()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(ok(api("bench", "GET", "/api/staff/tasks?caseReference=" + caseRef, null)))
                .isEmpty();
        // a value outside the options, an unknown field and a changed read-only field: 422, each named
        HttpResponse<String> refused = api(
                "tac",
                "POST",
                "/api/staff/tasks/" + key + "/completion",
                Map.of(
                        "variables",
                        Map.of(
                                "diagnosisOutcome", "SHRUGGED",
                                "caseOutcome", "CREDITED",
                                "faultDescription", "Nothing wrong")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode fields = JSON.readTree(refused.body()).path("fields");
        assertThat(fields.findValuesAsText("field"))
                .containsExactlyInAnyOrder("diagnosisOutcome", "caseOutcome", "faultDescription");
        assertThat(store.require(caseRef).closed()).isFalse();

        complete("tac", caseRef, Elements.REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "RESOLVED_REMOTELY"));
        HttpResponse<String> again = api(
                "tac",
                "POST",
                "/api/staff/tasks/" + key + "/completion",
                Map.of("variables", Map.of("diagnosisOutcome", "RESOLVED_REMOTELY")));
        assertThat(again.statusCode()).isIn(404, 409);
        assertThat(awaitClosed(caseRef).outcome()).isEqualTo(CaseOutcome.RESOLVED_REMOTELY);
    }

    @Test
    void aCancelledCasesTaskLeavesTheQueue() throws Exception {
        String caseRef = submit(AssetCategory.END_USER_TERMINAL, 30, true);
        taskOf("tac", caseRef, Elements.REMOTE_DIAGNOSIS);
        caseRequests.requestCancellation(caseRef, "Found a loose cable");
        assertThat(awaitClosed(caseRef).outcome()).isEqualTo(CaseOutcome.CANCELLED);
        await().atMost(WAIT).until(() -> ok(api("tac", "GET", "/api/staff/tasks?caseReference=" + caseRef, null))
                .isEmpty());
    }

    /** A customer in Berlin reads the RMA and the overdue notice in German, each deadline in their zone. */
    @Test
    void aCustomerInBerlinIsToldTheirDeadlinesInGermanInTheirZoneOnTheDemoClock() throws Exception {
        String customer = fixtures.customer(true);
        jdbc.sql("update customers set language = 'de', time_zone = 'Europe/Berlin' where customer_number = ?")
                .param(customer)
                .update();
        String serial = fixtures.asset(customer, AssetCategory.ENTERPRISE_INFRASTRUCTURE, 60, false);
        String caseRef = returnRequests
                .submit(customer, null, List.of(new ReturnRequests.Item(serial, "Lüfter bleiben beim Start stehen")))
                .caseReferences()
                .get(0);
        authorize(caseRef);
        CaseRecord c = store.require(caseRef);
        DateTimeFormatter berlin =
                DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'UTC'xxx").withZone(ZoneId.of("Europe/Berlin"));
        await().atMost(WAIT).until(() -> subjectAndBody(c, "rma-authorized") != null);
        assertThat(subjectAndBody(c, "rma-authorized"))
                .startsWith("RMA " + c.rmaNumber() + " genehmigt: Rücksendung bis " + berlin.format(c.returnDueAt()))
                .contains("Zeiten in Europe/Berlin.");

        moveClock(Map.of("duration", "P10DT1M"));
        await().atMost(WAIT).until(() -> subjectAndBody(c, "return-overdue") != null);
        assertThat(subjectAndBody(c, "return-overdue"))
                .startsWith("Erinnerung: RMA " + c.rmaNumber() + " war fällig am " + berlin.format(c.returnDueAt()))
                .contains("Nach " + berlin.format(c.complianceLimitAt()) + " wird der volle Gerätepreis berechnet.");
    }

    /** The subject and body of a case's mail of this step, or null while none is queued. */
    String subjectAndBody(CaseRecord c, String step) {
        return jdbc.sql("select subject || chr(10) || body from notifications where case_id = ? and step = ?")
                .params(c.id().value(), step)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void pastTwentyDaysADeclinedChargeSuspendsTheAccountAndGovernanceReinstatesItWhenTheUnitArrives() throws Exception {
        String caseRef = submit(AssetCategory.ENTERPRISE_INFRASTRUCTURE, 60, false);
        authorize(caseRef);
        await().atMost(WAIT)
                .until(() ->
                        assetStore.findReplacement(store.require(caseRef).id()).isPresent());

        JsonNode moved = moveClock(Map.of("days", 20));
        assertThat(Instant.parse(moved.path("instant").asText()))
                .isCloseTo(DemoEngineProcess.time(), within(2, ChronoUnit.SECONDS));
        moveClock(Map.of("duration", "PT1M"));
        CaseRecord closed = awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.ACCOUNT_SUSPENDED);
        assertThat(caseFindings.charges(closed.id())).singleElement().satisfies(ch -> assertThat(ch.status())
                .isEqualTo(ChargeStatus.DECLINED));
        assertThat(closed.accountSuspended()).isTrue();
        assertThat(closed.closedAt()).isAfterOrEqualTo(closed.complianceLimitAt());
        assertThat(auditTypes(caseRef)).containsSubsequence("CHARGE_DECLINED", "ACCOUNT_SUSPENDED", "CASE_CLOSED");

        WarehouseReceipts.ReceiptAnswer answer =
                warehouseReceipts.publishReceipt(closed.rmaNumber(), "WH-LATE-1", null);
        assertThat(answer.status()).isEqualTo("HELD_FOR_DECISION");
        complete(
                "governance",
                caseRef,
                Elements.LATE_UNIT_GOVERNANCE,
                Map.of("lateUnitDecision", "REINSTATE_ACCOUNT", "lateUnitReason", "Unit is back"));
        await().atMost(WAIT).until(() -> !store.require(caseRef).accountSuspended());
        assertThat(audit.events(closed.id()))
                .filteredOn(e -> e.type().equals("LATE_UNIT_DECIDED"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("REINSTATE_ACCOUNT: Unit is back"));
    }

    @Test
    void aPaidRepairIsAcceptedByTheCustomerAndAnUnansweredQuoteExpiresOnTheDemoClock() throws Exception {
        String accepted = submit(AssetCategory.END_USER_TERMINAL, 400, true);
        String unanswered = submit(AssetCategory.END_USER_TERMINAL, 400, true);
        for (String caseRef : List.of(accepted, unanswered)) {
            complete(
                    "tac",
                    caseRef,
                    Elements.REMOTE_DIAGNOSIS,
                    Map.of(
                            "diagnosisOutcome",
                            "HARDWARE_DEFECT",
                            "repairQuoteAmount",
                            310.5,
                            "repairQuoteCurrency",
                            "usd"));
            await().atMost(WAIT).until(() -> store.require(caseRef).status() == CaseStatus.AWAITING_QUOTE_ANSWER);
        }
        caseRequests.answerRepairQuote(accepted, "ACCEPT", "customer:e2e");
        complete("approver", accepted, Elements.RMA_APPROVAL, Map.of("rmaDecision", "APPROVE"));
        await().atMost(WAIT).until(() -> store.require(accepted).rmaNumber() != null);
        warehouseReceipts.publishReceipt(store.require(accepted).rmaNumber(), "WH-E2E-" + accepted, null);
        complete(
                "bench",
                accepted,
                Elements.INSPECTION,
                Map.of("benchFinding", "DEFECT_CONFIRMED", "resolution", "REPAIR"));
        CaseRecord repaired = awaitClosed(accepted);
        assertThat(repaired.outcome()).isEqualTo(CaseOutcome.PAID_REPAIR);
        assertThat(caseFindings.charges(repaired.id())).singleElement().satisfies(ch -> {
            assertThat(ch.reason()).isEqualTo(ChargeReason.PAID_REPAIR);
            assertThat(ch.amount()).isEqualByComparingTo("310.50");
            assertThat(ch.currency()).isEqualTo("USD");
        });

        moveClock(Map.of(
                "duration",
                Duration.ofDays(store.require(unanswered).terms().repairQuoteValidityDays())
                        .plusMinutes(1)
                        .toString()));
        assertThat(awaitClosed(unanswered).outcome()).isEqualTo(CaseOutcome.REPAIR_QUOTE_EXPIRED);
    }

    @Test
    void theGovernanceTeamAnswersAnExtensionRequestInTheQueueAndTheCustomerIsTold() throws Exception {
        String number = fixtures.customer(true);
        String serial = fixtures.asset(number, AssetCategory.END_USER_TERMINAL, 345, false);
        Customer customer = customerAccounts.customerByNumber(number).orElseThrow();
        String ref = caseRequests.requestExtension(customer, serial, "Another year?", "customer:e2e");

        long[] key = new long[1];
        await().atMost(WAIT).until(() -> {
            for (JsonNode t : ok(api("governance", "GET", "/api/staff/tasks?role=service-governance", null))) {
                JsonNode task = ok(api("governance", "GET", "/api/staff/tasks/" + t.path("taskKey"), null));
                if (ref.equals(task.path("variables").path("extensionRef").asText())) {
                    key[0] = t.path("taskKey").asLong();
                    assertThat(task.path("form").path("id").asText()).isEqualTo("coverage-extension");
                    return true;
                }
            }
            return false;
        });
        HttpResponse<String> r = api(
                "governance",
                "POST",
                "/api/staff/tasks/" + key[0] + "/completion",
                Map.of(
                        "variables",
                        Map.of("extensionDecision", "OFFERED", "extensionAnswer", "One more year for 120 USD.")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        await().atMost(WAIT).until(() -> "OFFERED"
                .equals(warrantyLookup.extensions(customer).get(serial).decision()));
        assertThat(warrantyLookup.extensions(customer).get(serial).answer()).isEqualTo("One more year for 120 USD.");
    }

    @Test
    void aFailingStepShowsOperationsAnIncidentThatSaysWhatToDoAndARetryAfterTheFixCarriesItOn() throws Exception {
        String caseRef = submit(AssetCategory.END_USER_TERMINAL, 60, true);
        // the exclusion's reason is a field the form shows only for an exclusion: left out, the step cannot decide
        complete("tac", caseRef, Elements.REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "EXCLUDED"));
        long instance = store.require(caseRef).processInstanceKey();

        JsonNode[] incident = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode i : DemoEngineProcess.incidents()) {
                if (i.path("processInstanceKey").asLong() == instance) {
                    incident[0] = i;
                    return true;
                }
            }
            return false;
        });
        assertThat(incident[0].path("errorMessage").asText())
                .contains("needs a reason code")
                .contains("Correct the process variables of this instance in Operate, then retry the incident");
        assertThat(store.require(caseRef).closed()).isFalse();

        // operations correct the variable and retry, as they would in Operate
        engine.newSetVariablesCommand(instance)
                .variables(Map.of("exclusionReason", "ACCIDENT_DROP"))
                .send()
                .join();
        assertThat(DemoEngineProcess.retry(incident[0].path("key").asLong())).isEqualTo(204);
        assertThat(awaitClosed(caseRef).outcome()).isEqualTo(CaseOutcome.EXCLUDED);
        assertThat(DemoEngineProcess.incidents().findValuesAsText("processInstanceKey"))
                .doesNotContain(String.valueOf(instance));
        assertThat(DemoEngineProcess.retry(incident[0].path("key").asLong())).isEqualTo(404);
    }

    @Test
    void aProcessOwnerMovesTheDemoClockOnItsPageAndTheTenDayNoticeIsDatedOnTheEnginesDay() throws Exception {
        assertThat(clock.instant()).isCloseTo(DemoEngineProcess.time(), within(2, ChronoUnit.SECONDS));
        String caseRef = submit(AssetCategory.ENTERPRISE_INFRASTRUCTURE, 500, true);
        authorize(caseRef);
        CaseRecord authorized = store.require(caseRef);

        WebDriver browser = Chromium.start(1280, 1000);
        try {
            signIn(browser, "admin");
            browser.get("http://localhost:" + port + "/staff/demo/clock");
            long daysAhead = daysAhead(browser);
            browser.findElement(By.xpath("//button[normalize-space()='+10 days']"))
                    .click();
            assertThat(Chromium.element(browser, Chromium.WAIT, By.cssSelector("[role=status]"))
                            .getText())
                    .contains("Moved forward by 10 days");
            assertThat(daysAhead(browser)).isEqualTo(daysAhead + 10);
            assertThat(clock.instant()).isCloseTo(DemoEngineProcess.time(), within(2, ChronoUnit.SECONDS));

            // time never runs backwards
            Instant before = DemoEngineProcess.time();
            ((JavascriptExecutor) browser).executeScript("document.getElementById('days').removeAttribute('min');");
            browser.findElement(By.id("days")).clear();
            browser.findElement(By.id("days")).sendKeys("-3");
            browser.findElement(By.xpath("//button[normalize-space()='Move forward']"))
                    .click();
            assertThat(Chromium.element(browser, Chromium.WAIT, By.cssSelector("[role=alert]"))
                            .getText())
                    .contains("time never runs backwards");
            assertThat(DemoEngineProcess.time()).isBetween(before, before.plusSeconds(30));
        } finally {
            browser.quit();
        }
        await().atMost(WAIT).until(() -> auditTypes(caseRef).contains("RETURN_OVERDUE"));
        assertThat(audit.events(authorized.id()).stream()
                        .filter(e -> e.type().equals("RETURN_OVERDUE"))
                        .findFirst()
                        .orElseThrow()
                        .occurredAt())
                .isAfterOrEqualTo(authorized.returnDueAt());
        assertThat(store.require(caseRef).closed()).isFalse();
        assertThat(api("admin", "POST", "/api/staff/demo/clock", Map.of("days", -1))
                        .statusCode())
                .isEqualTo(400);
    }

    static long daysAhead(WebDriver browser) {
        return Long.parseLong(browser.findElement(By.id("ahead")).getText().split(" ")[0]);
    }

    /** The demo engine's control API answers on loopback only (its gRPC port is Zeebe Process Test's own: see README). */
    @Test
    void theDemoEnginesControlApiListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
                .filter(n -> {
                    try {
                        return n.isUp() && !n.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address)
                .findFirst();
        Assumptions.assumeTrue(outside.isPresent(), "this machine has no network interface besides loopback");
        int httpPort = URI.create(DemoEngineProcess.URL).getPort();
        assertThat(reachable(InetAddress.getLoopbackAddress(), httpPort)).isTrue();
        assertThat(reachable(outside.get(), httpPort)).isFalse();
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
