package sale.itmall.assurance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The demo engine the end-to-end tests run against, as bin/run starts it (bin/demo-engine): bin/test starts a fresh
 * one on ports of its own (ITMALL_E2E_ENGINE_GRPC_PORT, ITMALL_E2E_ENGINE_HTTP_PORT). Its control API tells the engine's
 * time, moves it, and shows and retries incidents, as operations would.
 */
public final class DemoEngineProcess {

    public static final String GRPC = "http://127.0.0.1:" + env("ITMALL_E2E_ENGINE_GRPC_PORT", "26700");
    public static final String URL = "http://127.0.0.1:" + env("ITMALL_E2E_ENGINE_HTTP_PORT", "9700");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private DemoEngineProcess() {}

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The engine's time. */
    public static Instant time() throws IOException {
        return Instant.ofEpochMilli(get("/clock").path("epochMilli").asLong());
    }

    /** The open incidents, as operations see them. */
    public static JsonNode incidents() throws IOException {
        return get("/incidents");
    }

    /** Retries an incident as operations would (a job's retries back, then resolved): the HTTP status. */
    public static int retry(long incidentKey) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(URL + "/incidents/" + incidentKey + "/retry"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build())
                .statusCode();
    }

    public static JsonNode get(String path) throws IOException {
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create(URL + path)).GET().build());
        if (r.statusCode() != 200) {
            throw new IOException(r.statusCode() + " from " + path + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    public static HttpResponse<String> post(String path, Map<String, Object> body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(URL + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
