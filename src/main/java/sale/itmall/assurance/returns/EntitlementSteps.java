package sale.itmall.assurance.returns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.DecidedTerms;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.PolicyDecision;
import sale.itmall.assurance.policy.PolicyTerms;
import sale.itmall.assurance.policy.ServicePolicy;

/**
 * The case's first steps: the policy terms it runs under (evaluated once, kept with the case) and the warranty entitlement (§1.1), which may close it at once.
 * Each step applies a {@link ServicePolicy} rule, writes what it decided and the audit record in one transaction,
 * publishes it as a {@link ReturnEvent} in that transaction, and is safe to repeat (a redelivered job finds its
 * own rows and answers the same).
 */
@Service
@Transactional
public class EntitlementSteps {

    private final CaseStore store;
    private final AuditTrail audit;
    private final PolicyDecision decision;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = new ObjectMapper();

    EntitlementSteps(
            CaseStore store, AuditTrail audit, PolicyDecision decision, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.audit = audit;
        this.decision = decision;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Evaluates the policy decision for the case's asset once, when the case starts, and keeps the result with the
     * decision version: every later step applies these terms. A redelivered job answers the terms already kept.
     */
    public KeptTerms applyTerms(String caseRef, long processInstanceKey) {
        CaseRecord c = store.require(caseRef);
        if (c.policyTermsJson() != null) {
            return KeptTerms.of(c);
        }
        DecidedTerms decided = decision.evaluate(c.category());
        String termsJson;
        try {
            termsJson = json.writeValueAsString(decided.terms());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (store.keepTerms(
                c.id(),
                termsJson,
                decided.terms().policyRevision(),
                decided.decisionKey(),
                decided.decisionVersion(),
                processInstanceKey)) {
            CaseRecord kept = store.require(caseRef);
            PolicyTerms t = decided.terms();
            audit.record(
                    kept,
                    "POLICY_TERMS_APPLIED",
                    "system:policy-terms",
                    t.policyRevision() + " from decision " + decided.decisionLabel() + ": warranty "
                            + t.warrantyMonths()
                            + " months, premium maintenance "
                            + (t.premiumMaintenance() ? t.maintenanceMonths() + " months" : "none")
                            + ", advance replacement within " + t.advanceReplacementMonths() + " months, return window "
                            + t.returnWindowDays() + " days, compliance limit " + t.complianceLimitDays()
                            + " days, replacement minimum " + t.replacementMinimumMonths() + " months, diagnosis SLA "
                            + t.diagnosisSlaHours() + " hours",
                    clock.instant());
            return KeptTerms.of(kept);
        }
        return KeptTerms.of(store.require(caseRef));
    }

    /** The terms a case runs under, the policy revision they come from and the decision version that gave them. */
    public record KeptTerms(PolicyTerms terms, String policyRevision, int decisionVersion) {
        static KeptTerms of(CaseRecord c) {
            return new KeptTerms(c.terms(), c.policyRevision(), c.policyDecisionVersion());
        }
    }

    /** {@code currency}: the asset's, which a paid repair quote starts from. */
    public record EntitlementResult(
            Entitlement entitlement, Optional<CaseOutcome> closeWith, Instant diagnosisDueAt, String currency) {}

    public EntitlementResult checkEntitlement(String caseRef) {
        CaseRecord c = store.require(caseRef);
        ServicePolicy policy = c.policy();
        Instant now = clock.instant();
        LocalDate submittedOn = c.createdOn();
        Entitlement e = policy.entitlement(c.assetFacts(), c.accountSuspended(), submittedOn);
        Optional<CaseOutcome> close = policy.closeBeforeDiagnosis(e);
        Instant due = c.diagnosisDueAt() != null ? c.diagnosisDueAt() : policy.diagnosisDueAt(now);
        store.recordEntitlement(
                c.id(),
                e.status(),
                e.warrantyEndsOn(),
                e.maintenanceEndsOn(),
                due,
                close.isPresent() ? CaseStatus.CLOSING : CaseStatus.IN_DIAGNOSIS);
        audit.record(c, "ENTITLEMENT_CHECKED", "system:entitlement-check", e.status() + ": " + e.explanation(), now);
        close.ifPresent(
                outcome -> events.publishEvent(new ReturnEvent.ClosedAtEntitlement(c.facts(), now, outcome, e)));
        return new EntitlementResult(e, close, due, c.currency());
    }
}
