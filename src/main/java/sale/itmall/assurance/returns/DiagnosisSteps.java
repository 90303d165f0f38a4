package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.policy.DiagnosisDecision;
import sale.itmall.assurance.policy.DiagnosisOutcome;
import sale.itmall.assurance.policy.PolicyDecision;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.policy.ServicePolicy;
import sale.itmall.assurance.shared.Labels;

/**
 * Remote diagnosis (§1.2–1.3) and the paid repair quote it may offer: recorded, answered by the customer, settled when unanswered, escalated when late.
 * Each step applies a {@link ServicePolicy} rule, writes what it decided and the audit record in one transaction,
 * publishes it as a {@link ReturnEvent} in that transaction, and is safe to repeat (a redelivered job finds its
 * own rows and answers the same).
 */
@Service
@Transactional
public class DiagnosisSteps {

    private final CaseStore store;
    private final CaseFindings caseFindings;
    private final AuditTrail audit;
    private final PolicyDecision decision;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseMetrics metrics;

    DiagnosisSteps(
            CaseStore store,
            CaseFindings caseFindings,
            AuditTrail audit,
            PolicyDecision decision,
            Clock clock,
            ApplicationEventPublisher events,
            CaseMetrics metrics) {
        this.store = store;
        this.caseFindings = caseFindings;
        this.audit = audit;
        this.decision = decision;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Where the diagnosis sends the case, and the paid repair quote it offered (null when none). */
    public record Diagnosed(DiagnosisDecision decision, RepairQuote quote) {}

    /**
     * Records the remote diagnosis; a confirmed defect the warranty does not pay for, with a price from TAC, becomes a
     * paid repair quote (kept once: a repeated job finds the first) the customer answers.
     */
    public Diagnosed recordDiagnosis(
            String caseRef,
            DiagnosisOutcome parsed,
            String exclusionCode,
            String notes,
            String decidedBy,
            BigDecimal quoteAmount,
            String quoteCurrency) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        DiagnosisDecision decision = c.policy()
                .afterDiagnosis(c.assetFacts(), c.entitlement(), parsed, exclusionCode, today(), quoteAmount != null);
        String exclusion =
                decision.exclusion() == null ? null : decision.exclusion().name();
        RepairQuote quote = null;
        if (decision.paidRepairQuote()) {
            String currency = quoteCurrency == null || quoteCurrency.isBlank() ? c.currency() : quoteCurrency;
            caseFindings.insertRepairQuote(
                    c.id(), RepairQuote.offer(quoteAmount, currency, now, c.terms()), decidedBy, now);
            quote = caseFindings.repairQuote(c.id()).orElseThrow().quote();
        }
        caseFindings.insertDiagnosis(c.id(), parsed.name(), exclusion, notes, decidedBy, now);
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
        CaseFindings.QuoteRow row = caseFindings
                .repairQuote(c.id())
                .orElseThrow(() -> new ReturnRejected("caseRef", "quote.none", caseRef));
        RepairQuote.Answer answer = accept ? RepairQuote.Answer.ACCEPTED : RepairQuote.Answer.DECLINED;
        Instant now = clock.instant();
        if (row.answer() == null) {
            if (c.closed()) {
                throw new ReturnRejected("caseRef", "quote.case-closed", caseRef);
            }
            if (!row.quote().openAt(now)) {
                throw new ReturnRejected(
                        "caseRef",
                        "quote.expired",
                        caseRef,
                        Labels.utc(row.quote().validUntil()));
            }
            if (caseFindings.answerRepairQuote(c.id(), answer, by, now)) {
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
        RepairQuote.Answer given =
                caseFindings.repairQuote(c.id()).orElseThrow().answer();
        if (given != answer) {
            throw new ReturnRejected(
                    "caseRef",
                    given == RepairQuote.Answer.EXPIRED ? "quote.expired-already" : "quote.answered-already",
                    caseRef,
                    new ReturnRejected.Term("quote-answer." + given.name()));
        }
        return answer;
    }

    /**
     * Settles a paid repair quote when the customer's answer reached the process or its validity ran out: an
     * unanswered quote expires. Tells the customer what follows; an accepted repair goes on to RMA approval.
     */
    public RepairQuote.Answer settleRepairQuote(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        if (caseFindings.answerRepairQuote(c.id(), RepairQuote.Answer.EXPIRED, "system:repair-quote-timer", now)) {
            store.setStatus(c.id(), CaseStatus.CLOSING);
            audit.record(c, "REPAIR_QUOTE_EXPIRED", "system:repair-quote-timer", "No answer by the quote's end", now);
        }
        CaseFindings.QuoteRow row = caseFindings
                .repairQuote(c.id())
                .orElseThrow(() -> new PolicyViolation("Case " + caseRef + " has no paid repair quote to settle"));
        events.publishEvent(new ReturnEvent.RepairQuoteSettled(c.facts(), now, row.quote(), row.answer()));
        return row.answer();
    }

    public void escalateDiagnosis(String caseRef) {
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
}
