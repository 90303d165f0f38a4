package sale.itmall.assurance.returns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.policy.BenchFinding;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.Codes;
import sale.itmall.assurance.policy.DecidedTerms;
import sale.itmall.assurance.policy.DiagnosisDecision;
import sale.itmall.assurance.policy.DiagnosisOutcome;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.LateUnitDecision;
import sale.itmall.assurance.policy.PolicyDecision;
import sale.itmall.assurance.policy.PolicyTerms;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.policy.Resolution;
import sale.itmall.assurance.policy.ResolutionPlan;
import sale.itmall.assurance.policy.RmaDeadlines;
import sale.itmall.assurance.policy.ServicePolicy;
import sale.itmall.assurance.policy.ServicePolicy.ComplianceAction;
import sale.itmall.assurance.shared.Labels;

/**
 * The steps of a return case: each applies a {@link ServicePolicy} rule, writes what it decided and the audit record
 * in one transaction, publishes what it decided as a {@link ReturnEvent} in that transaction, and is safe to repeat (a
 * redelivered job finds its own rows and answers the same).
 */
@Service
@Transactional
class CaseService {

    private final CaseStore store;
    private final AuditTrail audit;
    private final PolicyDecision decision;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseMetrics metrics;
    private final ObjectMapper json = new ObjectMapper();

