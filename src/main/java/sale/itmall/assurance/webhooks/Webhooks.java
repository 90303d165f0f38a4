package sale.itmall.assurance.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.returns.ReturnEvent;

/**
 * The vendor's subscriptions and their delivery log. Each step a subscription listens to becomes one delivery row per
 * subscription, written in the step's own transaction (so an event exists exactly when its step committed), and
 * delivered by {@link WebhookDispatcher}.
 */
@Service
@Transactional
public class Webhooks {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subscription as staff see it: the secret only by its first characters. */
    public record Subscription(
            long id,
            String url,
            Set<EventType> types,
            String description,
            String secretHint,
            String createdBy,
            Instant createdAt,
            boolean active) {}

    /** A new subscription and its signing secret, shown once. */
    public record Created(Subscription subscription, String secret) {}

    /** One delivery of one event to one subscription, as the delivery log shows it. */
    public record Delivery(
            long id,
            long subscriptionId,
            String url,
            String eventId,
            String eventType,
            String reference,
            Instant createdAt,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt,
            Instant failedAt) {

        public String state() {
            return deliveredAt != null
                    ? "delivered"
                    : failedAt != null ? "failed" : attempts == 0 ? "pending" : "retrying";
        }
    }

    /** A subscription refused: the field and why. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Webhooks(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Subscribes an endpoint (http or https) to event types; answers the secret its events are signed with. */
    public Created subscribe(String url, Collection<String> typeNames, String description, String by) {
        URI endpoint = endpoint(url);
        Set<EventType> types = types(typeNames);
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION || text.codePoints().anyMatch(Character::isISOControl)) {
            throw new Refused(
                    "description", "Keep the description to one line under " + MAX_DESCRIPTION + " characters");
        }
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        long id = jdbc.sql(
                        """
        insert into webhook_subscriptions (url, secret, event_types, description, created_by, created_at)
        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        endpoint.toString(),
                        secret,
                        types.stream().map(Enum::name).toArray(String[]::new),
                        text.isEmpty() ? null : text,
                        by,
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return new Created(subscription(id), secret);
    }

    public List<Subscription> subscriptions() {
        return subscriptions("true", List.of());
    }

    public Subscription subscription(long id) {
        return subscriptions("id = ?", List.of(id)).stream()
                .findFirst()
                .orElseThrow(() -> new Refused("id", "No subscription " + id));
    }

    private List<Subscription> subscriptions(String condition, List<Object> params) {
        return jdbc.sql(
                        """
        select id, url, event_types, description, secret, created_by, created_at, deactivated_at is null
          from webhook_subscriptions where\s"""
                                + condition
                                + " order by deactivated_at is not null, id")
                .params(params)
                .query((rs, n) -> new Subscription(
                        rs.getLong(1),
                        rs.getString(2),
                        types(rs.getArray(3)),
                        rs.getString(4),
                        rs.getString(5).substring(0, 10) + "…",
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getBoolean(8)))
                .list();
    }

    /** Stops a subscription: no new events, and what is still pending is not sent. */
    public void deactivate(long id) {
        if (jdbc.sql("update webhook_subscriptions set deactivated_at = ? where id = ? and deactivated_at is null")
                        .params(Timestamp.from(clock.instant()), id)
                        .update()
                == 0) {
            subscription(id); // unknown: refused by name; already inactive: nothing to do
        }
    }

    /** The latest deliveries, newest first; of one subscription when given. */
    public List<Delivery> deliveries(Long subscriptionId, int limit) {
        return jdbc.sql(
                        """
        select d.id, d.subscription_id, s.url, d.event_id::text, d.event_type, d.reference, d.created_at, d.attempts,
               d.last_status, d.last_error, d.next_attempt_at, d.delivered_at, d.failed_at
          from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id
         where (cast(? as bigint) is null or d.subscription_id = ?)
         order by d.id desc limit ?""")
                .params(subscriptionId, subscriptionId, limit)
                .query((rs, n) -> new Delivery(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getInt(8),
                        rs.getObject(9, Integer.class),
                        rs.getString(10),
                        instant(rs.getTimestamp(11)),
                        instant(rs.getTimestamp(12)),
                        instant(rs.getTimestamp(13))))
                .list();
    }

    /** Sends a delivered or failed event again, with the same id (the receiver may drop it as a repeat). */
    public void sendAgain(long deliveryId) {
        if (jdbc.sql(
                                """
                update webhook_deliveries set delivered_at = null, failed_at = null, next_attempt_at = ?,
                       attempts = 0, last_error = null, last_status = null
                 where id = ?""")
                        .params(Timestamp.from(clock.instant()), deliveryId)
                        .update()
                == 0) {
            throw new Refused("id", "No delivery " + deliveryId);
        }
    }

    /** In the step's transaction: one delivery per active subscription to the event's type. */
    @EventListener
    void on(ReturnEvent event) {
        WebhookEvent.of(event).ifPresent(e -> {
            String payload;
            try {
                payload = json.writeValueAsString(e);
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("The event " + e.type() + " could not be written", ex);
            }
            Instant now = clock.instant();
            jdbc.sql(
                            """
            insert into webhook_deliveries (subscription_id, event_id, event_type, reference, payload, created_at,
                                            next_attempt_at)
            select id, ?::uuid, ?, ?, ?, ?, ? from webhook_subscriptions
             where deactivated_at is null and ? = any (event_types)""")
                    .params(
                            e.id().toString(),
                            e.type(),
                            e.caseReference() != null ? e.caseReference() : e.requestReference(),
                            payload,
                            Timestamp.from(now),
                            Timestamp.from(now),
                            e.eventType().name())
                    .update();
        });
    }

    static URI endpoint(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty() || text.length() > MAX_URL) {
            throw new Refused("url", "Give the endpoint's URL (http or https), under " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw new Refused("url", "'" + text + "' is not an http or https URL with a host (and no user name)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Refused("url", "'" + text + "' is not a URL: " + e.getReason());
        }
    }

    static Set<EventType> types(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new Refused("eventTypes", "Choose at least one event type: " + wireNames());
        }
        Set<EventType> types = new TreeSet<>();
        for (String name : names) {
            types.add(EventType.of(name == null ? "" : name.strip())
                    .orElseThrow(() ->
                            new Refused("eventTypes", "Unknown event type '" + name + "'; one of " + wireNames())));
        }
        return types;
    }

    private static Set<EventType> types(Array array) throws SQLException {
        Set<EventType> types = new TreeSet<>();
        for (String name : (String[]) array.getArray()) {
            EventType.of(name).ifPresent(types::add);
        }
        return types;
    }

    private static List<String> wireNames() {
        List<String> names = new ArrayList<>();
        for (EventType t : EventType.values()) {
            names.add(t.wireName());
        }
        return names;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
