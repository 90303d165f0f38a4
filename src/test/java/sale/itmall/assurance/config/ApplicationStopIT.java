package sale.itmall.assurance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar stops when told (issue #26, item 1), as a process manager or a person at a terminal tells it: SIGTERM,
 * with its engine gone a moment before (the order in which Ctrl+C on bin/run stops both) and with its engine up. It
 * exits within 15 s and leaves no embedded PostgreSQL running. The demo engine here is a fresh one of its own, started
 * as bin/run starts it, on ports of its own, since this test takes it away.
 */
@SuppressWarnings("PMD.SystemPrintln") // the measured stop time is printed for the closing note
class ApplicationStopIT {

    private static final Duration STOP_WITHIN = Duration.ofSeconds(15);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    private Process engine;
    private Process app;

    @AfterEach
    void killLeftovers() {
        for (Process p : new Process[] {app, engine}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    @Test
    void sigtermAfterTheEngineWentAwayStopsTheApplicationWithin15Seconds() throws Exception {
        start();
        engine.destroy();
        assertThat(engine.waitFor(15, TimeUnit.SECONDS)).isTrue();
        // the job streams notice and start reconnecting with backoff: the moment the client used to hang in
        Thread.sleep(3000);

        assertStopsWhenTold();
    }

    @Test
    void sigtermWithTheEngineUpStopsTheApplicationWithin15Seconds() throws Exception {
        start();

        assertStopsWhenTold();
    }

    /**
     * What happens when a shutdown waits for ever: with a deadline shorter than any shutdown, the JVM ends at it, with
     * exit status 1 and one line naming where it waited.
     */
    @Test
    void aShutdownStillRunningAtItsDeadlineEndsTheJvmAndSaysWhereItWaited() throws Exception {
        start("--itmall.shutdown.deadline=1ms");

        app.destroy();

        assertThat(app.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("app.log")))
                .contains("The application did not stop within 0 s: ending the JVM now (exit status 1)."
                        + " The shutdown waits in ");
    }

    private void assertStopsWhenTold() throws Exception {
        long told = System.nanoTime();
        app.destroy(); // SIGTERM
        boolean exited = app.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - told);

        assertThat(exited)
                .as("the JVM exited within %s; its log ends:%n%s", STOP_WITHIN, tail())
                .isTrue();
        System.out.printf(
                "Application stopped %d ms after SIGTERM (exit status %d)%n", took.toMillis(), app.exitValue());
        Path pidFile = dir.resolve("postgres/postmaster.pid");
        assertThat(pidFile).as("the embedded PostgreSQL stopped with it").doesNotExist();
    }

    private void start(String... args) throws Exception {
        int[] ports = freePorts(5);
        int grpc = ports[0];
        int control = ports[1];
        ProcessBuilder engineStart = new ProcessBuilder("bin/demo-engine")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("engine.log").toFile());
        engineStart.environment().put("ITMALL_ENGINE_GRPC_PORT", String.valueOf(grpc));
        engineStart.environment().put("ITMALL_ENGINE_HTTP_PORT", String.valueOf(control));
        engineStart.environment().put("ITMALL_ENGINE_HEAP", "512m");
        engine = engineStart.start();
        awaitOk("http://127.0.0.1:" + control + "/health", engine, dir.resolve("engine.log"));

        int http = ports[2];
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-jar",
                "target/service-assurance.jar",
                "--spring.profiles.active=demo",
                "--server.port=" + http,
                "--itmall.embedded-postgres.port=" + ports[3],
                "--itmall.mail.embedded-server.port=" + ports[4]));
        command.addAll(List.of(args));
        ProcessBuilder appStart = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile());
        appStart.environment().put("CAMUNDA_GRPC_ADDRESS", "http://127.0.0.1:" + grpc);
        appStart.environment().put("ITMALL_DATA_DIR", dir.toString());
        appStart.environment().remove("SPRING_DATASOURCE_URL");
        app = appStart.start();
        awaitOk("http://127.0.0.1:" + http + "/actuator/health", app, dir.resolve("app.log"));
        // streams open once the workers start, just after the deployment
        awaitLog("Deployed ");
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("app.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private void awaitLog(String text) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(dir.resolve("app.log")).contains(text)) {
            assertThat(System.nanoTime()).as("the log says '%s'", text).isLessThan(until);
            Thread.sleep(200);
        }
    }

    private static void awaitOk(String url, Process process, Path log) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertThat(process.isAlive())
                    .as("%s is running; its log:%n%s", url, Files.readString(log))
                    .isTrue();
            assertThat(System.nanoTime()).as("%s answers within 2 minutes", url).isLessThan(until);
            try {
                HttpResponse<Void> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException ignored) {
                // not up yet
            }
            Thread.sleep(300);
        }
    }

    /** Distinct free ports: all held open at once, so none is handed out twice, then all closed. */
    @SuppressWarnings("PMD.CloseResource") // each socket is closed in the finally block
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
