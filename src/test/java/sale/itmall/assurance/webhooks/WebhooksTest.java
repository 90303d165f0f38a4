package sale.itmall.assurance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.CustomerAccounts;
import sale.itmall.assurance.returns.CustomerQuestions;
import sale.itmall.assurance.returns.ProcessDriver;
import sale.itmall.assurance.returns.Scenarios;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;

/**
 * Events for the vendor's systems, delivered to a real HTTP server (the JDK's) over the network: signed, once per
 * subscription and event type, again and again while the receiver is down, and once more when staff send it again.
 */
@ApplicationTest
class WebhooksTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** What the receiver got: the headers that matter and the body. */
    record Received(String type, String eventId, String signature, String body) {}

    @Autowired
    Webhooks webhooks;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ObjectMapper json;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CustomerQuestions questions;

    @Autowired
    CustomerAccounts accounts;

    /**
     * The CSRF token as a browser sends it (cookie and header), not Spring Security's csrf() post-processor, which
     * swaps the token repository of the shared application for every later test that talks real HTTP to it.
     */
    static final RequestPostProcessor CSRF = request -> {
        request.setCookies(new Cookie("XSRF-TOKEN", "webhooks-test"));
        request.addHeader("X-XSRF-TOKEN", "webhooks-test");
        return request;
    };

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** While above zero, the receiver answers 503 and counts down: a system that is down for a while. */
    final AtomicInteger failNext = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-ITMall-Event"),
                    exchange.getRequestHeaders().getFirst("X-ITMall-Event-Id"),
                    exchange.getRequestHeaders().getFirst(Signature.HEADER),
                    body));
            int status = failNext.getAndUpdate(n -> Math.max(n - 1, 0)) > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events";
    }

    List<Received> of(String type, String caseRef) {
        return received.stream()
                .filter(r -> r.type().equals(type) && r.body().contains("\"" + caseRef + "\""))
                .toList();
    }

    @Test
    void aSubscribedSystemGetsEachStepItAskedForSignedWithItsSecretAndNothingElse() throws Exception {
        Webhooks.Created created =
                webhooks.subscribe(url(), List.of("request.received", "rma.authorized"), "ERP", "staff:test");
        String customer = fixtures.customer(true);
        String caseRef = scenarios.caseAwaitingReturn(customer, 100);
        CaseFacts c = driver.facts(caseRef);

        await().atMost(WAIT).until(() -> of("rma.authorized", caseRef).size() == 1);
        Received rma = of("rma.authorized", caseRef).get(0);
        JsonNode event = json.readTree(rma.body());
        assertThat(event.path("id").asText()).isEqualTo(rma.eventId());
        assertThat(event.path("type").asText()).isEqualTo("rma.authorized");
        assertThat(event.path("caseReference").asText()).isEqualTo(caseRef);
        assertThat(event.path("requestReference").asText()).isEqualTo(c.requestReference());
        assertThat(event.path("customerNumber").asText()).isEqualTo(customer);
        assertThat(event.path("data").path("rmaNumber").asText()).isEqualTo(c.rmaNumber());
        assertThat(Instant.parse(event.path("data").path("returnDueAt").asText()))
                .isEqualTo(c.returnDueAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(event.path("data").path("advanceReplacement").asBoolean()).isTrue();
        // the signature is HMAC-SHA256 over "<t>.<body>" with the secret shown once at subscription
        String t = rma.signature().substring(2, rma.signature().indexOf(','));
        assertThat(rma.signature())
                .isEqualTo("t=" + t + ",v1=" + Signature.hmac(created.secret(), t + "." + rma.body()));
        assertThat(rma.signature()).doesNotContain(created.secret());

        await().atMost(WAIT).until(() -> received.stream()
                .anyMatch(r -> r.type().equals("request.received") && r.body().contains(c.requestReference())));
        JsonNode request = json.readTree(received.stream()
                .filter(r -> r.type().equals("request.received") && r.body().contains(c.requestReference()))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(request.path("data")
                        .path("items")
                        .get(0)
                        .path("caseReference")
                        .asText())
                .isEqualTo(caseRef);
        // an advance unit shipped too, but this system did not ask for that
        assertThat(driver.facts(caseRef).advanceReplacement()).isTrue();
        assertThat(received).noneMatch(r -> r.type().equals("advance-unit.shipped"));
        assertThat(of("rma.authorized", caseRef)).hasSize(1);
    }

    /** A CRM learns when a case waits for its customer and when the customer answered, without the answer's text. */
    @Test
    void aSystemLearnsWhenTacAsksTheCustomerAndWhenTheCustomerAnswered() throws Exception {
        webhooks.subscribe(url(), List.of("question.asked", "question.answered"), "CRM", "staff:test");
        String caseRef = scenarios.ask(
                scenarios.caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 100),
                "Please send the boot log");

        await().atMost(WAIT).until(() -> of("question.asked", caseRef).size() == 1);
        JsonNode asked = json.readTree(of("question.asked", caseRef).get(0).body());
        assertThat(asked.path("data").path("round").asInt()).isEqualTo(1);
        assertThat(asked.path("data").path("question").asText()).isEqualTo("Please send the boot log");
        assertThat(asked.path("data").path("topics").get(0).asText()).isEqualTo("LOGS");
        assertThat(Instant.parse(asked.path("data").path("closesAt").asText()))
                .isAfter(Instant.parse(asked.path("data").path("remindAt").asText()));

        questions.answer(
                accounts.customer(driver.facts(caseRef).customerId()),
                caseRef,
                "It says fan0 stalled",
                List.of(),
                "customer:test");
        await().atMost(WAIT).until(() -> of("question.answered", caseRef).size() == 1);
        JsonNode answered =
                json.readTree(of("question.answered", caseRef).get(0).body());
        assertThat(answered.path("data").path("round").asInt()).isEqualTo(1);
        assertThat(answered.path("data").path("files").asInt()).isZero();
        // the customer's words stay in the product: the event says that they answered, not what
        assertThat(of("question.answered", caseRef).get(0).body()).doesNotContain("fan0 stalled");
    }

    @Test
    void anEventIsSentAgainWhileTheReceiverIsDownThenOnceWithTheSameIdAndStaffMaySendItAgain() throws Exception {
        Webhooks.Created created = webhooks.subscribe(url(), List.of("case.closed"), null, "staff:test");
        failNext.set(3);
        String customer = fixtures.customer(true);
        String caseRef = scenarios.caseAtDiagnosis(customer, AssetCategory.ACCESSORY, 100);
        driver.completeUserTask(
                caseRef,
                Elements.REMOTE_DIAGNOSIS,
                Map.of("diagnosisOutcome", "RESOLVED_REMOTELY", "diagnosisNotes", "Firmware reset"));
        driver.awaitClosed(caseRef);

        // refused once, it waits its backoff: operations see it waiting (Prometheus: itmall_webhooks_pending)
        await().atMost(WAIT).until(() -> of("case.closed", caseRef).size() == 1);
        assertThat(meters.get("itmall.webhooks.pending").gauge().value()).isGreaterThanOrEqualTo(1);
        // three refusals (503), then a 2xx: four attempts, one event id, delivered
        await().atMost(WAIT).until(() -> of("case.closed", caseRef).size() == 4);
        List<Received> attempts = of("case.closed", caseRef);
        assertThat(attempts)
                .extracting(Received::eventId)
                .containsOnly(attempts.get(0).eventId());
        assertThat(json.readTree(attempts.get(3).body())
                        .path("data")
                        .path("outcome")
                        .asText())
                .isEqualTo("RESOLVED_REMOTELY");
        Webhooks.Delivery delivery = await().atMost(WAIT)
                .until(
                        () -> webhooks.deliveries(created.subscription().id(), 10)
                                .get(0),
                        d -> d.deliveredAt() != null);
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.lastStatus()).isEqualTo(204);
        assertThat(delivery.state()).isEqualTo("delivered");

        Thread.sleep(1500);
        assertThat(of("case.closed", caseRef))
                .as("delivered once: not sent again by itself")
                .hasSize(4);

        // staff send it again from the log: the same event, the same id
        mvc.perform(post("/staff/webhooks/deliveries/" + delivery.id() + "/resend")
                        .with(user(fixtures.staffUser(StaffRole.SERVICE_ADMINISTRATOR, "wh-"))
                                .roles("SERVICE_ADMINISTRATOR", "STAFF"))
                        .with(CSRF))
                .andExpect(status().is3xxRedirection());
        await().atMost(WAIT).until(() -> of("case.closed", caseRef).size() == 5);
        assertThat(of("case.closed", caseRef).get(4).eventId())
                .isEqualTo(attempts.get(0).eventId());
    }

    @Test
    void anEndpointThatIsNoUrlOrAnUnknownEventTypeIsRefusedByName() throws Exception {
        assertThatThrownBy(() -> webhooks.subscribe("ftp://erp.example/x", List.of("case.closed"), null, "t"))
                .isInstanceOfSatisfying(
                        Webhooks.Refused.class, e -> assertThat(e.field()).isEqualTo("url"));
        assertThatThrownBy(() -> webhooks.subscribe(url(), List.of("case.reopened"), null, "t"))
                .isInstanceOfSatisfying(Webhooks.Refused.class, e -> assertThat(e.getMessage())
                        .contains("case.reopened")
                        .contains("rma.authorized"));
        String admin = fixtures.staffUser(StaffRole.SERVICE_ADMINISTRATOR, "wa-");
        mvc.perform(post("/api/admin/webhooks")
                        .with(user(admin).roles("SERVICE_ADMINISTRATOR", "STAFF"))
                        .with(CSRF)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://user:pw@erp.example/x\",\"eventTypes\":[\"charged\"]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("url"));
        mvc.perform(post("/api/admin/webhooks")
                        .with(user(admin).roles("SERVICE_ADMINISTRATOR", "STAFF"))
                        .with(CSRF)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + url() + "\",\"eventTypes\":[\"charged\",\"account.suspended\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(startsWith("whsec_")));
        // the API's description documents the events as callbacks of the subscription
        mvc.perform(get("/v3/api-docs").with(user(admin).roles("SERVICE_ADMINISTRATOR", "STAFF")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/admin/webhooks'].post.callbacks.event")
                        .exists());
    }
}
