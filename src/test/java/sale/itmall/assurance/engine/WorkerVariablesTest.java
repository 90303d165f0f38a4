package sale.itmall.assurance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import sale.itmall.assurance.process.Variables;

/**
 * What a case worker declares it reads: its form's or message's record and the fault counters ({@link WorkerFetchTest}
 * checks that the running application's workers fetch exactly that).
 */
class WorkerVariablesTest {

    @Test
    void theRmaDecisionFetchesItsFormsFieldsAndTheFaultCounters() throws NoSuchMethodException {
        Method decideRma = OpeningWorkers.class.getMethod("decideRma", ActivatedJob.class, Variables.RmaForm.class);

        assertThat(WorkerVariables.declared(decideRma))
                .containsExactly(
                        "caseRef",
                        "rmaDecision",
                        "approvalNotes",
                        JobFailurePolicy.FAULT_SINCE,
                        JobFailurePolicy.FAULT_COUNT);
    }
}
