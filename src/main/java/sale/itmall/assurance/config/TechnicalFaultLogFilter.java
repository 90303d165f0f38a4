package sale.itmall.assurance.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.shared.Faults;
import sale.itmall.assurance.shared.OutageLog;

/**
 * No stack trace for a technical fault, from any logger. The libraries log an unreachable database or engine with a
 * stack trace on every attempt (the Camunda client once per job type and reconnect, Spring's transaction template on a
 * failed rollback); this filter turns each logger's run of such events into its {@link OutageLog}: one line when it
 * starts, a reminder every few minutes. A logger quiet for {@link #QUIET} starts a new outage with its next fault
 * (libraries do not say when they work again; the application's own sources do). Faults of other kinds pass untouched.
 */
@Component
class TechnicalFaultLogFilter extends TurboFilter {

    static final Duration QUIET = Duration.ofMinutes(1);
    private static final Logger LOG = (Logger) LoggerFactory.getLogger(TechnicalFaultLogFilter.class);

    private final MeterRegistry registry;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    private static final class Source {
        final OutageLog outage;
        volatile long lastFault;

        Source(OutageLog outage) {
            this.outage = outage;
        }
    }

    TechnicalFaultLogFilter(MeterRegistry registry) {
        this.registry = registry;
        setName("technical-faults");
        context().addTurboFilter(this);
        start();
    }

    @PreDestroy
    void remove() {
        context().getTurboFilterList().remove(this);
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null
                || !level.isGreaterOrEqual(Level.WARN)
                || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        Throwable fault = t != null
                ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                        ? last
                        : null;
        if (fault == null || !Faults.isTechnical(fault)) {
            return FilterReply.NEUTRAL;
        }
        Source source =
                sources.computeIfAbsent(logger.getName(), name -> new Source(new OutageLog(LOG, name, registry)));
        long now = System.nanoTime();
        if (now - source.lastFault > QUIET.toNanos()) {
            source.outage.forget();
        }
        source.lastFault = now;
        source.outage.failed(fault);
        return FilterReply.DENY;
    }
}
