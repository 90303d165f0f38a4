package sale.itmall.assurance.returns;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.PolicyViolation;

/**
 * How a worker turns failures into something an operator can act on in Operate. Business outcomes the model handles
 * are BPMN errors thrown by the worker itself; everything else ends here:
 *
 * <ul>
 *   <li>data the policy cannot decide on (a form completed without a required value, an unknown case) fails the job
 *       with no retries left, so an incident opens at once with the reason and what to do;
 *   <li>a database that is unreachable fails the job with its retries counted down and a backoff, so it heals by
 *       itself when the database comes back and opens an incident only when the retries run out.
 * </ul>
 */
@Component
class Steps {

    static final Duration TECHNICAL_BACKOFF = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);
    private final MeterRegistry registry;

    Steps(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs a step, timing it as {@code itmall.job.duration} and counting failures as {@code itmall.job.failures}. */
    <T> T run(ActivatedJob job, Supplier<T> step) {
        Timer.Sample sample = Timer.start(registry);
        String result = "completed";
        try {
            return step.get();
        } catch (RuntimeException e) {
            result = e instanceof BpmnError ? "bpmn-error" : "failed";
            if (!"bpmn-error".equals(result)) {
                registry.counter(
                                "itmall.job.failures",
                                "type",
                                job.getType(),
                                "kind",
                                e instanceof PolicyViolation || e instanceof CaseNotFound ? "data" : "technical")
                        .increment();
            }
            throw translate(job, e);
        } finally {
            sample.stop(registry.timer("itmall.job.duration", "type", job.getType(), "result", result));
        }
    }

    /** The failure as Operate should show it: a readable incident, or a retry with backoff. */
    private static RuntimeException translate(ActivatedJob job, RuntimeException e) {
        if (e instanceof PolicyViolation || e instanceof CaseNotFound) {
            return CamundaError.jobError(
                    e.getMessage()
                            + ". Correct the process variables of this instance in Operate, then retry the incident.",
                    null,
                    0);
        }
        if (e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException) {
            int retries = Math.max(job.getRetries() - 1, 0);
            LOG.warn("{} failed on a database fault, {} retries left: {}", job.getType(), retries, e.getMessage());
            return CamundaError.jobError(
                    "Database unavailable while running " + job.getType() + ": " + e.getMessage()
                            + (retries == 0 ? ". Check the database, then retry the incident." : ". Retrying."),
                    null,
                    retries,
                    TECHNICAL_BACKOFF,
                    e);
        }
        return e;
    }

    void run(ActivatedJob job, Runnable step) {
        run(job, () -> {
            step.run();
            return null;
        });
    }
}
