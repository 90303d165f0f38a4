package sale.itmall.assurance.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts the embedded PostgreSQL under a running application, on the same data and port, with the options
 * it was started with ({@code postmaster.opts}): a real database outage, connections closed and new ones refused.
 */
public final class DatabaseOutage {

    private final Path dataDir;
    private final List<String> command;

    public DatabaseOutage(Path dataDir) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        List<String> words = new ArrayList<>();
        Matcher m =
                Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(Files.readString(dataDir.resolve("postmaster.opts")));
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        int d = words.indexOf("-D");
        if (d >= 0) {
            words.set(d + 1, this.dataDir.toString());
        }
        if ("root".equals(System.getProperty("user.name"))) {
            // as the zonky starter does: postgres refuses root, so it runs as root of a new user namespace
            words.addAll(0, List.of("unshare", "-U"));
        }
        this.command = List.copyOf(words);
    }

    /**
     * Stops the server: a fast shutdown (SIGINT) closes open connections; new ones are refused. It first lets the job
     * workers finish what the engine handed them (jobs of earlier tests' timers), which would otherwise queue ahead of
     * the test's own step, each waiting out the pool's connection timeout.
     */
    public void stop() throws IOException, InterruptedException {
        EmbeddedEngine.awaitQuiet();
        long pid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-INT", String.valueOf(pid)).start().waitFor();
        postmaster.onExit().join();
    }

    /** Starts it again as it was started, and waits until it is ready. */
    public void start() throws IOException, InterruptedException {
        Process postgres = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("restarted.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::destroy));
        Path pidFile = dataDir.resolve("postmaster.pid");
        for (int i = 0; i < 300; i++) {
            if (!postgres.isAlive()) {
                throw new IllegalStateException(
                        "PostgreSQL did not start again: see " + dataDir.resolveSibling("restarted.log"));
            }
            if (Files.exists(pidFile) && Files.readString(pidFile).contains("ready")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("PostgreSQL not ready after 30 s");
    }
}
