package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.CustomerQuestion;
import sale.itmall.assurance.policy.DiagnosisOutcome;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.ExclusionReason;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.LateUnitDecision;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.policy.RmaDeadlines.ReturnStanding;
import sale.itmall.assurance.policy.ServicePolicy;

/**
 * What the returns module decided, published in the transaction that recorded it (Spring application events): other
 * modules react (the notifications module writes the customer's mail to its outbox in that same transaction) without
 * the case steps knowing them. Each case event carries the case as the step read it; what the step decided is in the
 * event's own fields (an authorization carries the authorized case, with its RMA number and deadlines).
 */
public sealed interface ReturnEvent {

    /** When the decision was made (the application clock). */
    Instant at();

    /** An event about one case. */
    sealed interface CaseEvent extends ReturnEvent {
        CaseFacts c();
    }

    /** An event about a whole request. */
    sealed interface RequestEvent extends ReturnEvent {
        RequestFacts r();
    }

    record RequestReceived(RequestFacts r, Instant at) implements RequestEvent {}

    /** The Service Governance Team answered a customer's request to extend an asset's cover. */
    record ExtensionAnswered(
            Customer customer,
            String extensionRef,
            String serialNumber,
            String model,
            boolean offered,
            String answer,
            Instant at)
            implements ReturnEvent {}

    /** A warranty or premium-maintenance term of a customer's asset ends soon (told once per term and last day). */
    record CoverageEnding(
            Customer customer,
            String serialNumber,
            String model,
            ServicePolicy.CoverTerm term,
            LocalDate lastDay,
            Instant at)
            implements ReturnEvent {}

    /** Every case of the request is closed. */
    record RequestSettled(RequestFacts r, Instant at) implements RequestEvent {}

    /** The entitlement check closed the case before diagnosis (manufacturer plan, out of coverage, suspended). */
    record ClosedAtEntitlement(CaseFacts c, Instant at, CaseOutcome outcome, Entitlement entitlement)
            implements CaseEvent {}

    record DiagnosisRecorded(
            CaseFacts c,
            Instant at,
            DiagnosisOutcome outcome,
            ExclusionReason exclusion,
            boolean toRmaApproval,
            boolean advanceReplacement,
            CaseOutcome closeWith,
            RepairQuote quote)
            implements CaseEvent {}

    /** The customer answered the paid repair quote, or it expired unanswered. */
    record RepairQuoteSettled(CaseFacts c, Instant at, RepairQuote quote, RepairQuote.Answer answer)
            implements CaseEvent {}

    /** TAC asked the customer a question during remote diagnosis; the case waits for the answer. */
    record CustomerQuestionAsked(
            CaseFacts c, Instant at, CustomerQuestion question, String text, Set<CustomerQuestion.Topic> topics)
            implements CaseEvent {}

    /** The customer answered TAC's question (with so many files); remote diagnosis resumes. */
    record CustomerAnswered(CaseFacts c, Instant at, int round, int files) implements CaseEvent {}

    /** A question still unanswered at its reminder (once per question). */
    record CustomerQuestionReminded(CaseFacts c, Instant at, CustomerQuestion question, String text)
            implements CaseEvent {}

    /** A question closed without an answer: the case closes. */
    record CustomerQuestionUnanswered(CaseFacts c, Instant at, CustomerQuestion question, String text)
            implements CaseEvent {}

    record RmaRejected(CaseFacts c, Instant at, String reason) implements CaseEvent {}

    /** The RMA is authorized; the case carries its number, return-by date and compliance limit. */
    record RmaAuthorized(CaseFacts c, Instant at) implements CaseEvent {}

    record AdvanceReplacementShipped(CaseFacts c, Instant at, String replacementSerial, LocalDate warrantyEndsOn)
            implements CaseEvent {}

    record ReturnOverdue(CaseFacts c, Instant at) implements CaseEvent {}

    record RmaExpired(CaseFacts c, Instant at) implements CaseEvent {}

    record UnitPriceCharged(CaseFacts c, Instant at, BigDecimal amount) implements CaseEvent {}

    record AccountSuspended(CaseFacts c, Instant at, BigDecimal amount) implements CaseEvent {}

    record UnitReceived(CaseFacts c, Instant at, ReturnStanding standing) implements CaseEvent {}

    /** The bench inspection decided the resolution; amounts are zero when none applies. */
    record ResolutionDecided(
            CaseFacts c,
            Instant at,
            CaseOutcome outcome,
            ExclusionReason exclusion,
            LocalDate newWarrantyEndsOn,
            BigDecimal credit,
            BigDecimal advanceUnitCharge,
            RepairQuote paidRepair)
            implements CaseEvent {}

    record OutboundShipped(CaseFacts c, Instant at, FreightLeg leg) implements CaseEvent {}

    /** A unit reached the warehouse after its case closed; staff decide what follows. */
    record LateUnitReceived(CaseFacts c, Instant at, List<LateUnitDecision> options) implements CaseEvent {}

    /** Staff decided on a late unit; {@code amount} is the credit note's for a refund, else zero. */
    record LateUnitDecided(CaseFacts c, Instant at, LateUnitDecision decision, String reason, BigDecimal amount)
            implements CaseEvent {}

    /**
     * A suspended account was reinstated, with the case it was suspended for.
     *
     * @param step names the reinstatement (an account may be suspended and reinstated more than once)
     */
    record AccountReinstated(CaseFacts c, Instant at, String step, String reason) implements CaseEvent {}

    record ReturnCancelled(CaseFacts c, Instant at) implements CaseEvent {}

    /** The case closed with its outcome (once per outcome: a case reopened for its late unit may close again). */
    record CaseClosed(CaseFacts c, Instant at, CaseOutcome outcome) implements CaseEvent {}

    /**
     * The Service Governance Team ruled on a dispute.
     *
     * @param disputeKey names the dispute (one case may see several); the notification is sent once per key
     */
    record DisputeRuled(CaseFacts c, Instant at, String disputeKey, boolean upheld, String ruling)
            implements CaseEvent {}
}
