package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.support.Chromium;
import sale.itmall.assurance.support.Fixtures;

/**
 * End to end on the local stack with its controlled clock, as {@code bin/run --demo-clock} starts the product: the demo
 * profile with the demo clock, which follows the engine's clock. A process owner moves time on the staff demo page, and
 * the 10- and 20-day paths are dated on the engine's days in the database, the mails and tracking.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.client.grpc-address=http://127.0.0.1:26500",
            "camunda.client.rest-address=http://127.0.0.1:8088",
            "itmall.embedded-postgres.port=0",
            "itmall.demo-clock.enabled=true",
            "itmall.demo-clock.engine-actuator=" + LocalStackIT.BROKER_ACTUATOR
        })
@ActiveProfiles("demo")
// its job workers must not outlive it: another context on the same broker would take this one's jobs
@DirtiesContext
class DemoClockIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Fixtures fixtures(JdbcClient jdbc, Clock clock) {
            return new Fixtures(jdbc, clock);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("itmall-demo-clock-pg")
                .resolve("data")
                .toString();
        registry.add("itmall.embedded-postgres.data-dir", () -> dir);
        int smtp = TestSocketUtils.findAvailableTcpPort();
        registry.add("itmall.mail.embedded-server.port", () -> smtp);
        registry.add("spring.mail.port", () -> smtp);
    }

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReturnSubmissions submissions;

    @Autowired
    CaseStore store;

    @Autowired
    AuditTrail audit;

    @Autowired
    ReturnsQuery query;

    @Autowired
    JdbcClient jdbc;

    static Instant brokerTime() throws Exception {
        return Instant.ofEpochMilli(
                LocalStackIT.send(HttpRequest.newBuilder(URI.create(LocalStackIT.BROKER_ACTUATOR + "/clock"))
                                .GET()
                                .build())
                        .path("epochMilli")
                        .asLong());
    }

    @Test
    void aProcessOwnerMovesTheDemoClockByDaysAndTheTwentyDayPathIsDatedOnTheEnginesDays() throws Exception {
        assertThat(clock.instant()).isCloseTo(brokerTime(), within(2, ChronoUnit.SECONDS));

        String customer = fixtures.customer(true);
        String serial = fixtures.asset(customer, AssetCategory.ENTERPRISE_INFRASTRUCTURE, 60, false);
        String caseRef = submissions
                .submit(customer, null, List.of(new ReturnSubmissions.Item(serial, "PSU dead")))
                .caseReferences()
                .get(0);
        await().atMost(LocalStackIT.WAIT).until(() -> store.require(caseRef).processInstanceKey() != null);
        long instance = store.require(caseRef).processInstanceKey();
        LocalStackIT.complete(
                instance,
                "Task_RemoteDiagnosis",
                Map.of("diagnosisOutcome", "HARDWARE_DEFECT", "diagnosisNotes", "PSU dead"));
        LocalStackIT.complete(instance, "Task_RmaApproval", Map.of("rmaDecision", "APPROVE"));
        await().atMost(LocalStackIT.WAIT)
                .until(() -> store.findReplacement(store.require(caseRef).id()).isPresent());
        CaseRecord authorized = store.require(caseRef);
        assertThat(query.tracking(query.customerByNumber(customer).orElseThrow(), caseRef, Audience.DEFAULT)
                        .daysLeftToReturn())
                .isEqualTo(10);

        WebDriver browser = Chromium.start(1280, 1000);
        try {
            openDemoClockAsAdmin(browser);
            // other end-to-end tests may have moved the stack's clock before
            long daysAhead = daysAhead(browser);

            // day 10: the overdue notice, dated on the engine's tenth day
            browser.findElement(By.xpath("//button[normalize-space()='+10 days']"))
                    .click();
            assertThat(Chromium.element(browser, Chromium.WAIT, By.cssSelector("[role=status]"))
                            .getText())
                    .contains("Moved forward by 10 days");
            assertThat(daysAhead(browser)).isEqualTo(daysAhead + 10);
            assertThat(clock.instant()).isCloseTo(brokerTime(), within(2, ChronoUnit.SECONDS));
            await().atMost(LocalStackIT.WAIT).until(() -> types(caseRef).contains("RETURN_OVERDUE"));
            Instant overdueAt = event(caseRef, "RETURN_OVERDUE").occurredAt();
            assertThat(overdueAt).isAfterOrEqualTo(authorized.returnDueAt());
            assertThat(notificationAt(caseRef, "return-overdue")).isAfterOrEqualTo(authorized.returnDueAt());
            ReturnsQuery.Tracking overdue =
                    query.tracking(query.customerByNumber(customer).orElseThrow(), caseRef, Audience.DEFAULT);
            assertThat(overdue.daysLeftToReturn()).isZero();

            // past day 20: the full unit price, charged on the engine's twentieth day
            browser.findElement(By.xpath("//button[normalize-space()='+10 days']"))
                    .click();
            assertThat(Chromium.element(browser, Chromium.WAIT, By.cssSelector("[role=status], [role=alert]"))
                            .getText())
                    .contains("Moved forward by 10 days");
            assertThat(daysAhead(browser)).isEqualTo(daysAhead + 20);
            await().atMost(LocalStackIT.WAIT).until(() -> store.require(caseRef).closed());
            CaseRecord closed = store.require(caseRef);
            assertThat(closed.outcome()).isEqualTo(CaseOutcome.CHARGED_FULL_UNIT_PRICE);
            assertThat(jdbc.sql("select created_at from charges where case_id = ?")
                            .param(closed.id().value())
                            .query(Instant.class)
                            .single())
                    .isAfterOrEqualTo(authorized.complianceLimitAt());
            assertThat(closed.closedAt()).isAfterOrEqualTo(authorized.complianceLimitAt());
        } finally {
            browser.quit();
        }
    }

    @Test
    void theDemoPageRefusesToMoveTimeBackwards() throws Exception {
        WebDriver browser = Chromium.start(1280, 900);
        try {
            openDemoClockAsAdmin(browser);
            Instant before = brokerTime();
            ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("document.getElementById('days').removeAttribute('min');");
            browser.findElement(By.id("days")).clear();
            browser.findElement(By.id("days")).sendKeys("-3");
            browser.findElement(By.xpath("//button[normalize-space()='Move forward']"))
                    .click();
            assertThat(Chromium.element(browser, Chromium.WAIT, By.cssSelector("[role=alert]"))
                            .getText())
                    .contains("time never runs backwards");
            assertThat(brokerTime()).isBetween(before, before.plusSeconds(30));
        } finally {
            browser.quit();
        }
    }

    /** The demo profile's service administrator ("admin", password "demo") opens the demo clock's page. */
    void openDemoClockAsAdmin(WebDriver browser) {
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Chromium.WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(base + "/staff/demo/clock");
    }

    static long daysAhead(WebDriver browser) {
        return Long.parseLong(browser.findElement(By.id("ahead")).getText().split(" ")[0]);
    }

    List<String> types(String caseRef) {
        return audit.events(store.require(caseRef).id()).stream()
                .map(AuditEvent::type)
                .toList();
    }

    AuditEvent event(String caseRef, String type) {
        return audit.events(store.require(caseRef).id()).stream()
                .filter(e -> e.type().equals(type))
                .findFirst()
                .orElseThrow();
    }

    Instant notificationAt(String caseRef, String step) {
        return jdbc.sql("select created_at from notifications where case_id = ? and step = ?")
                .param(store.require(caseRef).id().value())
                .param(step)
                .query(Instant.class)
                .single();
    }
}
