package sale.itmall.assurance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.jobhandling.JobWorkerManager;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sale.itmall.assurance.support.ApplicationTest;

/**
 * In the running application: every case worker the Camunda starter opened asks the engine for the variables it
 * declares and the fault counters, not for every variable of the instance (the case's terms, its forms' facts and
 * every earlier answer stay in the engine). The process tests run each of these workers on the engine with only these.
 */
@ApplicationTest
class WorkerFetchTest {

    @Autowired
    JobWorkerManager workers;

    @Test
    void everyCaseWorkerFetchesWhatItDeclaresAndNothingElse() {
        assertThat(WorkerVariables.WORKERS.stream()
                        .flatMap(w -> Stream.of(w.getDeclaredMethods()))
                        .filter(m -> m.isAnnotationPresent(JobWorker.class)))
                .hasSize(24)
                .allSatisfy(this::fetchesWhatItDeclares);
    }

    private void fetchesWhatItDeclares(Method worker) {
        String type = worker.getAnnotation(JobWorker.class).type();
        assertThat(workers.findJobWorkerConfigByType(type)).as(type).hasValueSatisfying(opened -> assertThat(
                        opened.getFetchVariables())
                .as(type)
                .containsExactlyElementsOf(WorkerVariables.declared(worker)));
    }
}
