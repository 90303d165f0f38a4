package sale.itmall.assurance.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * The application stops when told. A stop the JVM was asked for (SIGTERM, Ctrl+C) that has not finished within
 * {@code itmall.shutdown.deadline} (10 s, below the 30 s of a process manager's usual grace period) ends the JVM at
 * once, after one ERROR line naming where the shutdown waits.
 *
 * <p>Why: the Camunda client 8.8 can hang in its own shutdown. A job stream that lost its engine schedules a reopen;
 * when that reopen runs after the workers were closed, it returns without releasing the stream's lock
 * ({@code JobStreamerImpl.open}), and the client's second close of the same worker (the starter closes the workers,
 * then the client closes them again) waits for that lock for ever. Nothing the application holds is lost by ending
 * there: every change is committed or not, the outboxes hold what has not reached the engine or the mail server, and
 * an embedded PostgreSQL left running is stopped by the next start ({@link EmbeddedPostgresConfig}).
 *
 * <p>Only a stop of the JVM arms it: a context closed inside a running JVM (an embedding, a test) is left alone, and
 * {@code 0} turns it off.
 */
@Component
class ShutdownDeadline implements ApplicationListener<ContextClosedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDeadline.class);

    /** How the JVM ends when the deadline passes: {@link Runtime#halt}, replaced in the deadline's own test. */
    interface Halt {
        void now(int status);
    }

    private final Duration deadline;
    private final Halt halt;

    @Autowired
    ShutdownDeadline(@Value("${itmall.shutdown.deadline:10s}") Duration deadline) {
        this(deadline, status -> Runtime.getRuntime().halt(status));
    }

    ShutdownDeadline(Duration deadline, Halt halt) {
        this.deadline = deadline;
        this.halt = halt;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (deadline.isZero() || !jvmIsStopping()) {
            return;
        }
        ApplicationContext context = event.getApplicationContext();
        arm(Thread.currentThread(), () -> context instanceof ConfigurableApplicationContext c && c.isActive());
    }

    /**
     * Starts the watch over a close that the given thread runs; {@code closing} tells whether it still runs (the thread
     * may go on to other work once it is done, as a JVM's shutdown hook closing several contexts does).
     */
    void arm(Thread thread, BooleanSupplier closing) {
        Thread watch = new Thread(() -> watch(thread, closing), "itmall-shutdown-deadline");
        watch.setDaemon(true);
        watch.start();
    }

    private void watch(Thread thread, BooleanSupplier closing) {
        long until = System.nanoTime() + deadline.toNanos();
        try {
            while (closing.getAsBoolean() && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (closing.getAsBoolean()) {
            LOG.error(
                    "The application did not stop within {} s: ending the JVM now (exit status 1). The shutdown waits"
                            + " in {}",
                    deadline.toSeconds(),
                    whereItWaits(thread));
            halt.now(1);
        }
    }

    /** The closing thread's first frames outside the JDK: where it waits, in one line. */
    static String whereItWaits(Thread closing) {
        String frames = Arrays.stream(closing.getStackTrace())
                .filter(f -> !f.getClassName().startsWith("java.")
                        && !f.getClassName().startsWith("jdk."))
                .limit(3)
                .map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber())
                .collect(Collectors.joining(" < "));
        return frames.isEmpty() ? closing.getName() + " (" + closing.getState() + ")" : frames;
    }

    /** The JVM refuses new shutdown hooks once it is stopping: the one way to ask whether it is. */
    static boolean jvmIsStopping() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
