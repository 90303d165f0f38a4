package sale.itmall.demoengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo engine's HTTP API, on loopback only:
 *
 * <ul>
 *   <li>{@code GET /health}: {@code {"status":"UP", "incarnation", "grpcPort", "records", "heapUsedBytes"}}; the
 *       incarnation changes with every start (a new, empty engine);
 *   <li>{@code GET /clock}: {@code {"epochMilli", "instant", "offsetMilli"}};
 *   <li>{@code POST /clock/add} with {@code {"offsetMilli": n}}: moves the clock forward (the broker's actuator
 *       speaks the same), timers that are due fire;
 *   <li>{@code GET /incidents}: the open incidents with their messages;
 *   <li>{@code POST /incidents/{key}/retry}: gives a failed job a retry and resolves the incident (204; 404 when no
 *       such incident is open);
 *   <li>{@code GET /jobs?from=&to=} (engine epoch ms): the jobs created then, with their first activation (the
 *       benchmark's figures).
 * </ul>
 *
 * Errors are RFC 9457 problem details.
 */
final class ControlApi {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern RETRY = Pattern.compile("/incidents/(\\d+)/retry");

    private final HttpServer server;
    private final EngineClock clock;
    private final Incidents incidents;
    private final String incarnation;
    private final int grpcPort;

    ControlApi(InetSocketAddress address, EngineClock clock, Incidents incidents, String incarnation, int grpcPort)
            throws IOException {
        this.server = HttpServer.create(address, 0);
        this.clock = clock;
        this.incidents = incidents;
        this.incarnation = incarnation;
        this.grpcPort = grpcPort;
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-engine-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
            Matcher retry = RETRY.matcher(path);
            if (method.equals("GET") && path.equals("/health")) {
                if ("true".equals(query(exchange.getRequestURI().getRawQuery()).get("gc"))) {
                    System.gc(); // the heap's live size, for the benchmark's memory per case
                }
                send(exchange, 200, health());
            } else if (method.equals("GET") && path.equals("/clock")) {
                send(exchange, 200, clock());
            } else if (method.equals("POST") && path.equals("/clock/add")) {
                addToClock(exchange);
            } else if (method.equals("GET") && path.equals("/jobs")) {
                Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
                send(exchange, 200, incidents.jobs(
                        Long.parseLong(q.getOrDefault("from", "0")),
                        Long.parseLong(q.getOrDefault("to", String.valueOf(Long.MAX_VALUE)))));
            } else if (method.equals("GET") && path.equals("/incidents")) {
                send(exchange, 200, incidents.open());
            } else if (method.equals("POST") && retry.matches()) {
                long key = Long.parseLong(retry.group(1));
                if (incidents.retry(key).isPresent()) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    problem(exchange, 404, "No open incident " + key);
                }
            } else {
                problem(exchange, 404, "No such resource: " + method + " " + path);
            }
        } catch (NumberFormatException e) {
            problem(exchange, 400, "Not a number: " + e.getMessage());
        } catch (RuntimeException e) {
            problem(exchange, 500, "The demo engine could not answer: " + e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return q;
    }

    private Map<String, Object> health() {
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("incarnation", incarnation);
        health.put("grpcPort", grpcPort);
        health.put("records", incidents.records());
        health.put("heapUsedBytes", rt.totalMemory() - rt.freeMemory());
        health.put("heapMaxBytes", rt.maxMemory());
        return health;
    }

    private Map<String, Object> clock() {
        long now = clock.epochMilli();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("epochMilli", now);
        answer.put("instant", Instant.ofEpochMilli(now).toString());
        answer.put("offsetMilli", clock.offsetMillis());
        return answer;
    }

    private void addToClock(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            problem(exchange, 400, "The body must be JSON: {\"offsetMilli\": 864000000}");
            return;
        }
        JsonNode offset = body == null ? null : body.get("offsetMilli");
        if (offset == null || !offset.canConvertToLong() || offset.asLong() < 0) {
            problem(exchange, 400, "offsetMilli must be a whole number of milliseconds, 0 or more (time never runs"
                    + " backwards)");
            return;
        }
        clock.add(Duration.ofMillis(offset.asLong()));
        send(exchange, 200, clock());
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", status);
        problem.put("detail", detail);
        write(exchange, status, "application/problem+json", problem);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json", body);
    }

    private static void write(HttpExchange exchange, int status, String type, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
