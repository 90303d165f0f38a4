package sale.itmall.assurance.notifications;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued notifications over SMTP (Spring Mail, active when {@code spring.mail.host} is set). A message is marked
 * sent after the server accepted it; a failure is kept with its reason and retried, up to 10 attempts.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host")
class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final String from;

    MailDispatcher(
            JdbcClient jdbc,
            JavaMailSender mail,
            @Value("${itmall.mail.from:ITMall Service Assurance <rma@itmall.sale>}") String from) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.from = from;
    }

    record Pending(long id, String recipient, String subject, String body) {}

    @Scheduled(fixedDelayString = "${itmall.mail.dispatch-interval:1s}")
    void dispatch() {
        List<Pending> pending = jdbc.sql(
                        """
        select id, recipient, subject, body from notifications
         where sent_at is null and attempts < 10 order by id limit 50""")
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        for (Pending p : pending) {
            try {
                var message = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(new InternetAddress(from));
                helper.setTo(p.recipient());
                helper.setSubject(p.subject());
                helper.setText(p.body());
                mail.send(message);
                jdbc.sql(
                                "update notifications set sent_at = now(), attempts = attempts + 1, last_error = null where id = ?")
                        .param(p.id())
                        .update();
            } catch (Exception e) {
                LOG.warn("Notification {} to {} not sent: {}", p.id(), p.recipient(), e.getMessage());
                jdbc.sql("update notifications set attempts = attempts + 1, last_error = ? where id = ?")
                        .params(String.valueOf(e.getMessage()), p.id())
                        .update();
            }
        }
    }
}
