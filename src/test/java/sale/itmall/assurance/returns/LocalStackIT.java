package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
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
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.support.Chromium;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.support.OffsetClock;

/**
 * End to end on the real local stack (bin/local-stack: Zeebe broker 8.6 with OpenSearch, Operate and Tasklist), no
 * mocks: user tasks are completed through the broker's REST API with the variables their forms submit, the
 * compliance timers fire on the broker's controlled clock, and Operate is asked what it shows. bin/test starts the
 * stack with a controlled clock before Maven runs these.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.client.grpc-address=http://127.0.0.1:26500",
            "camunda.client.rest-address=http://127.0.0.1:8088",
            "itmall.embedded-postgres.port=0"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// its job workers must not outlive it: another context on the same broker (DemoClockIT) would take this one's jobs
@org.springframework.test.annotation.DirtiesContext
class LocalStackIT {

    static final String BROKER = "http://127.0.0.1:8088";
    static final String BROKER_ACTUATOR = "http://127.0.0.1:9600/actuator";
    static final String WEBAPPS = "http://127.0.0.1:8081";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    /** The application's clock follows the broker's controlled clock. */
    static final OffsetClock CLOCK = new OffsetClock();

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        Clock brokerClock() {
            return CLOCK;
        }

        @Bean
        Fixtures fixtures(JdbcClient jdbc) {
            return new Fixtures(jdbc, CLOCK);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("itmall-e2e-pg").resolve("data").toString();
        registry.add("itmall.embedded-postgres.data-dir", () -> dir);
    }

    /** The application's clock starts where the broker's is (a reused stack may have moved it before). */
    @BeforeAll
    static void applicationClockFollowsTheBroker() throws Exception {
        JsonNode clock = send(HttpRequest.newBuilder(URI.create(BROKER_ACTUATOR + "/clock"))
                .GET()
                .build());
        CLOCK.setOffset(Duration.between(
                Instant.now(), Instant.ofEpochMilli(clock.path("epochMilli").asLong())));
    }

    @Autowired
    ReturnSubmissions submissions;

    @Autowired
    CaseStore store;

    @Autowired
    AuditTrail audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReturnsQuery query;

    @Autowired
    JdbcClient jdbc;

    // ---- the broker's REST API and actuator, and Operate's API ----------------------------------------------------

    static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(request.method() + " " + request.uri() + ": " + response.body())
                .isBetween(200, 299);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    static JsonNode post(String url, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    /** The key of the open user task at an element of an instance, as Tasklist lists it. */
    static long userTask(long instanceKey, String elementId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode items = post(
                            BROKER + "/v2/user-tasks/search",
                            Map.of(
                                    "filter",
                                    Map.of(
                                            "processInstanceKey",
                                            instanceKey,
                                            "elementId",
                                            elementId,
                                            "state",
                                            "CREATED")))
                    .path("items");
            found[0] = items.isEmpty() ? null : items.get(0);
            return found[0] != null;
        });
        JsonNode task = found[0];
        return (task.has("userTaskKey") ? task.get("userTaskKey") : task.get("key")).asLong();
    }

    /** Completes a user task the way Tasklist does when its form is submitted. */
    static void complete(long instanceKey, String elementId, Map<String, Object> formVariables) throws Exception {
        long key = userTask(instanceKey, elementId);
        post(BROKER + "/v2/user-tasks/" + key + "/completion", Map.of("variables", formVariables));
    }

    static void advanceClock(Duration by) throws Exception {
        post(BROKER_ACTUATOR + "/clock/add", Map.of("offsetMilli", by.toMillis()));
        CLOCK.shift(by);
    }

    static volatile String operateCsrfToken;

    /** Signs in to Operate as demo; its API wants the CSRF token the login answers with on every POST. */
    static void operateLogin() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(WEBAPPS + "/api/login?username=demo&password=demo"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Operate login").isBetween(200, 299);
        operateCsrfToken = response.headers().firstValue("X-CSRF-TOKEN").orElseThrow();
    }

    static JsonNode operate(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(WEBAPPS + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", operateCsrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    // ---- scenarios --------------------------------------------------------------------------------------------------

    String submit(AssetCategory category, int shippedDaysAgo, boolean paymentOk) {
        String customer = fixtures.customer(paymentOk);
        String serial = fixtures.asset(customer, category, shippedDaysAgo, false);
        return submissions
                .submit(customer, null, List.of(new ReturnSubmissions.Item(serial, "Fans stop at boot")))
                .caseReferences()
                .get(0);
    }

    /** The case's own instance, called by its request; recorded by the case's first step. */
    long instance(String caseRef) {
        await().atMost(WAIT).until(() -> store.require(caseRef).processInstanceKey() != null);
        return store.require(caseRef).processInstanceKey();
    }

    /** Completes remote diagnosis (defect) and RMA approval as Tasklist would; answers the instance key. */
    long authorize(String caseRef) throws Exception {
        long instance = instance(caseRef);
        complete(
                instance,
                "Task_RemoteDiagnosis",
                Map.of("diagnosisOutcome", "HARDWARE_DEFECT", "diagnosisNotes", "Fan controller dead"));
        complete(instance, "Task_RmaApproval", Map.of("rmaDecision", "APPROVE"));
        await().atMost(WAIT).until(() -> store.require(caseRef).rmaNumber() != null);
        return instance;
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

    @Test
    void aReturnGoesThroughEveryUserTaskToAReplacementAndOperateShowsItFinished() throws Exception {
        String caseRef = submit(AssetCategory.ENTERPRISE_INFRASTRUCTURE, 60, true);
        long instance = authorize(caseRef);
        await().atMost(WAIT)
                .until(() -> store.findReplacement(store.require(caseRef).id()).isPresent());
        submissions.publishReceipt(store.require(caseRef).rmaNumber(), "WH-E2E-" + caseRef, null);
        complete(instance, "Task_Inspection", Map.of("benchFinding", "DEFECT_CONFIRMED"));

        CaseRecord closed = awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.REPLACED);
        assertThat(store.assetOwner(closed.assetId())).isEqualTo("ITMALL");
        assertThat(auditTypes(caseRef))
                .containsSubsequence(
                        "ENTITLEMENT_CHECKED",
                        "DIAGNOSIS_RECORDED",
                        "RMA_AUTHORIZED",
                        "ADVANCE_REPLACEMENT_SHIPPED",
                        "OWNERSHIP_TRANSFERRED",
                        "UNIT_RECEIVED",
                        "INSPECTION_RECORDED",
                        "CASE_CLOSED");

        operateLogin();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode found = operate("/v1/process-instances/search", Map.of("filter", Map.of("key", instance)))
                    .path("items");
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path("state").asText()).isEqualTo("COMPLETED");
            assertThat(found.get(0).path("incident").asBoolean()).isFalse();
            // Operate shows the item under its request, which ended once its only item was settled
            long request = store.requireRequest(closed.requestReference()).processInstanceKey();
            assertThat(found.get(0).path("parentKey").asLong()).isEqualTo(request);
            JsonNode parent = operate("/v1/process-instances/search", Map.of("filter", Map.of("key", request)))
                    .path("items");
            assertThat(parent.get(0).path("bpmnProcessId").asText()).isEqualTo("itmall-return-request");
            assertThat(parent.get(0).path("state").asText()).isEqualTo("COMPLETED");
        });
    }

    @Test
    void aTacEngineerCompletesRemoteDiagnosisInTasklistThroughItsLinkedForm() throws Exception {
        String caseRef = submit(AssetCategory.END_USER_TERMINAL, 30, true);
        long taskKey = userTask(instance(caseRef), "Task_RemoteDiagnosis");
        WebDriver browser = chromium();
        try {
            browser.get(WEBAPPS + "/tasklist/login");
            browser.findElement(By.name("username")).sendKeys("demo");
            browser.findElement(By.name("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));

            // Tasklist imports a new task a few seconds after the engine created it
            await().atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions()
                    .until(() -> {
                        browser.get(WEBAPPS + "/tasklist/" + taskKey);
                        return new WebDriverWait(browser, Duration.ofSeconds(10))
                                .until(d -> d.findElement(By.tagName("main"))
                                        .getText()
                                        .contains("Case " + caseRef));
                    });
            WebElement main = browser.findElement(By.tagName("main"));
            assertThat(main.getText())
                    .contains("Remote diagnosis")
                    .contains("Customer's description")
                    .contains("tac-engineers")
                    .contains("8-hour SLA of ITM-POL-2026.04");
            // the customer's text is shown as typed, in a read-only field (never rendered as Markdown)
            WebElement description = browser.findElement(By.xpath(
                    "//label[contains(normalize-space(), \"Customer's description\")]/following::textarea[1]"));
            assertThat(description.getDomProperty("value")).isEqualTo("Fans stop at boot");
            assertThat(description.getDomAttribute("readonly")).isNotNull();
            click(browser, browser.findElement(By.xpath("//button[normalize-space()='Assign to me']")));
            // the form is rendered anew once the assignment is through; what is typed before that is lost
            new WebDriverWait(browser, WAIT)
                    .until(d -> !d.findElements(By.xpath("//button[normalize-space()='Unassign']"))
                            .isEmpty());
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("Resolved remotely (software/configuration)")
                    .contains("Hardware defect confirmed: an RMA under warranty, otherwise a paid repair quote")
                    // the paid repair fields show only for an asset outside its warranty
                    .doesNotContain("Paid repair price");
            // the form's radio inputs are styled away: a person clicks the option's label
            WebElement option = new WebDriverWait(browser, WAIT)
                    .until(d -> d.findElement(
                            By.xpath("//label[normalize-space()='Resolved remotely (software/configuration)']")));
            click(browser, option);
            assertThat(browser.findElement(By.id(option.getDomAttribute("for"))).isSelected())
                    .isTrue();
            browser.findElement(By.xpath("//textarea")).sendKeys("Reset display firmware remotely");
            screenshot(browser, "tasklist-remote-diagnosis");
            click(
                    browser,
                    new WebDriverWait(browser, WAIT)
                            .until(d -> d.findElement(By.xpath("//button[contains(normalize-space(), 'Complete')]"))));

            CaseRecord closed = awaitClosed(caseRef);
            assertThat(closed.outcome()).isEqualTo(CaseOutcome.RESOLVED_REMOTELY);
            assertThat(audit.events(closed.id()))
                    .filteredOn(e -> e.type().equals("DIAGNOSIS_RECORDED"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.detail()).startsWith("RESOLVED_REMOTELY"));
        } finally {
            browser.quit();
        }
    }

    /** Clicks an element as a person would after scrolling to it (Tasklist's form scrolls inside its own pane). */
    static void click(WebDriver browser, WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(browser, WAIT).until(d -> element.isDisplayed() && element.isEnabled());
        element.click();
    }

    static WebDriver chromium() throws Exception {
        return Chromium.start(1400, 1800);
    }

    static void screenshot(WebDriver browser, String name) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                dir.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "REPAIR, REPAIRED, REPAIRED_UNIT, ITMALL",
        "CREDIT, CREDITED, , ",
        "REPLACEMENT, REPLACED, REPLACEMENT_UNIT, ITMALL"
    })
    void aStandardRmaEndsInEachResolutionWithTheRightRecords(
            String resolution, String outcome, String outboundPurpose, String payer) throws Exception {
        String caseRef = submit(AssetCategory.ENTERPRISE_INFRASTRUCTURE, 500, true);
        long instance = authorize(caseRef);
        submissions.publishReceipt(store.require(caseRef).rmaNumber(), "WH-E2E-" + caseRef, null);
        complete(instance, "Task_Inspection", Map.of("benchFinding", "DEFECT_CONFIRMED", "resolution", resolution));

        CaseRecord closed = awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.valueOf(outcome));
        List<sale.itmall.assurance.policy.FreightLeg> outbound = store.shipments(closed.id()).stream()
                .filter(l -> l.direction() == sale.itmall.assurance.policy.FreightLeg.Direction.OUTBOUND)
                .toList();
        if (outboundPurpose == null) {
            assertThat(outbound).isEmpty();
            assertThat(store.charges(closed.id()))
                    .extracting(CaseStore.ChargeRow::reason)
                    .containsExactly(ChargeReason.CREDIT_NOTE);
        } else {
            assertThat(outbound).singleElement().satisfies(leg -> {
                assertThat(leg.purpose().name()).isEqualTo(outboundPurpose);
                assertThat(leg.payer().name()).isEqualTo(payer);
            });
        }
        assertThat(auditTypes(caseRef))
                .containsSubsequence("RMA_AUTHORIZED", "UNIT_RECEIVED", "INSPECTION_RECORDED", "CASE_CLOSED");
    }

    /** A customer in Berlin reads the RMA and the overdue notice in German, each deadline in their zone. */
    @Test
    void aCustomerInBerlinIsToldTheirDeadlinesInGermanInTheirZoneOnTheBrokersClock() throws Exception {
        String customer = fixtures.customer(true);
        jdbc.sql("update customers set language = 'de', time_zone = 'Europe/Berlin' where customer_number = ?")
                .param(customer)
                .update();
        String serial = fixtures.asset(customer, AssetCategory.ENTERPRISE_INFRASTRUCTURE, 60, false);
        String caseRef = submissions
                .submit(customer, null, List.of(new ReturnSubmissions.Item(serial, "Lüfter bleiben beim Start stehen")))
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

        advanceClock(Duration.ofDays(10).plusMinutes(1));
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
    void pastTwentyDaysADeclinedChargeForTheAdvanceUnitSuspendsTheAccount() throws Exception {
        String caseRef = submit(AssetCategory.ENTERPRISE_INFRASTRUCTURE, 60, false);
        authorize(caseRef);
        await().atMost(WAIT)
                .until(() -> store.findReplacement(store.require(caseRef).id()).isPresent());

        advanceClock(Duration.ofDays(20).plusMinutes(1));
        CaseRecord closed = awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.ACCOUNT_SUSPENDED);
        assertThat(store.charges(closed.id())).singleElement().satisfies(c -> assertThat(c.status())
                .isEqualTo(ChargeStatus.DECLINED));
        assertThat(closed.accountSuspended()).isTrue();
        assertThat(auditTypes(caseRef)).containsSubsequence("CHARGE_DECLINED", "ACCOUNT_SUSPENDED", "CASE_CLOSED");

        // the unit turns up after all: the warehouse is told to hold it, and the Service Governance Team decides in
        // Tasklist (the late-unit form's choices come from the process) to reinstate the account
        ReturnSubmissions.ReceiptAnswer answer = submissions.publishReceipt(closed.rmaNumber(), "WH-LATE-1", null);
        assertThat(answer.status()).isEqualTo("HELD_FOR_DECISION");
        assertThat(answer.nextStep()).contains("reinstate the account or keep the account suspended");
        long task = taskOfCase(caseRef, "Task_LateUnitGovernance");
        post(
                BROKER + "/v2/user-tasks/" + task + "/completion",
                Map.of("variables", Map.of("lateUnitDecision", "REINSTATE_ACCOUNT", "lateUnitReason", "Unit is back")));
        await().atMost(WAIT).until(() -> !store.require(caseRef).accountSuspended());
        assertThat(audit.events(closed.id()))
                .filteredOn(e -> e.type().equals("LATE_UNIT_DECIDED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("tasklist:service-governance");
                    assertThat(e.detail()).isEqualTo("REINSTATE_ACCOUNT: Unit is back");
                });
    }

    @Test
    void aPaidRepairQuotedInTasklistIsAcceptedByTheCustomerAndAnUnansweredOneExpiresOnTheBrokersClock()
            throws Exception {
        String accepted = submit(AssetCategory.END_USER_TERMINAL, 400, true);
        String unanswered = submit(AssetCategory.END_USER_TERMINAL, 400, true);
        for (String caseRef : List.of(accepted, unanswered)) {
            // the remote diagnosis form's number field sends a JSON number, its currency field the text typed
            complete(
                    instance(caseRef),
                    "Task_RemoteDiagnosis",
                    Map.of(
                            "diagnosisOutcome",
                            "HARDWARE_DEFECT",
                            "repairQuoteAmount",
                            310.5,
                            "repairQuoteCurrency",
                            "usd"));
            await().atMost(WAIT).until(() -> store.require(caseRef).status() == CaseStatus.AWAITING_QUOTE_ANSWER);
        }

        assertThat(submissions
                        .answerRepairQuote(accepted, "ACCEPT", "customer:e2e")
                        .answer())
                .isEqualTo(sale.itmall.assurance.policy.RepairQuote.Answer.ACCEPTED);
        long instance = instance(accepted);
        complete(instance, "Task_RmaApproval", Map.of("rmaDecision", "APPROVE"));
        await().atMost(WAIT).until(() -> store.require(accepted).rmaNumber() != null);
        submissions.publishReceipt(store.require(accepted).rmaNumber(), "WH-E2E-" + accepted, null);
        complete(instance, "Task_Inspection", Map.of("benchFinding", "DEFECT_CONFIRMED", "resolution", "REPAIR"));
        CaseRecord repaired = awaitClosed(accepted);
        assertThat(repaired.outcome()).isEqualTo(CaseOutcome.PAID_REPAIR);
        assertThat(store.charges(repaired.id())).singleElement().satisfies(ch -> {
            assertThat(ch.reason()).isEqualTo(ChargeReason.PAID_REPAIR);
            assertThat(ch.amount()).isEqualByComparingTo("310.50");
            assertThat(ch.currency()).isEqualTo("USD");
        });
        assertThat(store.shipments(repaired.id()))
                .filteredOn(l -> l.direction() == sale.itmall.assurance.policy.FreightLeg.Direction.OUTBOUND)
                .singleElement()
                .satisfies(
                        leg -> assertThat(leg.payer()).isEqualTo(sale.itmall.assurance.policy.FreightLeg.Payer.CLIENT));

        advanceClock(Duration.ofDays(store.require(unanswered).terms().repairQuoteValidityDays())
                .plusMinutes(1));
        assertThat(awaitClosed(unanswered).outcome()).isEqualTo(CaseOutcome.REPAIR_QUOTE_EXPIRED);
        assertThat(auditTypes(unanswered))
                .containsSubsequence("DIAGNOSIS_RECORDED", "REPAIR_QUOTE_EXPIRED", "CASE_CLOSED");
    }

    @Test
    void theGovernanceTeamAnswersAnExtensionRequestThroughTasklistAndTheCustomerIsTold() throws Exception {
        String number = fixtures.customer(true);
        String serial = fixtures.asset(number, AssetCategory.END_USER_TERMINAL, 345, false);
        Customer customer = query.customerByNumber(number).orElseThrow();
        String ref = submissions.requestExtension(customer, serial, "Another year?", "customer:e2e");

        long task = taskWith("Task_ReviewExtension", "extensionRef", ref);
        post(
                BROKER + "/v2/user-tasks/" + task + "/completion",
                Map.of(
                        "variables",
                        Map.of("extensionDecision", "OFFERED", "extensionAnswer", "One more year for 120 USD.")));
        await().atMost(WAIT).until(() -> "OFFERED"
                .equals(query.extensions(customer).get(serial).decision()));
        assertThat(query.extensions(customer).get(serial).answer()).isEqualTo("One more year for 120 USD.");
    }

    /** The open user task at an element of another process (the late unit's) whose instance carries the case. */
    static long taskOfCase(String caseRef, String elementId) throws Exception {
        return taskWith(elementId, "caseRef", caseRef);
    }

    /** The open user task at an element whose instance has the variable {@code name} = {@code value}. */
    static long taskWith(String elementId, String name, String value) throws Exception {
        operateLogin();
        long[] found = new long[1];
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode task : post(
                            BROKER + "/v2/user-tasks/search",
                            Map.of("filter", Map.of("elementId", elementId, "state", "CREATED")))
                    .path("items")) {
                JsonNode vars = operate(
                                "/v1/variables/search",
                                Map.of(
                                        "filter",
                                        Map.of(
                                                "processInstanceKey",
                                                task.path("processInstanceKey").asLong(),
                                                "name",
                                                name)))
                        .path("items");
                if (!vars.isEmpty() && vars.get(0).path("value").asText().equals("\"" + value + "\"")) {
                    found[0] = (task.has("userTaskKey") ? task.get("userTaskKey") : task.get("key")).asLong();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void theComplianceTimersFireOnTheBrokersClock() throws Exception {
        String caseRef = submit(AssetCategory.ENTERPRISE_INFRASTRUCTURE, 500, true);
        authorize(caseRef);

        advanceClock(Duration.ofDays(10).plusMinutes(1));
        await().atMost(WAIT).until(() -> auditTypes(caseRef).contains("RETURN_OVERDUE"));
        assertThat(store.require(caseRef).closed()).isFalse();

        advanceClock(Duration.ofDays(10));
        assertThat(awaitClosed(caseRef).outcome()).isEqualTo(CaseOutcome.RMA_EXPIRED);
    }

    @Test
    void aFailingStepShowsOperatorsAnIncidentThatSaysWhatToDo() throws Exception {
        String caseRef = submit(AssetCategory.END_USER_TERMINAL, 60, true);
        long instance = instance(caseRef);
        complete(instance, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "EXCLUDED"));

        operateLogin();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode incidents = operate(
                            "/v1/incidents/search", Map.of("filter", Map.of("processInstanceKey", instance)))
                    .path("items");
            assertThat(incidents).isNotEmpty();
            assertThat(incidents.get(0).path("message").asText())
                    .contains("needs a reason code")
                    .contains("Correct the process variables of this instance in Operate, then retry the incident");
        });
        assertThat(store.require(caseRef).closed()).isFalse();
    }

    /**
     * A user task created on a whole second (milliseconds 000) still reaches Tasklist, and the ones after it too: the
     * 8.6.0 importer wrote such dates without milliseconds, OpenSearch refused them and the importer stalled for good
     * (issue #11, item 8). The broker's clock is pinned to a whole second while the case reaches remote diagnosis.
     */
    // first, while the broker's clock is where the fresh stack started it: resetting a pinned clock jumps back to the
    // system time, and after the other tests' advances that would be weeks back under their timers
    @Test
    @Order(1)
    void aUserTaskCreatedOnAWholeSecondReachesTasklistAndSoDoTheNextOnes() throws Exception {
        // the exporter and importer work before the clock stops (a pinned clock also stops the exporter's retry timer)
        userTask(instance(submit(AssetCategory.END_USER_TERMINAL, 60, true)), "Task_RemoteDiagnosis");
        long brokerNow = send(HttpRequest.newBuilder(URI.create(BROKER_ACTUATOR + "/clock"))
                        .GET()
                        .build())
                .path("epochMilli")
                .asLong();
        long wholeSecond = (brokerNow / 1000 + 2) * 1000;
        Duration offsetBefore = Duration.ofMillis(brokerNow - System.currentTimeMillis());
        post(BROKER_ACTUATOR + "/clock/pin", Map.of("epochMilli", wholeSecond));
        try {
            String pinned = submit(AssetCategory.END_USER_TERMINAL, 60, true);
            userTask(instance(pinned), "Task_RemoteDiagnosis");
        } finally {
            // the clock runs on from where it was pinned, never backwards
            send(HttpRequest.newBuilder(URI.create(BROKER_ACTUATOR + "/clock"))
                    .DELETE()
                    .build());
            post(
                    BROKER_ACTUATOR + "/clock/add",
                    Map.of("offsetMilli", offsetBefore.plusSeconds(2).toMillis()));
            CLOCK.setOffset(offsetBefore.plusSeconds(2));
        }
        String after = submit(AssetCategory.END_USER_TERMINAL, 60, true);
        userTask(instance(after), "Task_RemoteDiagnosis");
    }

    /** Every port of the stack answers on the loopback interface and on no other (issue #11, item 7). */
    @Test
    void theStackListensOnTheLoopbackInterfaceOnly() throws Exception {
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
        for (int port : new int[] {26500, 8088, 9600, 8081, 9601, 9200}) {
            assertThat(reachable(InetAddress.getLoopbackAddress(), port))
                    .as("port %d on loopback", port)
                    .isTrue();
            assertThat(reachable(outside.get(), port))
                    .as("port %d on %s", port, outside.get())
                    .isFalse();
        }
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
