package sale.itmall.assurance.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.returns.ReturnLabels;
import sale.itmall.assurance.shared.Backoff;
import sale.itmall.assurance.shared.Faults;
import sale.itmall.assurance.shared.OutageLog;

/**
 * Sends queued notifications over SMTP (Spring Mail, active when {@code spring.mail.host} is set). A message is marked
 * sent once the server took it. A failure is kept with its reason and retried with exponential backoff (1 minute,
 * doubling, at most 6 hours apart) for {@value #MAX_ATTEMPTS} attempts, about three days; after that the message is
 * undeliverable until staff retry it. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of
 * application instances send each message once.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host")
class MailDispatcher {

    static final int MAX_ATTEMPTS = 21;
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String from;
    private final OutageLog mailOutage;

    private final ReturnLabels returnLabels;

    MailDispatcher(
            JdbcClient jdbc,
            JavaMailSender mail,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry registry,
            ReturnLabels returnLabels,
            @Value("${itmall.mail.from:ITMall Service Assurance <rma@itmall.sale>}") String from) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.tx = tx;
        this.clock = clock;
        this.from = from;
        this.returnLabels = returnLabels;
        this.mailOutage = new OutageLog(LOG, "MailDispatcher.send", registry);
    }

    record Pending(
            long id,
            String recipient,
            String subject,
            String body,
            int attempts,
            String reference,
            String attachment) {}

    private static final Backoff BACKOFF = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);

    /** The wait after the given number of failed attempts: 1 min, 2, 4, … capped at 6 h. */
    static Duration backoff(int failedAttempts) {
        return BACKOFF.after(failedAttempts);
    }

    @Scheduled(fixedDelayString = "${itmall.mail.dispatch-interval:1s}")
    void dispatch() {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            List<Pending> due = jdbc.sql(
                            """
                    select id, recipient, subject, body, attempts, reference, attachment from notifications
                     where sent_at is null and attempts < ? and (next_attempt_at is null or next_attempt_at <= ?)
                     order by id limit ? for update skip locked""")
                    .params(MAX_ATTEMPTS, Timestamp.from(now), BATCH)
                    .query((rs, n) -> new Pending(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getString(6),
                            rs.getString(7)))
                    .list();
            for (Pending p : due) {
                send(p, now);
            }
        });
    }

    private void send(Pending p, Instant now) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, p.attachment() != null, "UTF-8");
            helper.setFrom(new InternetAddress(from));
            helper.setTo(p.recipient());
            helper.setSubject(p.subject());
            helper.setText(p.body());
            if (Outbox.RETURN_LABEL.equals(p.attachment())) {
                ReturnLabels.Pdf label = returnLabels.forCase(p.reference());
                helper.addAttachment(label.fileName(), new ByteArrayResource(label.content()), "application/pdf");
            }
            mail.send(message);
            jdbc.sql("update notifications set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                    .params(Timestamp.from(now), p.id())
                    .update();
            mailOutage.worked();
        } catch (MailException | MessagingException e) {
            int attempts = p.attempts() + 1;
            Instant next = now.plus(backoff(attempts));
            boolean unreachable = Faults.isTechnical(e);
            if (unreachable) {
                mailOutage.failed(e); // one line per outage of the mail server, not one per mail and attempt
            }
            if (attempts >= MAX_ATTEMPTS) {
                LOG.error(
                        "Notification {} to {} is undeliverable after {} attempts: {}",
                        p.id(),
                        p.recipient(),
                        attempts,
                        e.getMessage());
            } else {
                (unreachable ? LOG.atDebug() : LOG.atWarn())
                        .log(
                                "Notification {} to {} not sent (attempt {}), next try at {}: {}",
                                p.id(),
                                p.recipient(),
                                attempts,
                                next,
                                e.getMessage());
            }
            jdbc.sql("update notifications set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                    .params(attempts, String.valueOf(e.getMessage()), Timestamp.from(next), p.id())
                    .update();
        }
    }
}
