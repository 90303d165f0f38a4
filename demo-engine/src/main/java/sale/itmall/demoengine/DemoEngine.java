package sale.itmall.demoengine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The demo engine: Zeebe Process Test's in-memory engine (the 8.8 engine the application's process tests run) as a
 * process of its own. The application talks to its gRPC gateway as to any Camunda 8.8 cluster. Beside it, on loopback
 * only, a small HTTP API ({@link ControlApi}): health, the engine's clock (read; move forward) and the open incidents
 * with a retry, what operations would see in Operate.
 *
 * <p>Everything stays in memory: stopping it ends every process instance. It is for trying the product, never for
 * production (Camunda's licence of the engine allows development, testing and demos).
 *
 * <p>Settings (environment): ITMALL_ENGINE_GRPC_PORT (26500), ITMALL_ENGINE_HTTP_PORT (9600).
 */
public final class DemoEngine {

    private DemoEngine() {}

    public static void main(String[] args) throws Exception {
        int grpcPort = port("ITMALL_ENGINE_GRPC_PORT", 26500);
        int httpPort = port("ITMALL_ENGINE_HTTP_PORT", 9600);
        refuseIfTaken(grpcPort, "gRPC");
        refuseIfTaken(httpPort, "HTTP");

        long t0 = System.nanoTime();
        ZeebeTestEngine engine = EngineFactory.create(grpcPort);
        engine.start();
        EngineClock clock = new EngineClock(engine);
        Incidents incidents = new Incidents(engine);
        String incarnation = UUID.randomUUID().toString();
        ControlApi api = new ControlApi(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort),
                clock,
                incidents,
                incarnation,
                grpcPort);
        api.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.stop();
            incidents.close();
            engine.stop();
        }, "demo-engine-stop"));
        System.out.printf(
                "Demo engine ready in %d ms: gRPC on port %d, control API http://127.0.0.1:%d (incarnation %s, clock %s)%n",
                Duration.ofNanos(System.nanoTime() - t0).toMillis(),
                grpcPort,
                httpPort,
                incarnation,
                Instant.ofEpochMilli(clock.epochMilli()));
        Thread.currentThread().join();
    }

    private static int port(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", e);
        }
    }

    private static void refuseIfTaken(int port, String what) {
        try (ServerSocket probe = new ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            System.err.printf(
                    "The demo engine's %s port %d is taken (another engine or bin/run still running?); stop that"
                            + " process or choose another port (ITMALL_ENGINE_%s_PORT)%n",
                    what, port, what.equals("gRPC") ? "GRPC" : "HTTP");
            System.exit(2);
        }
    }
}
