package sale.itmall.assurance.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.shared.Backoff;
import sale.itmall.assurance.shared.Faults;
import sale.itmall.assurance.shared.OutageLog;

/**
 * How a worker turns failures into something an operator can act on in Operate. Business outcomes the model handles
 * are BPMN errors thrown by the worker itself; everything else ends here:
 *
 * <ul>
 *   <li>data the policy cannot decide on (a form completed without a required value, an unknown case) fails the job
 *       with no retries left, so an incident opens at once with the reason and what to do;
 *   <li>a database or engine that cannot be reached ({@link Faults#isTechnical}, by cause) is retried with backoff
 *       for {@link #RIDE_OUT} before the retries count down, so an outage heals by itself and opens an incident only
 *       when it outlasts that.
 * </ul>
 */
@Component
class JobFailurePolicy {

    static final Duration TECHNICAL_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_TECHNICAL_BACKOFF = Duration.ofMinutes(2);
    private static final Backoff BACKOFF = new Backoff(TECHNICAL_BACKOFF, MAX_TECHNICAL_BACKOFF);
    /** How long a technical fault is retried before the job's retries start to count down. */
    static final Duration RIDE_OUT = Duration.ofMinutes(15);

    static final String FAULT_SINCE = "technicalFaultSince";
    static final String FAULT_COUNT = "technicalFaults";
    private static final Logger LOG = LoggerFactory.getLogger(JobFailurePolicy.class);
    private final MeterRegistry registry;
    private final Clock clock;
    private final OutageLog outage;

    JobFailurePolicy(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.outage = new OutageLog(LOG, "Job workers", registry);
    }

    /** Runs a step, timing it as {@code itmall.job.duration} and counting failures as {@code itmall.job.failures}. */
    <T> T run(ActivatedJob job, Supplier<T> step) {
        Timer.Sample sample = Timer.start(registry);
        String result = "completed";
        try {
            T value = step.get();
            outage.worked();
            return value;
        } catch (RuntimeException e) {
            if (e instanceof BpmnError) {
                result = "bpmn-error";
                throw e;
            }
            result = "failed";
            Failure kind = Failure.of(e);
            registry.counter("itmall.job.failures", "type", job.getType(), "kind", kind.tag)
                    .increment();
            throw translate(job, e, kind);
        } finally {
            sample.stop(registry.timer("itmall.job.duration", "type", job.getType(), "result", result));
        }
    }

    /** What kind of failure a step met, told once: it names the metric and decides what Operate shows. */
    private enum Failure {
        DATA("data"),
        TECHNICAL("technical"),
        OTHER("other");

        final String tag;

        Failure(String tag) {
            this.tag = tag;
        }

        static Failure of(RuntimeException e) {
            if (e instanceof PolicyViolation || e instanceof CaseNotFound) {
                return DATA;
            }
            return Faults.isTechnical(e) ? TECHNICAL : OTHER;
        }
    }

    /** The failure as Operate should show it: a readable incident, or a retry with backoff. */
    private RuntimeException translate(ActivatedJob job, RuntimeException e, Failure kind) {
        return switch (kind) {
            case DATA ->
                CamundaError.jobError(
                        e.getMessage()
                                + ". Correct the process variables of this instance in Operate, then retry the incident.",
                        null,
                        0);
            case TECHNICAL -> technical(job, e);
            case OTHER -> e;
        };
    }

    /**
     * A database or engine that cannot be reached: retried with exponential backoff (5 s doubling to 2 min) without
     * using up the job's retries while the fault is younger than {@link #RIDE_OUT}, so an outage of that length heals
     * by itself; after that the retries count down and the last opens an incident that says what to check. When the
     * fault began and how often it struck are kept as local variables of the task (visible in Operate).
     */
    private RuntimeException technical(ActivatedJob job, RuntimeException e) {
        Instant now = clock.instant();
        Map<String, Object> variables = job.getVariablesAsMap() == null ? Map.of() : job.getVariablesAsMap();
        Instant since = variables.get(FAULT_SINCE) instanceof String s ? Instant.parse(s) : now;
        int failures = variables.get(FAULT_COUNT) instanceof Number n ? n.intValue() + 1 : 1;
        boolean ridingOut = Duration.between(since, now).compareTo(RIDE_OUT) < 0;
        int retries = ridingOut ? job.getRetries() : Math.max(job.getRetries() - 1, 0);
        Duration backoff = technicalBackoff(failures);
        String reason = Faults.describe(e);
        outage.failed(e); // one line per outage; each job's own failure is in Operate and at debug level
        LOG.debug(
                "{} could not reach the database or the engine (failure {}, since {}), {} retries left: {}",
                job.getType(),
                failures,
                since,
                retries,
                reason);
        return CamundaError.jobError(
                "Database or engine unreachable while running " + job.getType() + " (since " + since + "): " + reason
                        + (retries == 0
                                ? ". Check that the database and the engine are up, then retry the incident."
                                : ". Retrying in " + backoff.toSeconds() + " s."),
                Map.of(FAULT_SINCE, since.toString(), FAULT_COUNT, failures),
                retries,
                backoff);
    }

    /** The wait after the given number of technical failures in a row: 5 s, 10 s, 20 s, … at most 2 minutes. */
    static Duration technicalBackoff(int failures) {
        return BACKOFF.after(failures);
    }

    void run(ActivatedJob job, Runnable step) {
        run(job, () -> {
            step.run();
            return null;
        });
    }
}
