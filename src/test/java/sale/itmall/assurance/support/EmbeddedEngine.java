package sale.itmall.assurance.support;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;

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
}
