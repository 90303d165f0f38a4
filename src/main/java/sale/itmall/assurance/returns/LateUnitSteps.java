package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.LateUnitDecision;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.ServicePolicy;
import sale.itmall.assurance.policy.ServicePolicy.ComplianceAction;

/**
 * A unit not back in time (§2.3–2.4): the overdue notice at 10 days, the compliance action past 20 (full-unit charge or account suspension), the decision on a unit that arrives late, and reinstatement.
 * Each step applies a {@link ServicePolicy} rule, writes what it decided and the audit record in one transaction,
 * publishes it as a {@link ReturnEvent} in that transaction, and is safe to repeat (a redelivered job finds its
 * own rows and answers the same).
 */
@Service
@Transactional
public class LateUnitSteps {

    private final CaseStore store;
    private final AccountStore accountStore;
    private final AssetStore assetStore;
    private final CaseFindings caseFindings;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseMetrics metrics;

    LateUnitSteps(
            CaseStore store,
            AccountStore accountStore,
            AssetStore assetStore,
            CaseFindings caseFindings,
            AuditTrail audit,
            Clock clock,
            ApplicationEventPublisher events,
            CaseMetrics metrics) {
        this.store = store;
        this.accountStore = accountStore;
        this.assetStore = assetStore;
        this.caseFindings = caseFindings;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    public void sendOverdueNotice(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        store.markOverdueNotice(c.id(), now);
        audit.record(
                c,
                "RETURN_OVERDUE",
                "system:return-window-timer",
                c.rmaNumber() + " not returned by " + c.returnDueAt() + "; compliance limit " + c.complianceLimitAt(),
                now);
        events.publishEvent(new ReturnEvent.ReturnOverdue(c.facts(), now));
    }

    /** The compliance action at day 20; for a charge, whether it was captured. */
    public ComplianceResult enforceComplianceLimit(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        boolean advanceShipped = assetStore
                .findReplacement(c.id())
                .filter(ReplacementUnit::advance)
                .isPresent();
        ComplianceAction action = c.policy().complianceAction(advanceShipped);
        if (action == ComplianceAction.EXPIRE_RMA) {
            audit.record(
                    c,
                    "RMA_EXPIRED",
                    "system:compliance-limit-timer",
                    c.rmaNumber() + " not returned by the compliance limit " + c.complianceLimitAt(),
                    now);
            events.publishEvent(new ReturnEvent.RmaExpired(c.facts(), now));
            return new ComplianceResult(action, true, CaseOutcome.RMA_EXPIRED);
        }
        CaseFindings.ChargeRow charge = caseFindings.charge(
                c.id(),
                c.customerId(),
                ChargeReason.UNRETURNED_ADVANCE_UNIT,
                c.unitPrice(),
                c.currency(),
                c.paymentMethodOnFile() ? ChargeStatus.CAPTURED : ChargeStatus.DECLINED,
                now);
        boolean captured = charge.status() == ChargeStatus.CAPTURED;
        audit.record(
                c,
                captured ? "CHARGE_CAPTURED" : "CHARGE_DECLINED",
                "system:unit-price-charge",
                "Full unit price " + charge.amount() + " " + charge.currency() + " for the unreturned unit of "
                        + c.rmaNumber(),
                now);
        if (charge.created()) {
            metrics.charge(charge.reason(), charge.status());
        }
        if (captured) {
            events.publishEvent(new ReturnEvent.UnitPriceCharged(c.facts(), now, charge.amount()));
        }
        return new ComplianceResult(action, captured, CaseOutcome.CHARGED_FULL_UNIT_PRICE);
    }

    public record ComplianceResult(ComplianceAction action, boolean chargeCaptured, CaseOutcome outcome) {}

    public void suspendAccount(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        if (accountStore.suspendAccount(c.customerId(), "Declined full-unit charge for " + c.rmaNumber(), now)) {
            metrics.suspension();
        }
        events.publishEvent(new ReturnEvent.AccountSuspended(c.facts(), now, c.unitPrice()));
        audit.record(
                c,
                "ACCOUNT_SUSPENDED",
                "system:account-suspend",
                "Account " + c.customerNumber() + " suspended: the full-unit charge for " + c.rmaNumber()
                        + " was declined",
                now);
    }

    /**
     * Carries out staff's decision on a late unit, once: a credit note for the full-unit charge, the account
     * reinstated, the case reopened for inspection, or the unit shipped back at the client's cost (§3.0). The decision
     * must be one the case's closing leaves open, with a reason the customer reads. Answers whether the inspection
     * resumes.
     */
    public boolean decideLateUnit(String caseRef, LateUnitDecision parsed, String reason, String decidedBy) {
        CaseRecord c = store.require(caseRef);
        Optional<String> taken = store.lateUnitDecision(c.id());
        if (taken.isPresent()) { // a repeated job: the decision stands and was carried out
            return LateUnitDecision.RESUME_INSPECTION.name().equals(taken.get());
        }
        if (c.receivedAt() == null || !c.closed()) {
            throw new PolicyViolation("Case " + caseRef + " has no unit received after it closed to decide on");
        }
        List<LateUnitDecision> open = LateUnitDecision.after(c.outcome());
        if (!open.contains(parsed)) {
            throw new PolicyViolation(parsed + " does not apply to a case closed as " + c.outcome() + "; choose one of "
                    + open + " in the form");
        }
        if (reason == null || reason.isBlank()) {
            throw new PolicyViolation("The late-unit form was completed without a reason (lateUnitReason): the"
                    + " customer is told why");
        }
        Instant now = clock.instant();
        String by = "tasklist:" + (decidedBy == null ? "staff" : decidedBy);
        String why = reason.trim();
        if (!store.recordLateUnitDecision(c.id(), parsed.name(), by, now)) {
            return parsed
                    == LateUnitDecision.RESUME_INSPECTION; // a job run twice at once: the other one carries it out
        }
        BigDecimal credit = BigDecimal.ZERO;
        switch (parsed) {
            case REFUND_CHARGE -> {
                CaseFindings.ChargeRow charged = caseFindings.charges(c.id()).stream()
                        .filter(ch -> ch.reason() == ChargeReason.UNRETURNED_ADVANCE_UNIT)
                        .findFirst()
                        .orElseThrow(() -> new PolicyViolation(
                                "Case " + caseRef + " has no full-unit charge to refund; choose KEEP_CHARGE"));
                credit = charged.amount();
                caseFindings.charge(
                        c.id(),
                        c.customerId(),
                        ChargeReason.CREDIT_NOTE,
                        credit,
                        charged.currency(),
                        ChargeStatus.ISSUED,
                        now);
            }
            case REINSTATE_ACCOUNT -> {
                if (accountStore.reinstateAccount(c.customerId(), c.id(), why, by, now)) {
                    metrics.reinstatement();
                }
            }
            case RESUME_INSPECTION -> store.reopenForInspection(c.id());
            case SHIP_BACK ->
                caseFindings.insertShipment(
                        c.id(),
                        new FreightLeg(
                                FreightLeg.Direction.OUTBOUND,
                                FreightLeg.Purpose.UNREPAIRED_UNIT,
                                FreightLeg.Payer.CLIENT),
                        c.assetId(),
                        now);
            case KEEP_CHARGE, KEEP_SUSPENDED -> {
                // nothing changes; the customer is told why
            }
        }
        audit.record(c, "LATE_UNIT_DECIDED", by, parsed + ": " + why, now);
        events.publishEvent(
                new ReturnEvent.LateUnitDecided(store.require(caseRef).facts(), now, parsed, why, credit));
        return parsed == LateUnitDecision.RESUME_INSPECTION;
    }

    /**
     * The Service Governance Team reinstates a suspended account (after payment, or once the unit came back), with a
     * reason the customer reads; kept with the case the account was suspended for.
     */
    void reinstateAccount(String customerNumber, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new ReturnRejected("reason", "reinstate.reason-missing");
        }
        if (reason.length() > 1000) {
            throw new ReturnRejected("reason", "reason.too-long", 1000);
        }
        Optional<CaseRecord> suspendedFor = accountStore.lastSuspendingCase(customerNumber);
        CustomerId customer = suspendedFor
                .map(CaseRecord::customerId)
                .or(() -> accountStore.customerId(customerNumber))
                .orElseThrow(() -> new ReturnRejected("customerNumber", "customer.no-account", customerNumber));
        Instant now = clock.instant();
        if (!accountStore.reinstateAccount(
                customer, suspendedFor.map(CaseRecord::id).orElse(null), reason.trim(), by, now)) {
            throw new ReturnRejected("customerNumber", "reinstate.not-suspended", customerNumber);
        }
        metrics.reinstatement();
        // the case the account was suspended for holds the reinstatement in its audit trail, and the customer's mail
        suspendedFor.ifPresent(c -> {
            audit.record(
                    c,
                    "ACCOUNT_REINSTATED",
                    "ACCOUNT_REINSTATED:" + now.toEpochMilli(),
                    by,
                    "Account " + customerNumber + " reinstated: " + reason.trim(),
                    now);
            events.publishEvent(new ReturnEvent.AccountReinstated(
                    store.require(c.reference()).facts(), now, "reinstated:" + now.toEpochMilli(), reason.trim()));
        });
    }
}
