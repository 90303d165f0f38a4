package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.shared.Labels;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Csv;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.support.TestMail;

/** Notifications over real SMTP, metrics, reports and the audit export after scripted flows. */
@ApplicationTest
class OperationsTest {

    @Autowired
    WarehouseReceipts warehouseReceipts;

    @Autowired
    LateUnitSteps lateUnitSteps;

    @Autowired
    CaseStore store;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Scenarios scenarios;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MockMvc mvc;

    @Autowired
    JavaMailSender mailSender;

    String email(String customerNumber) {
        return customerNumber.toLowerCase() + "@example.test";
    }

    List<String> subjects(String customerNumber) {
        return TestMail.to(email(customerNumber)).stream()
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    String body(String customerNumber, String subjectPart) throws Exception {
        for (MimeMessage m : TestMail.to(email(customerNumber))) {
            if (m.getSubject().contains(subjectPart)) {
                return TestMail.text(m);
            }
        }
        throw new AssertionError("no message '" + subjectPart + "' in " + subjects(customerNumber));
    }

    String advanceCaseAwaitingReturn(String customer) {
        return scenarios.caseAwaitingReturn(customer, 60);
    }

    @Test
    void theCustomerIsToldOfEveryStepOnceByEmail() throws Exception {
        String customer = fixtures.customer(true);
        String caseRef = advanceCaseAwaitingReturn(customer);
        String rma = store.require(caseRef).rmaNumber();
        driver.advanceClock(Duration.ofDays(10).plusMinutes(1));
        driver.awaitPassed(caseRef, Elements.OVERDUE_NOTICE);
        lateUnitSteps.sendOverdueNotice(caseRef); // a redelivered job
        warehouseReceipts.publishReceipt(rma, "WH-" + caseRef, null);
        driver.completeUserTask(caseRef, Elements.INSPECTION, Map.of("benchFinding", "DEFECT_CONFIRMED"));
        driver.awaitClosed(caseRef);

        String requestRef = store.require(caseRef).requestReference();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(subjects(customer)).hasSize(8));
        assertThat(subjects(customer))
                .satisfiesExactly(
                        s -> assertThat(s).isEqualTo("Return request " + requestRef + " received: 1 item"),
                        s -> assertThat(s).contains("diagnosis result"),
                        s -> assertThat(s)
                                .isEqualTo("RMA " + rma + " authorized: return by "
                                        + Labels.utc(store.require(caseRef).returnDueAt())),
                        s -> assertThat(s).contains("Advance replacement shipped"),
                        s -> assertThat(s).contains("Reminder: RMA " + rma),
                        s -> assertThat(s).contains("unit received"),
                        s -> assertThat(s).contains("resolved: Replaced"),
                        s -> assertThat(s).isEqualTo("Return request " + requestRef + " settled"));
        assertThat(body(customer, "authorized"))
                .contains("inbound freight is at your cost")
                .contains("(within 10 days)")
                .contains("(20 days)")
                .contains("stick the return label attached to this mail (PDF, its barcode is " + rma + ")")
                .contains("charged at the full unit price");
        assertThat(body(customer, "diagnosis result"))
                .contains("within the first 12 months, a replacement ships in advance");
        assertThat(body(customer, "settled")).contains(caseRef + ": ").contains("Replaced");
        assertThat(body(customer, "Advance replacement"))
                .contains("at ITMall's cost")
                .contains("Ownership of the faulty unit");

        mvc.perform(get("/messages").with(user(fixtures.portalUser(customer)).roles("CUSTOMER")))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("Reminder: RMA " + rma)));
    }

    @Test
    void theMailSenderGivesUpOnAnUnresponsiveServerWithinSeconds() {
        assertThat(((JavaMailSenderImpl) mailSender).getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
    }

    @Test
    void aDeclinedChargeIsToldAsASuspensionAndCountedInTheMetrics() throws Exception {
        double declined = meters.counter("itmall.charges", "reason", "UNRETURNED_ADVANCE_UNIT", "status", "DECLINED")
                .count();
        double suspensions = meters.counter("itmall.account.suspensions").count();
        double suspendedCases = meters.counter("itmall.cases.closed", "outcome", "ACCOUNT_SUSPENDED")
                .count();
        String customer = fixtures.customer(false);
        String caseRef = advanceCaseAwaitingReturn(customer);

        driver.advanceClock(Duration.ofDays(20).plusMinutes(1));
        driver.awaitClosed(caseRef);

        // other tests' cases on the shared engine may pass their own limits when the clock moves: at least this one
        // counts
        assertThat(meters.counter("itmall.charges", "reason", "UNRETURNED_ADVANCE_UNIT", "status", "DECLINED")
                        .count())
                .isGreaterThanOrEqualTo(declined + 1);
        assertThat(meters.counter("itmall.account.suspensions").count()).isGreaterThanOrEqualTo(suspensions + 1);
        assertThat(meters.counter("itmall.cases.closed", "outcome", "ACCOUNT_SUSPENDED")
                        .count())
                .isGreaterThanOrEqualTo(suspendedCases + 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(subjects(customer)).anyMatch(s -> s.startsWith("Account suspended")));
        assertThat(body(customer, "Account suspended")).contains("declined").contains("2500.00 USD");
    }

    @Test
    void prometheusShowsStaffReturnsByStateOverdueReturnsAndWorkerTimings() throws Exception {
        String caseRef = advanceCaseAwaitingReturn(fixtures.customer(true));
        driver.advanceClock(Duration.ofDays(10).plusMinutes(1));
        driver.awaitPassed(caseRef, Elements.OVERDUE_NOTICE);
        Thread.sleep(5_100); // the state gauges re-read the database at most every 5 s

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus")
                        .with(user(fixtures.portalUser(fixtures.customer(true))).roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        String scrape = mvc.perform(get("/actuator/prometheus")
                        .with(user(fixtures.staffUser()).roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(gauge(scrape, "itmall_returns{state=\"AWAITING_RETURN\"}")).isPositive();
        assertThat(gauge(scrape, "itmall_returns_overdue")).isPositive();
        assertThat(scrape)
                .contains("itmall_notifications_undeliverable")
                .contains("itmall_job_duration_seconds_count{result=\"completed\",type=\"entitlement-check\"}")
                .contains("itmall_job_duration_seconds_count{result=\"completed\",type=\"rma-decide\"}");
    }

    static double gauge(String scrape, String series) {
        return scrape.lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + series));
    }

    @Test
    void staffReportsListLateReturnsWithDaysAndExportCsv() throws Exception {
        String customer = fixtures.customer(true);
        String caseRef = advanceCaseAwaitingReturn(customer);
        driver.advanceClock(Duration.ofDays(12));
        driver.awaitPassed(caseRef, Elements.OVERDUE_NOTICE);
        var staff = user(fixtures.staffUser()).roles("STAFF");

        String csv = mvc.perform(get("/staff/reports/late-returns.csv").with(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<CSVRecord> rows = Csv.records(csv);
        CSVRecord late = rows.stream()
                .filter(r -> r.get("Case").equals(caseRef))
                .findFirst()
                .orElseThrow();
        assertThat(late.get("Customer")).isEqualTo(customer);
        assertThat(late.get("Days late")).isEqualTo("2");
        assertThat(late.get("Advance unit held")).isEqualTo("yes");

        String page = mvc.perform(get("/staff/reports").with(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Undeliverable notifications")
                .contains("Open returns with days to deadline")
                .contains(caseRef)
                .contains("Outcomes by asset category")
                .contains("Exclusions by reason");
        mvc.perform(get("/staff/reports")
                        .with(user(fixtures.portalUser(customer)).roles("CUSTOMER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAuditTrailOfACaseIsVisibleToStaffAndExportable() throws Exception {
        String caseRef = advanceCaseAwaitingReturn(fixtures.customer(true));
        var staff = user(fixtures.staffUser()).roles("STAFF");

        String csv = mvc.perform(get("/staff/cases/" + caseRef + "/audit.csv").with(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<CSVRecord> rows = Csv.records(csv);
        assertThat(rows)
                .extracting(r -> r.get("Event"))
                .containsSubsequence(
                        "ENTITLEMENT_CHECKED",
                        "DIAGNOSIS_RECORDED",
                        "RMA_AUTHORIZED",
                        "ADVANCE_REPLACEMENT_SHIPPED",
                        "OWNERSHIP_TRANSFERRED");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("Policy revision")).isEqualTo("ITM-POL-2026.04"));
        assertThat(rows)
                .filteredOn(r -> r.get("Event").equals("RMA_AUTHORIZED"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("Actor")).isEqualTo("tasklist:rma-approvers"));
        mvc.perform(get("/staff/cases/" + caseRef).with(staff)).andExpect(status().isOk());
        mvc.perform(get("/staff/cases/RC-0000-000000").with(staff)).andExpect(status().isNotFound());
    }
}
