package sale.itmall.assurance.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.shared.Faults;
import sale.itmall.assurance.shared.OutageLog;

/**
 * Every {@code @Scheduled} job (engine outbox, mail dispatcher, coverage notices, policy refresh, task sweep) meets an
 * outage the same way: a technical fault ({@link Faults#isTechnical}) goes to the job's {@link OutageLog} (one line
 * when it starts, a reminder, one when it heals) instead of Spring's ERROR with a stack trace on every run; the next
 * run is the retry. Any other fault is a defect and is logged by Spring as before. Scheduled jobs answer nothing
 * (they are {@code void}), so swallowing a fault loses no result.
 */
@Aspect
@Component
class ScheduledJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobs.class);

    private final MeterRegistry registry;
    private final Map<String, OutageLog> outages = new ConcurrentHashMap<>();

    ScheduledJobs(MeterRegistry registry) {
        this.registry = registry;
    }

    @Around("@annotation(org.springframework.scheduling.annotation.Scheduled)")
    public Object run(ProceedingJoinPoint job) throws Throwable {
        String source = job.getSignature().getDeclaringType().getSimpleName() + "."
                + job.getSignature().getName();
        OutageLog outage = outages.computeIfAbsent(source, s -> new OutageLog(LOG, s, registry));
        try {
            Object result = job.proceed();
            outage.worked();
            return result;
        } catch (RuntimeException e) {
            if (!Faults.isTechnical(e)) {
                throw e;
            }
            outage.failed(e);
            return null;
        }
    }
}
