package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.process.ProcessContract.Jobs;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.DatabaseOutage;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.tasks.StaffTask;

/**
 * The database stops for real under the running application (issue #11, item 2): calls answer 503 with Retry-After at
 * once (never 401, never a generic 500), the step that runs meanwhile is retried without using up its retries, and the
 * case goes on by itself when the database is back, with no incident and no operator.
 */
@ApplicationTest
class DatabaseOutageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ProcessDriver driver;

    @Value("${itmall.embedded-postgres.data-dir}")
    Path dataDir;

    @Test
    void callsAnswer503WithRetryAfterAndTheCaseHealsByItselfWhenTheDatabaseIsBack() throws Exception {
        String customer = fixtures.customer(true);
        String caseRef = scenarios.caseAtDiagnosis(customer, AssetCategory.END_USER_TERMINAL, 100);
        long instance = driver.instanceOf(caseRef);
        String portalUser = fixtures.portalUser(customer);
        String staff = fixtures.staffUser();
        DatabaseOutage outage = new DatabaseOutage(dataDir);
        StaffTask diagnosis = driver.userTask(caseRef, Elements.REMOTE_DIAGNOSIS);

        outage.stop();
        try {
            mvc.perform(get("/api/returns/" + caseRef).with(user(portalUser).roles("CUSTOMER")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(jsonPath("$.title").value("Temporarily unavailable"));
            // the warehouse's credentials cannot be checked: 503, not a 401 that reads as a wrong password
            mvc.perform(post("/api/warehouse/receipts")
                            .with(httpBasic(staff, "secret"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"rmaNumber\":\"RMA-0000-000001\",\"receiptId\":\"WH-1\"}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30"));
            mvc.perform(get("/returns/" + caseRef).with(user(portalUser).roles("CUSTOMER")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("Back in a moment")));

            // the portal's task queue lives in the database: staff are told to try again shortly
            mvc.perform(get("/api/staff/tasks").with(httpBasic(staff, "secret")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30"));
            // TAC completes the diagnosis while the database is away, as Tasklist does on a cluster (its tasks do
            // not live in the application's database): the step after it fails and is retried with backoff
            driver.completeBypassingTheForm(
                    diagnosis, Map.of("diagnosisOutcome", "HARDWARE_DEFECT", "diagnosisNotes", "PSU fault confirmed"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !failures(instance).isEmpty());
            assertThat(failures(instance)).allSatisfy(failed -> {
                assertThat(failed.getRetries()).isEqualTo(3);
                // what Operate shows: the reason in one line, not a stack trace
                assertThat(failed.getErrorMessage())
                        .contains("Database or engine unreachable while running diagnosis-record")
                        .contains("Retrying in 5 s")
                        .doesNotContain("Caused by");
            });
        } finally {
            outage.start();
        }

        driver.awaitWaitingAt(caseRef, Elements.RMA_APPROVAL);
        assertThat(StreamSupport.stream(
                                ProcessDriver.records().incidentRecords().spliterator(), false)
                        .filter(r -> r.getValue().getProcessInstanceKey() == instance))
                .isEmpty();
        mvc.perform(get("/api/returns/" + caseRef).with(user(portalUser).roles("CUSTOMER")))
                .andExpect(status().isOk());
    }

    private static List<JobRecordValue> failures(long instance) {
        return StreamSupport.stream(ProcessDriver.records().jobRecords().spliterator(), false)
                .filter(r -> r.getIntent() == JobIntent.FAILED)
                .map(Record::getValue)
                .filter(v ->
                        v.getProcessInstanceKey() == instance && v.getType().equals(Jobs.DIAGNOSIS_RECORD))
                .toList();
    }
}
