package sale.itmall.assurance.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.CaseStatus;
import sale.itmall.assurance.returns.QuestionExchange;
import sale.itmall.assurance.returns.ReturnsQuery;

/**
 * One return as the API shows it to its customer: the four policy steps, deadlines, shipments, charges and proofs,
 * the paid repair quote and the questions our technical support asked with the customer's answers,
 * and nothing of the engine or the database (no keys, no payment details).
 */
record TrackingResponse(
        String caseRef,
        String requestRef,
        String serialNumber,
        String model,
        String faultDescription,
        String policyRevision,
        CaseStatus status,
        CaseOutcome outcome,
        String rmaNumber,
        Instant returnDueAt,
        Instant complianceLimitAt,
        Instant receivedAt,
        LocalDate newWarrantyEndsOn,
        Long daysLeftToReturn,
        String deadlineNote,
        List<ReturnsQuery.Step> steps,
        List<ReturnsQuery.Charge> charges,
        List<FreightLeg> shipments,
        ReturnsQuery.Replacement replacement,
        List<ReturnsQuery.Proof> proofs,
        String inboundCarrier,
        String inboundTracking,
        boolean cancellable,
        ReturnsQuery.Quote repairQuote,
        List<QuestionExchange.Round> questions) {

    static TrackingResponse of(ReturnsQuery.Tracking t) {
        CaseFacts c = t.c();
        return new TrackingResponse(
                c.reference(),
                c.requestReference(),
                c.serialNumber(),
                c.model(),
                c.faultDescription(),
                c.policyRevision(),
                c.status(),
                c.outcome(),
                c.rmaNumber(),
                c.returnDueAt(),
                c.complianceLimitAt(),
                c.receivedAt(),
                c.newWarrantyEndsOn(),
                t.daysLeftToReturn(),
                t.deadlineNote(),
                t.steps(),
                t.charges(),
                t.shipments(),
                t.replacement().orElse(null),
                t.proofs(),
                t.inboundCarrier(),
                t.inboundTracking(),
                t.cancellable(),
                t.repairQuote().orElse(null),
                t.questions());
    }
}
