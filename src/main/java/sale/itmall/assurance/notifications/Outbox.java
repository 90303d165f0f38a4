package sale.itmall.assurance.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.returns.CustomerAccounts;
import sale.itmall.assurance.returns.RequestFacts;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.Labels;

/**
 * The mail outbox ({@code notifications} table): renders a step's template ({@code templates/mail/<step>.txt}, whose
 * first line is "Subject: …") and writes it in the caller's transaction, once per case (or request) and step: a
 * repeated step queues nothing. {@link MailDispatcher} sends what is queued.
 */
@Repository
class Outbox {

    static final String GOVERNANCE_CONTACT = "services@itmall.sale, +1-626-655-0998";

    private final JdbcClient jdbc;
    private final SpringTemplateEngine templates;
    private final Labels labels;
    private final CustomerAccounts customerAccounts;

    Outbox(JdbcClient jdbc, MessageSource messages, Labels labels, CustomerAccounts customerAccounts) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.customerAccounts = customerAccounts;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
        this.templates.setTemplateEngineMessageSource(messages);
    }

    /**
     * Queues the mail of {@code template} for the case's customer, once per case and {@code step} (a template that may be
     * sent more than once a case passes a distinct step). The template sees the case as {@code c} and the terms it runs
     * under as {@code terms} ("within [(${terms.returnWindowDays})] days").
     */
    void queue(CaseFacts c, String template, String step, Map<String, Object> model, Instant at) {
        queue(c, template, step, model, at, null);
    }

    /** What a mail may carry besides its text, rendered when it is sent (so it shows the case as it is then). */
    static final String RETURN_LABEL = "RETURN_LABEL";

    /** Queues a mail about a case that carries an attachment ({@link #RETURN_LABEL}), or none when null. */
    void queue(CaseFacts c, String template, String step, Map<String, Object> model, Instant at, String attachment) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("c", c);
        if (c.terms() != null) {
            variables.put("terms", c.terms());
        }
        Mail mail = render(
                template, variables, customerAccounts.customer(c.customerId()).audience());
        jdbc.sql(
                        """
        insert into notifications (case_id, reference, customer_id, step, recipient, subject, body, created_at,
                                   attachment)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id, step) do nothing""")
                .params(
                        c.id().value(),
                        c.reference(),
                        c.customerId().value(),
                        step,
                        c.customerEmail(),
                        mail.subject(),
                        mail.body(),
                        Timestamp.from(at),
                        attachment)
                .update();
    }

    /**
     * Queues a mail about a whole return request (once per request and step), e.g. the acknowledgement that lists its
     * items. The template sees the request as {@code r}.
     */
    void queueForRequest(RequestFacts r, String step, Map<String, Object> model, Instant at) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("r", r);
        Mail mail = render(
                step, variables, customerAccounts.customer(r.customerId()).audience());
        jdbc.sql(
                        """
        insert into notifications (request_id, reference, customer_id, step, recipient, subject, body, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (request_id, step) where case_id is null do nothing""")
                .params(
                        r.id().value(),
                        r.reference(),
                        r.customerId().value(),
                        step,
                        r.customerEmail(),
                        mail.subject(),
                        mail.body(),
                        Timestamp.from(at))
                .update();
    }

    /** A mail about a sign-in to one person (an invitation, a password reset): no case, no request, never on a Messages page. */
    void queueAccountMail(String step, String recipient, Audience reader, Map<String, Object> model, Instant at) {
        if (!step.startsWith("account-")) {
            throw new IllegalArgumentException("A sign-in mail's step starts with 'account-': " + step);
        }
        Mail mail = render(step, new HashMap<>(model), reader);
        jdbc.sql(
                        """
        insert into notifications (reference, step, recipient, subject, body, created_at) values (?, ?, ?, ?, ?, ?)""")
                .params(recipient, step, recipient, mail.subject(), mail.body(), Timestamp.from(at))
                .update();
    }

    /** A mail to a customer about one of their assets, not a case (a coverage notice): on their Messages page. */
    void queueCustomerMail(Customer customer, String template, String step, Map<String, Object> model, Instant at) {
        if (!step.startsWith("coverage-") && !step.startsWith("extension-")) {
            throw new IllegalArgumentException("An asset mail's step starts with 'coverage-' or 'extension-': " + step);
        }
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("customer", customer);
        Mail mail = render(template, variables, customer.audience());
        jdbc.sql(
                        """
        insert into notifications (reference, customer_id, step, recipient, subject, body, created_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        customer.customerNumber(),
                        customer.id().value(),
                        step,
                        customer.email(),
                        mail.subject(),
                        mail.body(),
                        Timestamp.from(at))
                .update();
    }

    private record Mail(String subject, String body) {}

    /** The template in the reader's language, its instants in their time zone ({@code f}: {@link MailFormat}). */
    private Mail render(String template, Map<String, Object> variables, Audience reader) {
        variables.put("governance", GOVERNANCE_CONTACT);
        variables.put("f", new MailFormat(labels, reader));
        String text = templates.process(template, new Context(reader.language(), variables));
        int newline = text.indexOf('\n');
        if (!text.startsWith("Subject: ") || newline < 0) {
            throw new IllegalStateException("Template mail/" + template + ".txt must start with a 'Subject: ' line");
        }
        return new Mail(
                text.substring("Subject: ".length(), newline).trim(),
                text.substring(newline + 1).strip() + "\n");
    }
}
