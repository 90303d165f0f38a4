package sale.itmall.assurance.support;

import java.time.Duration;

/** The application's clock in tests on the embedded engine: moving it moves the engine's clock too. */
public class TestClock extends OffsetClock {

    public void advance(Duration by) {
        shift(by);
        EmbeddedEngine.get().increaseTime(by);
    }
}
