package sale.itmall.assurance.support;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.time.Duration;
import java.util.stream.StreamSupport;

/** One in-memory Zeebe engine (Zeebe Process Test) for the whole test JVM, speaking gRPC like a real gateway. */
public final class EmbeddedEngine {
    private static ZeebeTestEngine engine;

    private EmbeddedEngine() {}

    public static synchronized ZeebeTestEngine get() {
        if (engine == null) {
            engine = EngineFactory.create();
            engine.start();
            Runtime.getRuntime().addShutdownHook(new Thread(engine::stop));
        }
        return engine;
    }

    /**
     * Waits until the engine has written nothing for a second (at most a minute): what earlier tests set going (every
     * timer a moved clock fired in their instances) has been worked by the job workers, so a test that takes a system
     * away meets only its own jobs.
     */
    public static void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            long written = StreamSupport.stream(
                            get().getRecordStreamSource().getRecords().spliterator(), false)
                    .count();
            if (written == seen) {
                return;
            }
            seen = written;
            Thread.sleep(1000);
        }
    }
}
