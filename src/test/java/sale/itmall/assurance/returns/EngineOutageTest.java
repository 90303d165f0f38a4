package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.engine.EngineBacklog;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.FaultyLink;
import sale.itmall.assurance.support.Fixtures;

/**
 * The engine goes away for real (the link to its gateway is cut: connections reset, new ones refused) while customers
 * submit, cancel and dispute: each is answered and recorded at once, and reaches the engine exactly once when it is
 * back (issue #11, items 1 and 4).
 */
@ApplicationTest
class EngineOutageTest {

    private static final Duration HEALED = Duration.ofSeconds(60);

    @Autowired
    CaseRequests caseRequests;

    @Autowired
    ReturnRequests returnRequests;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CaseStore store;

    @Autowired
    RequestStore requestStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamundaClient camunda;

    @Autowired
    EngineBacklog backlog;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void engineBack() throws Exception {
        FaultyLink.toEngine().restore();
    }

    @Test
    void whatCustomersDoWhileTheEngineIsDownIsRecordedAndReachesItExactlyOnceWhenItIsBack() throws Exception {
        String customer = fixtures.customer(true);
        String toDispute = scenarios.caseAtDiagnosis(customer, AssetCategory.END_USER_TERMINAL, 100);
        String toCancel = scenarios.caseAtDiagnosis(customer, AssetCategory.END_USER_TERMINAL, 100);
        String serial = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 100, false);

        FaultyLink.toEngine().cut();
        ReturnRequests.Submitted submitted =
                returnRequests.submit(customer, null, List.of(new ReturnRequests.Item(serial, "No video output")));
        caseRequests.requestCancellation(toCancel, "Found a loose cable");
        caseRequests.raisePolicyDispute(toDispute, "The drop was during ITMall's own installation");

        // answered, and recorded: the case exists, the asset is taken, nothing reached the engine or the customer yet
        String newCase = submitted.caseReferences().get(0);
        assertThat(store.require(newCase).status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(requestStore.requireRequest(submitted.requestReference()).processInstanceKey())
                .isNull();
        assertThat(pending()).isEqualTo(3);
        // the first attempt, right after the commit on another thread, meets the cut link
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("select coalesce(last_error, '') from engine_commands where reference = ?")
                                .param(submitted.requestReference())
                                .query(String.class)
                                .single(),
                        e -> !e.isBlank());
        assertThat(receivedMails(submitted.requestReference())).isZero();

        // a minute on, staff see what waits for the engine (report and metric)
        driver.advanceClock(Duration.ofMinutes(2));
        assertThat(backlog.report().rows())
                .extracting(row -> row.get(1))
                .contains(submitted.requestReference(), toCancel, toDispute);
        assertThat(meters.get("itmall.engine.commands.pending").gauge().value()).isGreaterThanOrEqualTo(3);

        FaultyLink.toEngine().restore();

        // each reaches the engine once: the request runs in one instance, the others do what they asked
        await().atMost(HEALED).until(() -> pending() == 0);
        assertThat(backlog.report().rows()).isEmpty();
        driver.awaitWaitingAt(newCase, Elements.REMOTE_DIAGNOSIS);
        assertThat(driver.awaitClosed(toCancel).outcome()).isEqualTo(CaseOutcome.CANCELLED);
        assertThat(driver.userTaskOf(ProcessContract.DISPUTE_PROCESS_ID, Elements.DISPUTE_REVIEW, toDispute))
                .isNotNull();
        await().atMost(HEALED).until(() -> receivedMails(submitted.requestReference()) == 1);
        assertThat(jdbc.sql("select count(*) from audit_events a join return_cases c on c.id = a.case_id"
                                + " where c.reference = ? and a.event_type = 'POLICY_DISPUTE_RAISED'")
                        .param(toDispute)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSecondStartOfTheSameRequestIsCancelledAndTellsTheCustomerNothing() {
        String customer = fixtures.customer(true);
        String caseRef = scenarios.caseAtDiagnosis(customer, AssetCategory.END_USER_TERMINAL, 100);
        CaseRecord c = store.require(caseRef);
        RequestRecord request = requestStore.requireRequest(c.requestReference());
        await().atMost(HEALED).until(() -> receivedMails(request.reference()) == 1);

        // what a crash between starting the instance and recording its key would leave: a second instance
        long second = camunda.newCreateInstanceCommand()
                .bpmnProcessId(ProcessContract.REQUEST_PROCESS_ID)
                .latestVersion()
                .variables(new Variables.RequestStarted(
                        request.reference(), request.customerNumber(), request.customerName(), List.of()))
                .send()
                .join()
                .getProcessInstanceKey();

        await().atMost(HEALED)
                .ignoreExceptions()
                .untilAsserted(() -> new ProcessInstanceAssert(second, ProcessDriver.records()).isTerminated());
        assertThat(requestStore.requireRequest(request.reference()).processInstanceKey())
                .isEqualTo(request.processInstanceKey());
        assertThat(receivedMails(request.reference())).isEqualTo(1);
        driver.awaitWaitingAt(caseRef, Elements.REMOTE_DIAGNOSIS);
    }

    private long pending() {
        return jdbc.sql("select count(*) from engine_commands where delivered_at is null")
                .query(Long.class)
                .single();
    }

    private long receivedMails(String requestRef) {
        return jdbc.sql(
                        """
                select count(*) from notifications n join return_requests r on r.id = n.request_id
                 where r.reference = ? and n.step = 'request-received'""")
                .param(requestRef)
                .query(Long.class)
                .single();
    }
}
