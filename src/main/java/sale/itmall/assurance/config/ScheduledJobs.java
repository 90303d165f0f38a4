package sale.itmall.assurance.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import sale.itmall.assurance.shared.Faults;
import sale.itmall.assurance.shared.OutageLog;

/**
 * Every {@code @Scheduled} job (engine outbox, mail dispatcher, coverage notices, policy refresh, task sweep) meets an
 * outage the same way. Spring observes each run of a scheduled method ({@link ScheduledTaskObservationContext}); a run
 * that failed for a technical reason ({@link Faults#isTechnical}) goes to the job's {@link OutageLog} (one line when it
 * starts, a reminder, one when it heals) and a run that completed tells it the outage is over. The scheduler's error
 * handler logs only the other faults, which are defects, with their stack trace; the next run is the retry.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobs implements ObservationHandler<ScheduledTaskObservationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobs.class);

    private final MeterRegistry registry;
    private final Map<String, OutageLog> outages = new ConcurrentHashMap<>();

    ScheduledJobs(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ScheduledTaskObservationContext;
    }

    @Override
    public void onStop(ScheduledTaskObservationContext run) {
        String source =
                run.getTargetClass().getSimpleName() + "." + run.getMethod().getName();
        Throwable fault = run.getError();
        if (fault != null && Faults.isTechnical(fault)) {
            outage(source).failed(fault);
        } else if (fault == null && run.isComplete()) {
            outage(source).worked();
        }
    }

    private OutageLog outage(String source) {
        return outages.computeIfAbsent(source, s -> new OutageLog(LOG, s, registry));
    }

    /** Technical faults are the outage log's; a defect in a scheduled job is logged with its stack trace. */
    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledJobFaults() {
        return scheduler -> scheduler.setErrorHandler(fault -> {
            if (!Faults.isTechnical(fault)) {
                LOG.error("A scheduled job failed", fault);
            }
        });
    }
}
