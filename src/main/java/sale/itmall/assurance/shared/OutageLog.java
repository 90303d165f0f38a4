package sale.itmall.assurance.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * What the log says of an outage (a database, engine or mail server that cannot be reached): one WARN line when it
 * starts, a reminder every {@link #REMIND_EVERY} while it lasts, and one INFO line when it heals, never a stack trace
 * and never a line per attempt. The metrics tell the rest: {@code itmall.outage.active} (1 while failing) and
 * {@code itmall.outage.faults} (every failed attempt), tagged with the source. Times are wall-clock log times.
 */
public final class OutageLog {

    public static final Duration REMIND_EVERY = Duration.ofMinutes(5);

    private final Logger log;
    private final String source;
    private final Counter faults;
    private final LongSupplier nanoTime;
    private Instant since;
    private long remindedAt;
    private long failures;

    /** {@code source} names what fails in the log and in the metrics' tag, e.g. {@code EngineOutbox.dispatch}. */
    public OutageLog(Logger log, String source, MeterRegistry registry) {
        this(log, source, registry, System::nanoTime);
    }

    /** With the monotonic time the reminders are spaced by (a test moves it). */
    OutageLog(Logger log, String source, MeterRegistry registry, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.log = log;
        this.source = source;
        this.faults = Counter.builder("itmall.outage.faults")
                .description("Failed attempts to reach the database, the engine or the mail server")
                .tag("source", source)
                .register(registry);
        Gauge.builder("itmall.outage.active", this, o -> o.failing() ? 1 : 0)
                .description("1 while the source cannot reach what it needs")
                .tag("source", source)
                .register(registry);
    }

    /** An attempt failed for a technical reason ({@link Faults#isTechnical}). */
    public synchronized void failed(Throwable fault) {
        faults.increment();
        failures++;
        long now = nanoTime.getAsLong();
        if (since == null) {
            since = Instant.now();
            remindedAt = now;
            log.warn(
                    "{} cannot reach the database, the engine or the mail server: {}. Retrying with backoff; a reminder"
                            + " every {} min while it lasts, a line when it works again",
                    source,
                    Faults.describe(fault),
                    REMIND_EVERY.toMinutes());
        } else if (now - remindedAt >= REMIND_EVERY.toNanos()) {
            remindedAt = now;
            log.warn(
                    "{} still cannot reach the database, the engine or the mail server, since {} ({} failed attempts):"
                            + " {}",
                    source,
                    since.truncatedTo(ChronoUnit.SECONDS),
                    failures,
                    Faults.describe(fault));
        }
    }

    /** An attempt worked: the outage, if there was one, is over. */
    public synchronized void worked() {
        if (since != null) {
            log.info(
                    "{} works again after {} s ({} failed attempts)",
                    source,
                    Duration.between(since, Instant.now()).toSeconds(),
                    failures);
            since = null;
            failures = 0;
        }
    }

    /**
     * Forgets an outage without a line: for a source that never says when it works again (a library's own log), whose
     * outage is taken as over once it has been quiet a while.
     */
    public synchronized void forget() {
        since = null;
        failures = 0;
    }

    public synchronized boolean failing() {
        return since != null;
    }
}
