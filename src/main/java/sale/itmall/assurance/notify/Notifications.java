package sale.itmall.assurance.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import sale.itmall.assurance.cases.CaseRecord;
import sale.itmall.assurance.cases.RequestRecord;

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

  /**
   * As {@link #queue(CaseRecord, String, Map, Instant)}, for a template that may be sent more than once a case. The
   * template sees the case as {@code c} and the terms it runs under as {@code terms} ("within
   * [(${terms.returnWindowDays})] days").
   */
  public void queue(CaseRecord c, String template, String step, Map<String, Object> model, Instant at) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("c", c);
    if (c.policyTermsJson() != null) {
      variables.put("terms", c.terms());
    }
    Mail mail = render(template, variables);
    jdbc.sql("""
        insert into notifications (case_id, customer_id, step, recipient, subject, body, created_at)
        values (?, ?, ?, ?, ?, ?, ?) on conflict (case_id, step) do nothing""")
        .params(c.id(), c.customerId(), step, c.customerEmail(), mail.subject(), mail.body(), Timestamp.from(at))
        .update();
  }

  /**
   * Queues a notification about a whole return request (one per request and step), e.g. the acknowledgement that
   * lists its items. The template sees the request as {@code r}.
   */
  public void queueForRequest(RequestRecord r, String step, Map<String, Object> model, Instant at) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("r", r);
    Mail mail = render(step, variables);
    jdbc.sql("""
        insert into notifications (request_id, customer_id, step, recipient, subject, body, created_at)
        values (?, ?, ?, ?, ?, ?, ?) on conflict (request_id, step) where case_id is null do nothing""")
        .params(r.id(), r.customerId(), step, r.customerEmail(), mail.subject(), mail.body(), Timestamp.from(at))
        .update();
  }

  private record Mail(String subject, String body) {}

  private Mail render(String template, Map<String, Object> variables) {
    variables.put("governance", GOVERNANCE_CONTACT);
    String text = templates.process(template, new Context(Locale.ENGLISH, variables));
    int newline = text.indexOf('\n');
    if (!text.startsWith("Subject: ") || newline < 0) {
      throw new IllegalStateException("Template mail/" + template + ".txt must start with a 'Subject: ' line");
    }
    return new Mail(text.substring("Subject: ".length(), newline).trim(), text.substring(newline + 1).strip() + "\n");
  }

  public record Message(long id, String caseRef, String step, String recipient, String subject, String body,
      Instant createdAt, Instant sentAt) {}

  private static final String SELECT = """
      select n.id, coalesce(c.reference, r.reference), n.step, n.recipient, n.subject, n.body, n.created_at, n.sent_at
        from notifications n left join return_cases c on c.id = n.case_id
        left join return_requests r on r.id = n.request_id
      """;

  /** A customer's messages, newest first (the portal's copy of every notification). */
  public List<Message> forCustomer(long customerId) {
    return jdbc.sql(SELECT + " where n.customer_id = ? order by n.id desc").param(customerId)
        .query((rs, n) -> message(rs)).list();
  }

  public List<Message> forCase(long caseId) {
    return jdbc.sql(SELECT + " where n.case_id = ? or n.request_id = (select request_id from return_cases where id = ?)"
        + " order by n.id").params(caseId, caseId).query((rs, n) -> message(rs)).list();
  }

  private static Message message(ResultSet rs) throws SQLException {
    OffsetDateTime sent = rs.getObject(8, OffsetDateTime.class);
    return new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
        sent == null ? null : sent.toInstant());
  }
}
