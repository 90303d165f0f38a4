package sale.itmall.assurance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.ServicePolicy.ComplianceAction;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.returns.DiagnosisSteps;
import sale.itmall.assurance.returns.LateUnitSteps;
import sale.itmall.assurance.returns.RmaSteps;

/**
 * The job workers alone (unit tests, the case steps stood in by a mock): what Operate shows for each kind of outcome
 * and failure, and what the metrics count.
 */
class JobWorkersTest {

    final DiagnosisSteps diagnosisSteps = mock(DiagnosisSteps.class);
    final RmaSteps rmaSteps = mock(RmaSteps.class);
    final LateUnitSteps lateUnitSteps = mock(LateUnitSteps.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final JobFailurePolicy steps = new JobFailurePolicy(meters, Clock.systemUTC());
    final OpeningWorkers opening = new OpeningWorkers(null, diagnosisSteps, null, rmaSteps, null, steps, null);
    final ReturnWindowWorkers returnWindow = new ReturnWindowWorkers(rmaSteps, lateUnitSteps, null, steps);
    final ActivatedJob job = mock(ActivatedJob.class);

    @BeforeEach
    void aJobWithThreeRetries() {
        when(job.getRetries()).thenReturn(3);
        when(job.getType()).thenReturn("test-job");
    }

    @Test
    void aDeclinedChargeIsTheBpmnErrorTheModelRoutesToSuspension() {
        when(lateUnitSteps.enforceComplianceLimit("RC-1"))
                .thenReturn(new LateUnitSteps.ComplianceResult(
                        ComplianceAction.CHARGE_FULL_UNIT_PRICE, false, CaseOutcome.CHARGED_FULL_UNIT_PRICE));

        assertThatThrownBy(() -> returnWindow.chargeUnitPrice(job, new Variables.CaseRef("RC-1")))
                .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode())
                        .isEqualTo(ProcessContract.ERROR_CHARGE_DECLINED));
        assertThat(meters.timer("itmall.job.duration", "type", "test-job", "result", "bpmn-error")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void dataThePolicyCannotDecideOpensAnIncidentAtOnceSayingWhatToFix() {
        when(diagnosisSteps.recordDiagnosis(any(), any(), any(), any(), any(), any(), any()))
                .thenThrow(new PolicyViolation("An exclusion needs a reason code"));

        assertThatThrownBy(() -> opening.recordDiagnosis(
                        job, new Variables.DiagnosisForm("RC-1", "EXCLUDED", null, null, null, null, null, null)))
                .isInstanceOfSatisfying(JobError.class, e -> {
                    assertThat(e.getRetries()).isZero();
                    assertThat(e.getErrorMessage())
                            .startsWith("An exclusion needs a reason code")
                            .contains("Correct the process variables of this instance in Operate");
                });
        assertThat(meters.counter("itmall.job.failures", "type", "test-job", "kind", "data")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anUnreachableDatabaseIsRetriedWithBackoffWithoutUsingUpRetriesWhateverWrapsIt() {
        // what a @Transactional step throws when no connection can be had: not a DataAccessException
        when(rmaSteps.decideRma(any(), any(), any(), any()))
                .thenThrow(new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("itmall-embedded - Connection is not available")));

        assertThatThrownBy(() -> opening.decideRma(job, new Variables.RmaForm("RC-1", "APPROVE", null)))
                .isInstanceOfSatisfying(JobError.class, e -> {
                    assertThat(e.getRetries()).isEqualTo(3);
                    assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(e.getVariables())
                            .isEqualTo(Map.of(
                                    JobFailurePolicy.FAULT_SINCE,
                                    e.getVariables() instanceof Map<?, ?> m ? m.get(JobFailurePolicy.FAULT_SINCE) : "",
                                    JobFailurePolicy.FAULT_COUNT,
                                    1));
                    assertThat(e.getErrorMessage())
                            .contains("Database or engine unreachable while running test-job")
                            .contains("Connection is not available")
                            .endsWith("Retrying in 5 s.")
                            .doesNotContain("\tat ");
                });
        assertThat(meters.counter("itmall.job.failures", "type", "test-job", "kind", "technical")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aTechnicalFaultOlderThanTheRideOutCountsTheRetriesDownAndTheLastSaysWhatToCheck() {
        when(rmaSteps.decideRma(any(), any(), any(), any()))
                .thenThrow(new DataAccessResourceFailureException("Connection refused"));
        when(job.getRetries()).thenReturn(1);
        when(job.getVariablesAsMap())
                .thenReturn(Map.of(
                        JobFailurePolicy.FAULT_SINCE,
                        Instant.now()
                                .minus(JobFailurePolicy.RIDE_OUT)
                                .minusSeconds(1)
                                .toString(),
                        JobFailurePolicy.FAULT_COUNT,
                        12));

        assertThatThrownBy(() -> opening.decideRma(job, new Variables.RmaForm("RC-1", "APPROVE", null)))
                .isInstanceOfSatisfying(JobError.class, e -> {
                    assertThat(e.getRetries()).isZero();
                    assertThat(e.getRetryBackoff()).isEqualTo(JobFailurePolicy.MAX_TECHNICAL_BACKOFF);
                    assertThat(e.getErrorMessage())
                            .endsWith("Check that the database and the engine are up, then retry the incident.");
                });
    }

    @Test
    void anUnknownRmaDecisionIsRefusedBeforeAnythingIsRecorded() {
        assertThatThrownBy(() -> opening.decideRma(job, new Variables.RmaForm("RC-1", "MAYBE", null)))
                .isInstanceOfSatisfying(JobError.class, e -> {
                    assertThat(e.getRetries()).isZero();
                    assertThat(e.getErrorMessage()).contains("Unknown RMA decision 'MAYBE'");
                });
        verifyNoInteractions(rmaSteps);
    }

    @Test
    void aRejectedRmaClosesTheCaseAsRejected() {
        when(rmaSteps.decideRma("RC-1", false, "not ours", "tasklist:rma-approvers"))
                .thenReturn(Optional.empty());

        Variables.RmaDecided decided = opening.decideRma(job, new Variables.RmaForm("RC-1", "REJECT", "not ours"));

        assertThat(decided.rmaApproved()).isFalse();
        assertThat(decided.caseOutcome()).isEqualTo(CaseOutcome.RMA_REJECTED);
    }
}
