package sale.itmall.assurance.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.CustomerId;
import sale.itmall.assurance.shared.Audience;

/**
 * The notifications module's reads: every mail queued for a customer (the portal's Messages page) or about a case
 * (the staff case page), with whether it has been sent.
 */
@Service
public class Notifications {

    /**
     * A queued mail.
     *
     * @param attempts how often sending was tried
     * @param lastError why the last attempt failed, or null
     */
    public record Message(
            long id,
            String reference,
            String step,
            String recipient,
            String subject,
            String body,
            Instant createdAt,
            Instant sentAt,
            int attempts,
            String lastError) {}

    private static final String SELECT =
            "select id, reference, step, recipient, subject, body, created_at, sent_at, attempts, last_error"
                    + " from notifications";

    private final JdbcClient jdbc;
    private final Outbox outbox;

    Notifications(JdbcClient jdbc, MeterRegistry meters, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        Gauge.builder("itmall.notifications.undeliverable", this, n -> n.undeliverableCount())
                .description("Notifications the mail server did not take within the retry window; staff retry them")
                .register(meters);
    }

    /**
     * Queues a mail about a sign-in (template {@code templates/mail/<step>.txt}, step starting {@code account-}) to one
     * person, in the caller's transaction; the dispatcher sends it like any other.
     */
    public void queueAccountMail(
            String step, String recipient, Audience reader, Map<String, Object> model, Instant at) {
        outbox.queueAccountMail(step, recipient, reader, model, at);
    }

    /** Mails the mail server did not take within the retry window (about three days), oldest first. */
    public List<Message> undeliverable() {
        return jdbc.sql(SELECT + " where sent_at is null and attempts >= ? order by id")
                .param(MailDispatcher.MAX_ATTEMPTS)
                .query((rs, n) -> message(rs))
                .list();
    }

    private long undeliverableCount() {
        return jdbc.sql("select count(*) from notifications where sent_at is null and attempts >= ?")
                .param(MailDispatcher.MAX_ATTEMPTS)
                .query(Long.class)
                .single();
    }

    /** Puts an unsent mail back in the queue for a new round of attempts; answers whether there was one to retry. */
    public boolean retry(long id) {
        return jdbc.sql("update notifications set attempts = 0, next_attempt_at = null, last_error = null"
                                + " where id = ? and sent_at is null")
                        .param(id)
                        .update()
                == 1;
    }

    /**
     * A customer's messages, newest first (the portal's copy of every notification), without the sign-in mails: each
     * carries a link for one person, not for everyone on the account.
     */
    public List<Message> forCustomer(CustomerId customer) {
        return jdbc.sql(SELECT + " where customer_id = ? and step not like 'account-%' order by id desc")
                .param(customer.value())
                .query((rs, n) -> message(rs))
                .list();
    }

    /** A case's messages and those of its request, oldest first. */
    public List<Message> forCase(CaseFacts c) {
        return jdbc.sql(SELECT + " where reference in (?, ?) order by id")
                .params(c.reference(), c.requestReference())
                .query((rs, n) -> message(rs))
                .list();
    }

    private static Message message(ResultSet rs) throws SQLException {
        OffsetDateTime sent = rs.getObject(8, OffsetDateTime.class);
        return new Message(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(),
                sent == null ? null : sent.toInstant(),
                rs.getInt(9),
                rs.getString(10));
    }
}
