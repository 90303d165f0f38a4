package sale.itmall.assurance.notify;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import sale.itmall.assurance.cases.CaseRecord;

/**
 * Customer notifications. {@link #queue} renders the step's template ({@code templates/mail/<step>.txt}, whose first
 * line is "Subject: …") and writes it to the outbox in the caller's transaction, once per case and step: a repeated
 * step queues nothing. {@link MailDispatcher} sends what is queued.
 */
@Service
public class Notifications {

  public static final String GOVERNANCE_CONTACT = "services@itmall.sale, +1-626-655-0998";

  private final JdbcClient jdbc;
  private final SpringTemplateEngine templates;

  public Notifications(JdbcClient jdbc) {
    this.jdbc = jdbc;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    this.templates = new SpringTemplateEngine();
    this.templates.setTemplateResolver(resolver);
  }

  public void queue(CaseRecord c, String step, Instant at) {
    queue(c, step, Map.of(), at);
  }

  /** Queues the notification of {@code step} for the case's customer; the model adds to the case ({@code c}). */
  public void queue(CaseRecord c, String step, Map<String, Object> model, Instant at) {
    queue(c, step, step, model, at);
  }

  /** As {@link #queue(CaseRecord, String, Map, Instant)}, for a template that may be sent more than once a case. */
  public void queue(CaseRecord c, String template, String step, Map<String, Object> model, Instant at) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("c", c);
    variables.put("governance", GOVERNANCE_CONTACT);
    String text = templates.process(template, new Context(java.util.Locale.ENGLISH, variables));
    int newline = text.indexOf('\n');
    if (!text.startsWith("Subject: ") || newline < 0) {
      throw new IllegalStateException("Template mail/" + step + ".txt must start with a 'Subject: ' line");
    }
    String subject = text.substring("Subject: ".length(), newline).trim();
    String body = text.substring(newline + 1).strip() + "\n";
    jdbc.sql("""
        insert into notifications (case_id, customer_id, step, recipient, subject, body, created_at)
        values (?, ?, ?, ?, ?, ?, ?) on conflict (case_id, step) do nothing""")
        .params(c.id(), c.customerId(), step, c.customerEmail(), subject, body, java.sql.Timestamp.from(at))
        .update();
  }

  public record Message(long id, String caseRef, String step, String recipient, String subject, String body,
      Instant createdAt, Instant sentAt) {}

  private static final String SELECT = """
      select n.id, c.reference, n.step, n.recipient, n.subject, n.body, n.created_at, n.sent_at
        from notifications n join return_cases c on c.id = n.case_id
      """;

  /** A customer's messages, newest first (the portal's copy of every notification). */
  public List<Message> forCustomer(long customerId) {
    return jdbc.sql(SELECT + " where n.customer_id = ? order by n.id desc").param(customerId)
        .query((rs, n) -> message(rs)).list();
  }

  public List<Message> forCase(long caseId) {
    return jdbc.sql(SELECT + " where n.case_id = ? order by n.id").param(caseId).query((rs, n) -> message(rs)).list();
  }

  private static Message message(java.sql.ResultSet rs) throws java.sql.SQLException {
    java.time.OffsetDateTime sent = rs.getObject(8, java.time.OffsetDateTime.class);
    return new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class).toInstant(),
        sent == null ? null : sent.toInstant());
  }
}
