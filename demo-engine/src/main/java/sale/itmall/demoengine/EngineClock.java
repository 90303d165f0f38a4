package sale.itmall.demoengine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;

/**
 * The engine's clock: wall time plus the offset it was moved forward by. Zeebe Process Test's clock only moves
 * forward ({@link ZeebeTestEngine#increaseTime}); timers that are due then fire.
 */
final class EngineClock {

    private final ZeebeTestEngine engine;
    private long offsetMillis;

    EngineClock(ZeebeTestEngine engine) {
        this.engine = engine;
    }

    synchronized long epochMilli() {
        return System.currentTimeMillis() + offsetMillis;
    }

    synchronized long offsetMillis() {
        return offsetMillis;
    }

    /** Moves the clock forward; a zero move is a no-op, a negative one is refused. */
    synchronized void add(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The engine's clock only moves forward");
        }
        if (!by.isZero()) {
            engine.increaseTime(by);
            offsetMillis += by.toMillis();
        }
    }
}
