package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;

/**
 * A return request is one process over its items: one acknowledgement listing them, one return case per item as a
 * called instance with its own variables, and one summary of every outcome at the end.
 */
@ApplicationTest
class ReturnRequestProcessTest {

    @Autowired
    CaseRequests caseRequests;

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

    @Test
    void aRequestAcknowledgesOnceCallsOneCasePerItemAndSummarizesEveryOutcome() {
        String customer = fixtures.customer(true);
        String young = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 100, false);
        String switchUnit = fixtures.asset(customer, AssetCategory.ENTERPRISE_INFRASTRUCTURE, 100, false);
        String planned = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 100, false);
        // the third item's manufacturer plan is recorded after the request was accepted: its case refers it
        List<String> refs = scenarios.submitThenChange(
                customer,
                List.of(
                        new ReturnRequests.Item(young, "Screen flickers"),
                        new ReturnRequests.Item(switchUnit, "Port 3 dead"),
                        new ReturnRequests.Item(planned, "Battery swollen")),
                () -> fixtures.setManufacturerPlan(planned));

        // one instance of the request (started right after the submit's commit); each item runs as its own called case
        driver.awaitWaitingAt(refs.get(0), Elements.REMOTE_DIAGNOSIS);
        driver.awaitWaitingAt(refs.get(1), Elements.REMOTE_DIAGNOSIS);
        RequestRecord request =
                requestStore.requireRequest(store.require(refs.get(0)).requestReference());
        long requestKey = request.processInstanceKey();
        assertThat(driver.awaitClosed(refs.get(2)).outcome()).isEqualTo(CaseOutcome.MANUFACTURER_REFERRAL);
        for (String ref : refs) {
            assertThat(parentOf(driver.instanceOf(ref))).isEqualTo(requestKey);
        }
        // a case receives only what the call activity maps, not the whole request
        assertThat(driver.variables(refs.get(0)))
                .containsEntry("serialNumber", young)
                .doesNotContainKey("items");

        // one "request received" message that lists every item, not one per item
        List<Map<String, Object>> received = jdbc.sql(
                        """
        select case_id, body from notifications where request_id = ? and step = 'request-received'""")
                .param(request.id().value())
                .query()
                .listOfRows();
        assertThat(received).singleElement().satisfies(row -> {
            assertThat(row.get("case_id")).isNull();
            assertThat(row.get("body").toString())
                    .contains(young)
                    .contains(switchUnit)
                    .contains(planned);
        });
        assertThat(jdbc.sql("select count(*) from notifications n join return_cases c on c.id = n.case_id "
                                + "where c.request_id = ? and n.step = 'request-received'")
                        .param(request.id().value())
                        .query(Long.class)
                        .single())
                .isZero();

        // cancelling one item leaves the other running
        caseRequests.requestCancellation(refs.get(0), "Fixed by a reboot");
        assertThat(driver.awaitClosed(refs.get(0)).outcome()).isEqualTo(CaseOutcome.CANCELLED);
        driver.awaitWaitingAt(refs.get(1), Elements.REMOTE_DIAGNOSIS);
        new ProcessInstanceAssert(requestKey, ProcessDriver.records()).isActive();

        // the last item settles: the request ends with a summary of each item's outcome
        driver.completeUserTask(
                refs.get(1),
                Elements.REMOTE_DIAGNOSIS,
                Map.of("diagnosisOutcome", "RESOLVED_REMOTELY", "diagnosisNotes", "Port re-enabled"));
        driver.awaitClosed(refs.get(1));
        driver.awaitCompleted(requestKey);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> outcomes =
                (List<Map<String, Object>>) driver.variablesOf(requestKey).get("itemOutcomes");
        assertThat(outcomes)
                .extracting(o -> o.get("caseRef") + "=" + o.get("outcome"))
                .containsExactlyInAnyOrder(
                        refs.get(0) + "=CANCELLED",
                        refs.get(1) + "=RESOLVED_REMOTELY",
                        refs.get(2) + "=MANUFACTURER_REFERRAL");
        String summary = jdbc.sql("select body from notifications where request_id = ? and step = 'request-summary'")
                .param(request.id().value())
                .query(String.class)
                .single();
        assertThat(summary)
                .contains(refs.get(0) + ": ")
                .contains("Cancelled")
                .contains("Resolved remotely")
                .contains("Manufacturer referral");
    }

    private static long parentOf(long processInstanceKey) {
        return StreamSupport.stream(
                        ProcessDriver.records().processInstanceRecords().spliterator(), false)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .map(Record::getValue)
                .filter(v -> v.getProcessInstanceKey() == processInstanceKey && v.getParentProcessInstanceKey() > 0)
                .map(ProcessInstanceRecordValue::getParentProcessInstanceKey)
                .findFirst()
                .orElse(-1L);
    }
}
