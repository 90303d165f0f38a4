package sale.itmall.assurance.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.shared.Backoff;

/**
 * Delivers the events: claims due deliveries ({@code FOR UPDATE SKIP LOCKED}, so any number of instances share the
 * work) for a lease, posts each outside the database transaction, and records the answer. A 2xx delivers; anything
 * else, a timeout or a refused connection is tried again after a backoff (10 s doubling to 1 h, configurable) until
 * {@link #MAX_ATTEMPTS}, then the delivery is failed in the log, where staff can send it again.
 */
@Component
class WebhookDispatcher {

    static final int MAX_ATTEMPTS = 25;
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private record Due(
            long id, String eventId, String eventType, String payload, int attempts, String url, String secret) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration timeout;
    private final HttpClient http;
    private final Counter failed;

    WebhookDispatcher(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry registry,
            @Value("${itmall.webhooks.first-backoff:10s}") Duration firstBackoff,
            @Value("${itmall.webhooks.timeout:10s}") Duration timeout) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.backoff = new Backoff(firstBackoff, Duration.ofHours(1));
        this.timeout = timeout;
        this.failed = registry.counter("itmall.webhooks.failed");
        Gauge.builder("itmall.webhooks.pending", this, d -> d.pending())
                .description("Events for the vendor's systems not yet accepted by their endpoint (retrying)")
                .register(registry);
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${itmall.webhooks.dispatch-interval:1s}")
    void dispatch() {
        for (Due due : claim()) {
            deliver(due);
        }
    }

    /** Takes the due deliveries for a lease: an instance that dies holding them leaves them for another later. */
    private List<Due> claim() {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Due> due = jdbc.sql(
                            """
            select d.id, d.event_id::text, d.event_type, d.payload, d.attempts, s.url, s.secret
              from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id
             where d.delivered_at is null and d.failed_at is null and s.deactivated_at is null
               and d.next_attempt_at <= ?
             order by d.id limit ? for update of d skip locked""")
                    .params(Timestamp.from(now), BATCH)
                    .query((rs, n) -> new Due(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getString(6),
                            rs.getString(7)))
                    .list();
            if (!due.isEmpty()) {
                jdbc.sql("update webhook_deliveries set next_attempt_at = ? where id = any (?)")
                        .params(
                                Timestamp.from(now.plus(LEASE)),
                                due.stream().map(Due::id).toArray(Long[]::new))
                        .update();
            }
            return due;
        });
    }

    private long pending() {
        return jdbc.sql("select count(*) from webhook_deliveries where delivered_at is null and failed_at is null")
                .query(Long.class)
                .single();
    }

    private void deliver(Due d) {
        Instant now = clock.instant();
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "ITMall-Service-Assurance-Webhooks/1")
                    .header("X-ITMall-Event", d.eventType())
                    .header("X-ITMall-Event-Id", d.eventId())
                    .header(Signature.HEADER, Signature.header(d.secret(), now.getEpochSecond(), d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload()))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            error = status / 100 == 2 ? null : "HTTP " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (IllegalArgumentException e) {
            error = "not a URL the client can call: " + e.getMessage();
        }
        int attempts = d.attempts() + 1;
        if (error == null) {
            jdbc.sql(
                            """
                    update webhook_deliveries set delivered_at = ?, attempts = ?, last_status = ?, last_error = null
                     where id = ?""")
                    .params(Timestamp.from(now), attempts, status, d.id())
                    .update();
            return;
        }
        boolean givenUp = attempts >= MAX_ATTEMPTS;
        if (givenUp) {
            failed.increment();
        }
        Instant next = now.plus(backoff.after(attempts));
        (givenUp ? LOG.atWarn() : LOG.atDebug())
                .log(
                        "Event {} ({}) to {} not accepted (attempt {}): {}{}",
                        d.eventId(),
                        d.eventType(),
                        d.url(),
                        attempts,
                        error,
                        givenUp ? "; given up, staff may send it again" : "; next try at " + next);
        jdbc.sql(
                        """
                update webhook_deliveries set attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ?,
                       failed_at = ?
                 where id = ?""")
                .params(attempts, status, error, Timestamp.from(next), givenUp ? Timestamp.from(now) : null, d.id())
                .update();
    }
}
