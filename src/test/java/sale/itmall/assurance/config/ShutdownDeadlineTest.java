package sale.itmall.assurance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * A shutdown that waits for ever (a lock another thread never releases, as the Camunda client's job streamer can) ends
 * once the deadline passes; one that finishes in time is left alone.
 */
class ShutdownDeadlineTest {

    @Test
    void aShutdownStuckOnALockEndsTheJvmAtTheDeadlineAndSaysWhere() throws Exception {
        ReentrantLock leaked = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            leaked.lock(); // taken and never released
            held.countDown();
        });
        holder.start();
        held.await();
        Thread closing = new Thread(() -> waitFor(leaked), "closing");
        closing.setDaemon(true);
        LinkedBlockingQueue<Integer> halted = new LinkedBlockingQueue<>();

        closing.start();
        long started = System.nanoTime();
        new ShutdownDeadline(Duration.ofMillis(300), halted::add).arm(closing, closing::isAlive);

        assertThat(halted.poll(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
        assertThat(ShutdownDeadline.whereItWaits(closing))
                .startsWith(ShutdownDeadlineTest.class.getName() + ".waitFor");
    }

    @Test
    void aShutdownThatFinishesInTimeIsLeftAlone() throws Exception {
        Thread closing = new Thread(() -> {}, "closing");
        LinkedBlockingQueue<Integer> halted = new LinkedBlockingQueue<>();

        closing.start();
        new ShutdownDeadline(Duration.ofMillis(300), halted::add).arm(closing, closing::isAlive);

        assertThat(halted.poll(1, TimeUnit.SECONDS)).isNull();
    }

    /** A shutdown hook that closes several contexts goes on after this one closed: only this close is timed. */
    @Test
    void aThreadThatGoesOnToOtherWorkAfterTheCloseIsLeftAlone() throws Exception {
        CountDownLatch otherWork = new CountDownLatch(1);
        Thread closing = new Thread(() -> waitFor(otherWork), "closing");
        closing.setDaemon(true);
        LinkedBlockingQueue<Integer> halted = new LinkedBlockingQueue<>();

        closing.start();
        new ShutdownDeadline(Duration.ofMillis(300), halted::add).arm(closing, () -> false);

        assertThat(halted.poll(1, TimeUnit.SECONDS)).isNull();
        otherWork.countDown();
    }

    @Test
    void aRunningJvmIsNotStopping() {
        assertThat(ShutdownDeadline.jvmIsStopping()).isFalse();
    }

    private static void waitFor(ReentrantLock lock) {
        lock.lock();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