    CaseService(
            CaseStore store,
            AuditTrail audit,
            PolicyDecision decision,
            Clock clock,
            ApplicationEventPublisher events,
            CaseMetrics metrics) {
        this.store = store;
        this.audit = audit;
        this.decision = decision;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- 0. the terms the case runs under -------------------------------------------------------------------------

    /**
     * Evaluates the policy decision for the case's asset once, when the case starts, and keeps the result with the
     * decision version: every later step applies these terms. A redelivered job answers the terms already kept.
     */
    CaseRecord applyTerms(String caseRef, long processInstanceKey) {
        CaseRecord c = store.require(caseRef);
        if (c.policyTermsJson() != null) {
            return c;
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
            return kept;
        }
        return store.require(caseRef);
    }

    // ---- 1. entitlement -------------------------------------------------------------------------------------------

    /** {@code currency}: the asset's, which a paid repair quote starts from. */
    public record EntitlementResult(
            Entitlement entitlement, Optional<CaseOutcome> closeWith, Instant diagnosisDueAt, String currency) {}

    EntitlementResult checkEntitlement(String caseRef) {
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

    // ---- 2. remote diagnosis ----------------------------------------------------------------------------------------

    /** Where the diagnosis sends the case, and the paid repair quote it offered (null when none). */
    record Diagnosed(DiagnosisDecision decision, RepairQuote quote) {}

    /**
     * Records the remote diagnosis; a confirmed defect the warranty does not pay for, with a price from TAC, becomes a
     * paid repair quote (kept once: a repeated job finds the first) the customer answers.
     */
    Diagnosed recordDiagnosis(
            String caseRef,
            String outcome,
            String exclusionCode,
            String notes,
            String decidedBy,
            BigDecimal quoteAmount,
            String quoteCurrency) {
        CaseRecord c = store.require(caseRef);
        DiagnosisOutcome parsed = Codes.parse(DiagnosisOutcome.class, outcome, "diagnosis outcome");
        Instant now = clock.instant();
        DiagnosisDecision decision = c.policy()
                .afterDiagnosis(c.assetFacts(), c.entitlement(), parsed, exclusionCode, today(), quoteAmount != null);
        String exclusion =
                decision.exclusion() == null ? null : decision.exclusion().name();
        RepairQuote quote = null;
        if (decision.paidRepairQuote()) {
            String currency = quoteCurrency == null || quoteCurrency.isBlank() ? c.currency() : quoteCurrency;
            store.insertRepairQuote(c.id(), RepairQuote.offer(quoteAmount, currency, now, c.terms()), decidedBy, now);
            quote = store.repairQuote(c.id()).orElseThrow().quote();
        }
        store.insertDiagnosis(c.id(), parsed.name(), exclusion, notes, decidedBy, now);
        store.setAdvanceReplacement(c.id(), decision.advanceReplacement());
        store.setStatus(
                c.id(),
                decision.paidRepairQuote()
                        ? CaseStatus.AWAITING_QUOTE_ANSWER
                        : decision.goesToRmaApproval() ? CaseStatus.AWAITING_RMA_APPROVAL : CaseStatus.CLOSING);
        audit.record(
                c,
                "DIAGNOSIS_RECORDED",
                decidedBy,
                parsed
                        + (exclusion == null ? "" : " (" + exclusion + ")")
                        + (decision.goesToRmaApproval()
                                ? "; to RMA approval, advance replacement "
                                        + (decision.advanceReplacement() ? "eligible" : "not eligible")
                                : quote != null
                                        ? "; paid repair quoted at " + quote.amount() + " " + quote.currency()
                                                + ", valid until " + quote.validUntil()
                                        : "; closes as " + decision.closeWith()),
                now);
        events.publishEvent(new ReturnEvent.DiagnosisRecorded(
                c.facts(),
                now,
                parsed,
                decision.exclusion(),
                decision.goesToRmaApproval(),
                decision.advanceReplacement(),
                decision.closeWith(),
                quote));
        return new Diagnosed(decision, quote);
    }

    /**
     * The customer's answer to an open paid repair quote, before it expires (the application's clock: the engine's in
     * a demo). Answering again the same way is accepted and changes nothing; the other way, or too late, is refused.
     */
    RepairQuote.Answer answerRepairQuote(String caseRef, boolean accept, String by) {
        CaseRecord c = store.require(caseRef);
        CaseStore.QuoteRow row = store.repairQuote(c.id())
                .orElseThrow(() -> new ReturnRejected("caseRef", caseRef + " has no paid repair quote to answer"));
        RepairQuote.Answer answer = accept ? RepairQuote.Answer.ACCEPTED : RepairQuote.Answer.DECLINED;
        Instant now = clock.instant();
        if (row.answer() == null) {
            if (c.closed()) {
                throw new ReturnRejected(
                        "caseRef", caseRef + " is closed: its paid repair quote can no longer be answered");
            }
            if (!row.quote().openAt(now)) {
                throw new ReturnRejected(
                        "caseRef",
                        "The paid repair quote of " + caseRef + " expired on "
                                + Labels.utc(row.quote().validUntil()));
            }
            if (store.answerRepairQuote(c.id(), answer, by, now)) {
                store.setStatus(c.id(), accept ? CaseStatus.AWAITING_RMA_APPROVAL : CaseStatus.CLOSING);
                audit.record(
                        c,
                        "REPAIR_QUOTE_" + answer,
                        by,
                        "Paid repair at " + row.quote().amount() + " "
                                + row.quote().currency() + " " + answer.name().toLowerCase(Locale.ROOT),
                        now);
                return answer;
            }
        }
        // answered before (or by a request at the same moment): the same answer stands, another is refused
        RepairQuote.Answer given = store.repairQuote(c.id()).orElseThrow().answer();
        if (given != answer) {
            throw new ReturnRejected(
                    "caseRef",
                    "The paid repair quote of " + caseRef + " was already "
                            + given.name().toLowerCase(Locale.ROOT)
                            + (given == RepairQuote.Answer.EXPIRED ? "" : "; it cannot be changed"));
        }
        return answer;
    }

    /**
     * Settles a paid repair quote when the customer's answer reached the process or its validity ran out: an
     * unanswered quote expires. Tells the customer what follows; an accepted repair goes on to RMA approval.
     */
    RepairQuote.Answer settleRepairQuote(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        if (store.answerRepairQuote(c.id(), RepairQuote.Answer.EXPIRED, "system:repair-quote-timer", now)) {
            store.setStatus(c.id(), CaseStatus.CLOSING);
            audit.record(c, "REPAIR_QUOTE_EXPIRED", "system:repair-quote-timer", "No answer by the quote's end", now);
        }
        CaseStore.QuoteRow row = store.repairQuote(c.id())
                .orElseThrow(() -> new PolicyViolation("Case " + caseRef + " has no paid repair quote to settle"));
        events.publishEvent(new ReturnEvent.RepairQuoteSettled(c.facts(), now, row.quote(), row.answer()));
        return row.answer();
    }

    void escalateDiagnosis(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        if (store.markDiagnosisEscalated(c.id(), now)) {
            metrics.diagnosisSlaBreach();
        }
        audit.record(
                c,
                "DIAGNOSIS_SLA_BREACHED",
                "system:diagnosis-sla-timer",
                "Remote diagnosis not done by " + c.diagnosisDueAt() + "; escalated to Level-3",
                now);
    }

    // ---- 3. RMA approval --------------------------------------------------------------------------------------------

    /** The RMA decision: the authorized case (RMA number and deadlines) when approved, empty when rejected. */
    Optional<CaseRecord> decideRma(String caseRef, Boolean approved, String notes, String decidedBy) {
        if (approved == null) {
            throw new PolicyViolation(
                    "The RMA approval form was completed without a decision (rmaApproved is missing)");
        }
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        store.insertRmaDecision(c.id(), approved, notes, decidedBy, now);
        if (!approved) {
            store.setStatus(c.id(), CaseStatus.CLOSING);
            audit.record(c, "RMA_REJECTED", decidedBy, notes == null ? "RMA rejected" : notes, now);
            events.publishEvent(new ReturnEvent.RmaRejected(c.facts(), now, notes));
            return Optional.empty();
        }
        ServicePolicy policy = c.policy();
        RmaDeadlines deadlines = policy.deadlines(c.rmaAuthorizedAt() != null ? c.rmaAuthorizedAt() : now);
        store.authorizeRma(
                c.id(), rmaNumber(c), deadlines.authorizedAt(), deadlines.returnDueAt(), deadlines.complianceLimitAt());
        store.insertShipment(c.id(), policy.inboundLeg(), c.assetId(), now);
        CaseRecord authorized = store.require(caseRef);
        audit.record(
                c,
                "RMA_AUTHORIZED",
                decidedBy,
                authorized.rmaNumber() + ": return by " + authorized.returnDueAt() + ", compliance limit "
                        + authorized.complianceLimitAt() + "; inbound freight at the client's cost",
                now);
        events.publishEvent(new ReturnEvent.RmaAuthorized(authorized.facts(), now));
        return Optional.of(authorized);
    }

    private static String rmaNumber(CaseRecord c) {
        return "RMA-%s-%06d".formatted(c.reference().replaceAll("[^0-9]", "").substring(0, 4), c.id().value());
    }

    // ---- 4. advance replacement and ownership -----------------------------------------------------------------------

    CaseStore.ReplacementRow dispatchAdvanceReplacement(String caseRef) {
        CaseRecord c = store.require(caseRef);
        if (!c.advanceReplacement()) {
            throw new PolicyViolation("Case " + caseRef + " is not eligible for advance replacement");
        }
        Instant now = clock.instant();
        ServicePolicy policy = c.policy();
        LocalDate newEnd = policy.warrantyAfterService(policy.warrantyEndsOn(c.assetFacts()), today());
        CaseStore.ReplacementRow replacement = store.issueReplacement(c, ReplacementKind.ADVANCE, newEnd, now);
        store.insertShipment(c.id(), policy.advanceReplacementLeg(), replacement.assetId(), now);
        store.setNewWarrantyEnd(c.id(), replacement.warrantyEndsOn());
        audit.record(
                c,
                "ADVANCE_REPLACEMENT_SHIPPED",
                "system:advance-replacement-dispatch",
                "Replacement " + replacement.serialNumber() + " shipped at ITMall's cost, warranty through "
                        + replacement.warrantyEndsOn(),
                now);
        events.publishEvent(new ReturnEvent.AdvanceReplacementShipped(
                c.facts(), now, replacement.serialNumber(), replacement.warrantyEndsOn()));
        return replacement;
    }

    void transferOwnership(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        store.transferOwnership(c, now);
        audit.record(
                c,
                "OWNERSHIP_TRANSFERRED",
                "system:ownership-transfer",
                c.serialNumber() + " passes to ITMall upon replacement",
                now);
    }

    // ---- 5. return window and compliance limit ----------------------------------------------------------------------

    void sendOverdueNotice(String caseRef) {
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
    ComplianceResult enforceComplianceLimit(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        boolean advanceShipped = store.findReplacement(c.id())
                .filter(CaseStore.ReplacementRow::advance)
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
        CaseStore.ChargeRow charge = store.charge(
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

    record ComplianceResult(ComplianceAction action, boolean chargeCaptured, CaseOutcome outcome) {}

    void suspendAccount(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        if (store.suspendAccount(c.customerId(), "Declined full-unit charge for " + c.rmaNumber(), now)) {
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

    // ---- 6. receipt, inspection, resolution -------------------------------------------------------------------------

    RmaDeadlines.ReturnStanding recordReceipt(String caseRef, Instant receivedAt, String receiptId) {
        CaseRecord c = store.require(caseRef);
        Instant at = receivedAt != null ? receivedAt : clock.instant();
        store.recordReceipt(c.id(), at, receiptId);
        RmaDeadlines.ReturnStanding standing =
                new RmaDeadlines(c.rmaAuthorizedAt(), c.returnDueAt(), c.complianceLimitAt()).standingAt(at);
        audit.record(c, "UNIT_RECEIVED", warehouse(receiptId), c.rmaNumber() + " received " + standing, at);
        events.publishEvent(new ReturnEvent.UnitReceived(c.facts(), clock.instant(), standing));
        return standing;
    }

    /**
     * A unit that arrives after its case closed (RMA expired, unit price charged, account suspended, cancelled): the
     * receipt is kept with the case, written to its audit trail and the customer is told; the case stays closed until
     * staff decide (the late-unit process). Answers whether this call recorded it (false for a repeated receipt).
     */
    boolean recordReceiptAfterClose(String caseRef, Instant receivedAt, String receiptId) {
        CaseRecord c = store.require(caseRef);
        Instant at = receivedAt != null ? receivedAt : clock.instant();
        if (!store.recordReceiptAfterClose(c.id(), at, receiptId)) {
            return false;
        }
        audit.record(
                c,
                "UNIT_RECEIVED_AFTER_CLOSE",
                warehouse(receiptId),
                c.rmaNumber() + " received after the case closed as " + c.outcome()
                        + "; held at the warehouse until staff decide",
                at);
        metrics.lateUnit();
        events.publishEvent(new ReturnEvent.LateUnitReceived(
                store.require(caseRef).facts(), clock.instant(), LateUnitDecision.after(c.outcome())));
        return true;
    }

    /**
     * Carries out staff's decision on a late unit, once: a credit note for the full-unit charge, the account
     * reinstated, the case reopened for inspection, or the unit shipped back at the client's cost (§3.0). The decision
     * must be one the case's closing leaves open, with a reason the customer reads. Answers whether the inspection
     * resumes.
     */
    boolean decideLateUnit(String caseRef, String decision, String reason, String decidedBy) {
        CaseRecord c = store.require(caseRef);
        Optional<String> taken = store.lateUnitDecision(c.id());
        if (taken.isPresent()) { // a repeated job: the decision stands and was carried out
            return LateUnitDecision.RESUME_INSPECTION.name().equals(taken.get());
        }
        if (c.receivedAt() == null || !c.closed()) {
            throw new PolicyViolation("Case " + caseRef + " has no unit received after it closed to decide on");
        }
        LateUnitDecision parsed = Codes.parse(LateUnitDecision.class, decision, "late unit decision");
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
                CaseStore.ChargeRow charged = store.charges(c.id()).stream()
                        .filter(ch -> ch.reason() == ChargeReason.UNRETURNED_ADVANCE_UNIT)
                        .findFirst()
                        .orElseThrow(() -> new PolicyViolation(
                                "Case " + caseRef + " has no full-unit charge to refund; choose KEEP_CHARGE"));
                credit = charged.amount();
                store.charge(
                        c.id(),
                        c.customerId(),
                        ChargeReason.CREDIT_NOTE,
                        credit,
                        charged.currency(),
                        ChargeStatus.ISSUED,
                        now);
            }
            case REINSTATE_ACCOUNT -> {
                if (store.reinstateAccount(c.customerId(), c.id(), why, by, now)) {
                    metrics.reinstatement();
                }
            }
            case RESUME_INSPECTION -> store.reopenForInspection(c.id());
            case SHIP_BACK ->
                store.insertShipment(
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
            throw new ReturnRejected("reason", "Say why the account is reinstated (the customer reads it)");
        }
        if (reason.length() > 1000) {
            throw new ReturnRejected("reason", "Keep the reason under 1000 characters");
        }
        Optional<CaseRecord> suspendedFor = store.lastSuspendingCase(customerNumber);
        CustomerId customer = suspendedFor
                .map(CaseRecord::customerId)
                .or(() -> store.customerId(customerNumber))
                .orElseThrow(() -> new ReturnRejected("customerNumber", "No customer account " + customerNumber));
        Instant now = clock.instant();
        if (!store.reinstateAccount(customer, suspendedFor.map(CaseRecord::id).orElse(null), reason.trim(), by, now)) {
            throw new ReturnRejected("customerNumber", "Account " + customerNumber + " is not suspended");
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

    /** The warehouse as the actor of a receipt, with the receipt id it gave. */
    private static String warehouse(String receiptId) {
        return "warehouse" + (receiptId == null ? "" : ":" + receiptId);
    }

    ResolutionPlan recordInspection(
            String caseRef, String finding, String resolution, String exclusionCode, String notes, String inspectedBy) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        BenchFinding parsedFinding = Codes.parse(BenchFinding.class, finding, "bench finding");
        Resolution parsedResolution = resolution == null || resolution.isBlank()
                ? null
                : Codes.parse(Resolution.class, resolution, "resolution");
        Optional<CaseStore.ReplacementRow> advance =
                store.findReplacement(c.id()).filter(CaseStore.ReplacementRow::advance);
        LocalDate exchangeDate = advance.map(r -> LocalDate.ofInstant(r.issuedAt(), ZoneOffset.UTC))
                .orElse(today());
        Optional<RepairQuote> paidRepair = acceptedQuote(c);
        ResolutionPlan plan = resolution(
                c, paidRepair, parsedFinding, parsedResolution, exclusionCode, advance.isPresent(), exchangeDate);
        store.insertInspection(
                c.id(),
                parsedFinding.name(),
                plan.resolution() == null ? null : plan.resolution().name(),
                plan.exclusion() == null ? null : plan.exclusion().name(),
                notes,
                inspectedBy,
                now);
        if (plan.issueReplacement()) {
            store.issueReplacement(c, ReplacementKind.STANDARD, plan.newWarrantyEndsOn(), now);
        } else if (plan.resolution() == Resolution.REPAIR && plan.newWarrantyEndsOn() != null) {
            store.overrideWarrantyEnd(c.assetId(), plan.newWarrantyEndsOn());
        }
        if (plan.transferOwnership()) {
            store.transferOwnership(c, now);
        }
        if (plan.creditAmount().signum() > 0) {
            store.charge(
                    c.id(),
                    c.customerId(),
                    ChargeReason.CREDIT_NOTE,
                    plan.creditAmount().negate(),
                    c.currency(),
                    ChargeStatus.ISSUED,
                    now);
        }
        if (plan.advanceUnitCharge().signum() > 0) {
            store.charge(
                    c.id(),
                    c.customerId(),
                    ChargeReason.ADVANCE_UNIT_ON_INVALID_CLAIM,
                    plan.advanceUnitCharge(),
                    c.currency(),
                    c.paymentMethodOnFile() ? ChargeStatus.CAPTURED : ChargeStatus.DECLINED,
                    now);
        }
        boolean repairCharged = false;
        if (plan.repairCharge().signum() > 0) {
            CaseStore.ChargeRow charge = store.charge(
                    c.id(),
                    c.customerId(),
                    ChargeReason.PAID_REPAIR,
                    plan.repairCharge(),
                    paidRepair.orElseThrow().currency(),
                    c.paymentMethodOnFile() ? ChargeStatus.CAPTURED : ChargeStatus.DECLINED,
                    now);
            if (charge.created()) {
                metrics.charge(charge.reason(), charge.status());
            }
            repairCharged = true;
        }
        if (plan.newWarrantyEndsOn() != null) {
            store.setNewWarrantyEnd(c.id(), plan.newWarrantyEndsOn());
        }
        store.setStatus(c.id(), CaseStatus.RESOLVING);
        audit.record(
                c,
                "INSPECTION_RECORDED",
                inspectedBy,
                parsedFinding + " → " + plan.outcome()
                        + (plan.exclusion() == null ? "" : " (" + plan.exclusion() + ")")
                        + (plan.newWarrantyEndsOn() == null ? "" : "; warranty through " + plan.newWarrantyEndsOn())
                        + (plan.creditAmount().signum() > 0
                                ? "; credit " + plan.creditAmount() + " " + c.currency()
                                : "")
                        + (plan.advanceUnitCharge().signum() > 0
                                ? "; advance unit charged " + plan.advanceUnitCharge() + " " + c.currency()
                                : "")
                        + (repairCharged
                                ? "; paid repair charged " + plan.repairCharge() + " "
                                        + paidRepair.orElseThrow().currency()
                                : ""),
                now);
        events.publishEvent(new ReturnEvent.ResolutionDecided(
                c.facts(),
                now,
                plan.outcome(),
                plan.exclusion(),
                plan.newWarrantyEndsOn(),
                plan.creditAmount(),
                plan.advanceUnitCharge(),
                repairCharged ? paidRepair.orElseThrow() : null));
        return plan;
    }

    /** The quote of a paid repair the customer accepted; empty for a warranty case. */
    private Optional<RepairQuote> acceptedQuote(CaseRecord c) {
        return store.repairQuote(c.id())
                .filter(q -> q.answer() == RepairQuote.Answer.ACCEPTED)
                .map(CaseStore.QuoteRow::quote);
    }

    /** The bench's resolution under the case's terms: a paid repair's if the customer bought one, else the warranty's. */
    private static ResolutionPlan resolution(
            CaseRecord c,
            Optional<RepairQuote> paidRepair,
            BenchFinding finding,
            Resolution requested,
            String exclusionCode,
            boolean advanceShipped,
            LocalDate exchangeDate) {
        return paidRepair.isPresent()
                ? c.policy()
                        .resolvePaidRepair(
                                c.assetFacts(),
                                finding,
                                requested,
                                exclusionCode,
                                paidRepair.get().amount())
                : c.policy().resolve(c.assetFacts(), finding, requested, exclusionCode, advanceShipped, exchangeDate);
    }

    /** Arranges the outbound shipment the recorded resolution calls for, with its payer; empty when none ships. */
    Optional<FreightLeg> arrangeOutboundShipment(String caseRef) {
        CaseRecord c = store.require(caseRef);
        CaseStore.InspectionRow inspection = store.findInspection(c.id())
                .orElseThrow(() -> new PolicyViolation("Case " + caseRef + " has no inspection to ship against"));
        Optional<CaseStore.ReplacementRow> replacement = store.findReplacement(c.id());
        boolean advance = replacement.filter(CaseStore.ReplacementRow::advance).isPresent();
        ResolutionPlan plan = resolution(
                c,
                acceptedQuote(c),
                BenchFinding.valueOf(inspection.finding()),
                inspection.resolution() == null ? null : Resolution.valueOf(inspection.resolution()),
                inspection.exclusionReason(),
                advance,
                LocalDate.ofInstant(inspection.inspectedAt(), ZoneOffset.UTC));
        Instant now = clock.instant();
        plan.outbound().ifPresent(leg -> {
            AssetId assetId = leg.purpose() == FreightLeg.Purpose.REPLACEMENT_UNIT
                    ? replacement.map(CaseStore.ReplacementRow::assetId).orElse(null)
                    : c.assetId();
            store.insertShipment(c.id(), leg, assetId, now);
            audit.record(
                    c,
                    "OUTBOUND_SHIPMENT_ARRANGED",
                    "system:outbound-shipment",
                    leg.purpose() + " shipped, freight paid by " + leg.payer(),
                    now);
            events.publishEvent(new ReturnEvent.OutboundShipped(c.facts(), now, leg));
        });
        return plan.outbound();
    }

    // ---- 7. cancellation and closing --------------------------------------------------------------------------------

    void cancel(String caseRef, String reason) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        audit.record(
                c,
                "RETURN_CANCELLED",
                "customer:" + c.customerNumber(),
                reason == null || reason.isBlank() ? "Cancelled by the customer" : reason,
                now);
        events.publishEvent(new ReturnEvent.ReturnCancelled(c.facts(), now));
    }

    /**
     * Records the governance ruling on a dispute once per dispute: the audit and mail key is the dispute's process
     * instance, so a redelivered job records and mails nothing twice.
     */
    void recordDisputeRuling(String caseRef, String decision, String ruling, long disputeInstanceKey) {
        CaseRecord c = store.require(caseRef);
        if (decision == null || decision.isBlank()) {
            throw new PolicyViolation(
                    "The policy dispute form was completed without a ruling (disputeDecision is missing)");
        }
        Instant now = clock.instant();
        String step = "DISPUTE_RULING:" + disputeInstanceKey;
        audit.record(
                c,
                "POLICY_DISPUTE_RULED",
                step,
                "tasklist:service-governance",
                decision + ": " + (ruling == null ? "" : ruling),
                now);
        events.publishEvent(new ReturnEvent.DisputeRuled(c.facts(), now, step, "UPHELD".equals(decision), ruling));
    }

    void close(String caseRef, String outcome) {
        CaseRecord c = store.require(caseRef);
        CaseOutcome parsed = Codes.parse(CaseOutcome.class, outcome, "case outcome");
        Instant now = clock.instant();
        if (store.close(c.id(), parsed, now)) {
            // a case reopened for its late unit closes a second time: one event per outcome
            audit.record(c, "CASE_CLOSED", "CASE_CLOSED:" + parsed, "system:case-close", parsed.name(), now);
            metrics.closed(parsed);
        }
    }

    // ---- 8. the request as a whole ---------------------------------------------------------------------------------

    /**
     * Acknowledges a request once, from the process instance that runs it: one "request received" message that lists
     * all its items. False when another instance already runs the request (it was started twice: a crash between the
     * start and its record); that instance is then not the request's and does nothing.
     */
    boolean acknowledgeRequest(String requestRef, long processInstanceKey) {
        RequestRecord r = store.requireRequest(requestRef);
        if (!store.bindRequestInstance(r.id(), processInstanceKey)) {
            return false;
        }
        events.publishEvent(new ReturnEvent.RequestReceived(r.facts(), clock.instant()));
        return true;
    }

    /** Tells the customer how each item of a request ended, once all its cases are closed. */
    RequestRecord summarizeRequest(String requestRef) {
        RequestRecord r = store.requireRequest(requestRef);
        events.publishEvent(new ReturnEvent.RequestSettled(r.facts(), clock.instant()));
        return r;
    }
}
