package sale.itmall.assurance.engine;

import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.annotation.customizer.JobWorkerValueCustomizer;
import io.camunda.client.annotation.value.JobWorkerValue;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What each job worker of a case fetches from the engine: the variables it declares (the components of its
 * {@code @VariablesAsType} record) and the two counters {@link JobFailurePolicy} keeps of a technical fault, nothing else. The
 * workers take the {@code ActivatedJob} (its type, key and retries tell what failed), and the Camunda starter fetches
 * every variable of the instance for such a worker unless it is told which; this tells it.
 */
@Component
class WorkerVariables implements JobWorkerValueCustomizer {

    static final Set<Class<?>> WORKERS =
            Set.of(OpeningWorkers.class, ReturnWindowWorkers.class, ResolutionWorkers.class);

    @Override
    public void customize(JobWorkerValue worker) {
        Method method = worker.getMethodInfo().getMethod();
        if (WORKERS.contains(method.getDeclaringClass()) && !Boolean.TRUE.equals(worker.getForceFetchAllVariables())) {
            worker.setFetchVariables(declared(method));
        }
    }

    /** The variables a worker method reads: its record's components, then the fault counters. */
    static List<String> declared(Method method) {
        List<String> names = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            if (p.isAnnotationPresent(VariablesAsType.class) && p.getType().isRecord()) {
                for (RecordComponent c : p.getType().getRecordComponents()) {
                    names.add(c.getName());
                }
            }
        }
        names.add(JobFailurePolicy.FAULT_SINCE);
        names.add(JobFailurePolicy.FAULT_COUNT);
        return List.copyOf(names);
    }
}
