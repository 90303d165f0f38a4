package sale.itmall.assurance.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo clock: the demo engine's clock (its control API's {@code /clock}), followed by the application so
 * that a process owner who moves time sees the 10- and 20-day paths dated alike in the engine, the database, mails and
 * pages. It reads the engine's time once a second and keeps the difference to the system clock; {@link #advance} moves
 * the engine's clock and then its own. Only the demo profile builds it (ClockConfig).
 */
public final class EngineClock extends Clock implements AutoCloseable {

    /** The switch that lets the demo profile follow the demo engine's clock (and staff move it). */
    public static final String ENABLED = "itmall.demo-clock.enabled";

    private static final Logger LOG = LoggerFactory.getLogger(EngineClock.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final URI clockEndpoint;
    private final HttpClient http;
    private final ScheduledExecutorService follower;
    private volatile Duration offset = Duration.ZERO;
    private volatile boolean reachable = true;

    /** @param engine the demo engine's control API, e.g. http://127.0.0.1:9600 */
    EngineClock(URI engine) {
        this.clockEndpoint = URI.create(engine.toString().replaceAll("/+$", "") + "/clock");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            refresh();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The demo clock follows the demo engine's clock, but " + clockEndpoint + " did not answer ("
                            + e.getMessage() + "): start the demo engine first (bin/run does), or set"
                            + " ITMALL_DEMO_ENGINE_URL to its control API",
                    e);
        }
        this.follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "engine-clock");
            t.setDaemon(true);
            return t;
        });
        follower.scheduleWithFixedDelay(this::follow, 1, 1, TimeUnit.SECONDS);
    }

    /** Moves the engine's clock forward, then this one: timers that are due now fire in the engine. */
    public void advance(Duration by) throws IOException {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("The demo clock only moves forward");
        }
        add(by);
        refresh();
    }

    private void add(Duration by) throws IOException {
        send(HttpRequest.newBuilder(URI.create(clockEndpoint + "/add"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"offsetMilli\":" + by.toMillis() + "}")));
    }

    /** How far the engine's clock is ahead of the system clock. */
    public Duration offset() {
        return offset;
    }

    /** Reads the engine's time and keeps its difference to the system clock. */
    public void refresh() throws IOException {
        Instant before = Instant.now();
        JsonNode answer = send(HttpRequest.newBuilder(clockEndpoint).GET());
        Instant after = Instant.now();
        Instant engine = Instant.ofEpochMilli(answer.path("epochMilli").asLong());
        // the engine read its clock somewhere between our two readings: take the middle
        Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
        offset = Duration.between(middle, engine);
    }

    private void follow() {
        try {
            refresh();
            if (!reachable) {
                LOG.info("The demo clock reads the engine's clock again at {}", clockEndpoint);
                reachable = true;
            }
        } catch (IOException | RuntimeException e) {
            if (reachable) {
                LOG.warn(
                        "The demo clock cannot read the engine's clock at {} ({}); it keeps the last difference, {}",
                        clockEndpoint,
                        e.getMessage(),
                        offset);
                reachable = false;
            }
        }
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(response.statusCode() + " from " + clockEndpoint + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the engine's clock", e);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The demo clock is in UTC");
    }

    @Override
    public void close() {
        follower.shutdownNow();
    }
}
