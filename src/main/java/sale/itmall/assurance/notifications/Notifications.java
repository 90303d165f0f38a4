package sale.itmall.assurance.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.CustomerId;

/**
 * The notifications module's reads: every mail queued for a customer (the portal's Messages page) or about a case
 * (the staff case page), with whether it has been sent.
 */
@Service
public class Notifications {

    public record Message(
            long id,
            String reference,
            String step,
            String recipient,
            String subject,
            String body,
            Instant createdAt,
            Instant sentAt) {}

    private static final String SELECT =
            "select id, reference, step, recipient, subject, body, created_at, sent_at from notifications";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer's messages, newest first (the portal's copy of every notification). */
    public List<Message> forCustomer(CustomerId customer) {
        return jdbc.sql(SELECT + " where customer_id = ? order by id desc")
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
                sent == null ? null : sent.toInstant());
    }
}
