package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.process.Decisions.ExtensionDecision;

/**
 * The Service Governance Team's answer to a customer's request to extend an asset's cover (the policy names the team
 * for extended warranty agreements): recorded once, and sent to the customer.
 */
@Service
@Transactional
public class CoverageExtensions {

    private final JdbcClient jdbc;
    private final CustomerAccounts customerAccounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CoverageExtensions(
            JdbcClient jdbc, CustomerAccounts customerAccounts, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customerAccounts = customerAccounts;
        this.clock = clock;
        this.events = events;
    }

    public void answer(String extensionRef, ExtensionDecision parsed, String answer) {
        if (answer == null || answer.isBlank()) {
            throw new PolicyViolation("The extension form was completed without an answer to the customer"
                    + " (extensionAnswer): the customer reads it");
        }
        Instant now = clock.instant();
        int answered = jdbc.sql(
                        """
        update extension_requests set decision = ?, answer = ?, decided_at = ?
         where reference = ? and decision is null""")
                .params(parsed.name(), answer.trim(), CaseStore.ts(now), extensionRef)
                .update();
        if (answered == 0) {
            return; // a repeated job: the answer stands and was sent
        }
        record Asked(CustomerId customer, String serial, String model) {}
        Asked asked = jdbc.sql(
                        """
        select e.customer_id, a.serial_number, a.model
          from extension_requests e join assets a on a.id = e.asset_id where e.reference = ?""")
                .param(extensionRef)
                .query((rs, n) -> new Asked(new CustomerId(rs.getLong(1)), rs.getString(2), rs.getString(3)))
                .single();
        events.publishEvent(new ReturnEvent.ExtensionAnswered(
                customerAccounts.customer(asked.customer()),
                extensionRef,
                asked.serial(),
                asked.model(),
                parsed == ExtensionDecision.OFFERED,
                answer.trim(),
                now));
    }
}
