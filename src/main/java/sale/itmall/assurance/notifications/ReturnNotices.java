package sale.itmall.assurance.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.ServicePolicy;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.ReturnEvent;
import sale.itmall.assurance.returns.ReturnEvent.AccountReinstated;
import sale.itmall.assurance.returns.ReturnEvent.AccountSuspended;
import sale.itmall.assurance.returns.ReturnEvent.AdvanceReplacementShipped;
import sale.itmall.assurance.returns.ReturnEvent.ClosedAtEntitlement;
import sale.itmall.assurance.returns.ReturnEvent.CoverageEnding;
import sale.itmall.assurance.returns.ReturnEvent.DiagnosisRecorded;
import sale.itmall.assurance.returns.ReturnEvent.DisputeRuled;
import sale.itmall.assurance.returns.ReturnEvent.ExtensionAnswered;
import sale.itmall.assurance.returns.ReturnEvent.LateUnitDecided;
import sale.itmall.assurance.returns.ReturnEvent.LateUnitReceived;
import sale.itmall.assurance.returns.ReturnEvent.OutboundShipped;
import sale.itmall.assurance.returns.ReturnEvent.RepairQuoteSettled;
import sale.itmall.assurance.returns.ReturnEvent.RequestReceived;
import sale.itmall.assurance.returns.ReturnEvent.RequestSettled;
import sale.itmall.assurance.returns.ReturnEvent.ResolutionDecided;
import sale.itmall.assurance.returns.ReturnEvent.ReturnCancelled;
import sale.itmall.assurance.returns.ReturnEvent.ReturnOverdue;
import sale.itmall.assurance.returns.ReturnEvent.RmaAuthorized;
import sale.itmall.assurance.returns.ReturnEvent.RmaExpired;
import sale.itmall.assurance.returns.ReturnEvent.RmaRejected;
import sale.itmall.assurance.returns.ReturnEvent.UnitPriceCharged;
import sale.itmall.assurance.returns.ReturnEvent.UnitReceived;
import sale.itmall.assurance.shared.Labels;

/**
 * Turns what the returns module decided into the customer's mail: each {@link ReturnEvent} picks its template
 * ({@code templates/mail/<step>.txt}) and the words it needs. The listener runs in the transaction that published the
 * event, so the mail is in the outbox exactly when the decision is recorded.
 */
@Component
class ReturnNotices {

    /** Mails are in English until the customer's language is known (a second messages file adds one). */
    private static final Locale LANGUAGE = Locale.ENGLISH;

    private final Outbox outbox;
    private final Labels labels;

    ReturnNotices(Outbox outbox, Labels labels) {
        this.outbox = outbox;
        this.labels = labels;
    }

    @EventListener
    void on(ReturnEvent event) {
        switch (event) {
            case RequestReceived e -> outbox.queueForRequest(e.r(), "request-received", Map.of(), e.at());
            case ExtensionAnswered e ->
                outbox.queueCustomerMail(
                        e.customer(),
                        "extension-answer",
                        "extension-" + e.extensionRef(),
                        Map.of(
                                "extensionRef", e.extensionRef(),
                                "serialNumber", e.serialNumber(),
                                "model", e.model(),
                                "offered", e.offered(),
                                "answer", e.answer()),
                        e.at());
            case CoverageEnding e ->
                outbox.queueCustomerMail(
                        e.customer(),
                        "coverage-ending",
                        "coverage-" + e.term().name().toLowerCase(LANGUAGE) + "-" + e.serialNumber() + "-"
                                + e.lastDay(),
                        Map.of(
                                "serialNumber",
                                e.serialNumber(),
                                "model",
                                e.model(),
                                "termText",
                                e.term() == ServicePolicy.CoverTerm.WARRANTY
                                        ? "hardware warranty"
                                        : "premium maintenance (remote diagnosis by TAC)",
                                "lastDay",
                                e.lastDay().toString()),
                        e.at());
            case RequestSettled e ->
                outbox.queueForRequest(
                        e.r(),
                        "request-summary",
                        Map.of(
                                "items",
                                e.r().cases().stream()
                                        .map(c -> Map.of(
                                                "caseRef",
                                                c.reference(),
                                                "model",
                                                c.model(),
                                                "serial",
                                                c.serialNumber(),
                                                "outcome",
                                                c.outcome() == null ? "still open" : words(c.outcome())))
                                        .toList()),
                        e.at());
            case ClosedAtEntitlement e ->
                queue(
                        e.c(),
                        "entitlement-closed",
                        e.at(),
                        Map.of("outcomeText", words(e.outcome()), "explanation", e.explanation()));
            case DiagnosisRecorded e ->
                queue(
                        e.c(),
                        "diagnosis-result",
                        e.at(),
                        Map.of(
                                "diagnosisText",
                                words(e.outcome())
                                        + (e.exclusion() == null
                                                ? ""
                                                : " (" + words(e.exclusion()) + ", not covered under §4.0)"),
                                "nextText",
                                nextAfterDiagnosis(e)));
            case RepairQuoteSettled e ->
                queue(
                        e.c(),
                        "repair-quote-answer",
                        e.at(),
                        Map.of(
                                "answer",
                                e.answer().name(),
                                "amount",
                                e.quote().amount().toPlainString() + " "
                                        + e.quote().currency(),
                                "validUntil",
                                Labels.when(e.quote().validUntil())));
            case RmaRejected e ->
                queue(
                        e.c(),
                        "rma-rejected",
                        e.at(),
                        Map.of("reason", e.reason() == null || e.reason().isBlank() ? "not given" : e.reason()));
            case RmaAuthorized e ->
                queue(
                        e.c(),
                        "rma-authorized",
                        e.at(),
                        Map.of(
                                "rmaNumber",
                                e.c().rmaNumber(),
                                "returnBy",
                                Labels.when(e.c().returnDueAt()),
                                "complianceLimit",
                                Labels.when(e.c().complianceLimitAt()),
                                "advance",
                                e.c().advanceReplacement()));
            case AdvanceReplacementShipped e ->
                queue(
                        e.c(),
                        "advance-shipped",
                        e.at(),
                        Map.of(
                                "replacementSerial",
                                e.replacementSerial(),
                                "warrantyEnd",
                                e.warrantyEndsOn().toString(),
                                "returnBy",
                                Labels.when(e.c().returnDueAt())));
            case ReturnOverdue e ->
                queue(
                        e.c(),
                        "return-overdue",
                        e.at(),
                        Map.of(
                                "returnBy",
                                Labels.when(e.c().returnDueAt()),
                                "complianceLimit",
                                Labels.when(e.c().complianceLimitAt())));
            case RmaExpired e -> queue(e.c(), "rma-expired", e.at(), Map.of());
            case UnitPriceCharged e ->
                queue(e.c(), "charged", e.at(), Map.of("amount", e.amount().toPlainString()));
            case AccountSuspended e ->
                queue(
                        e.c(),
                        "account-suspended",
                        e.at(),
                        Map.of("amount", e.amount().toPlainString()));
            case UnitReceived e -> queue(e.c(), "unit-received", e.at(), Map.of("standing", words(e.standing())));
            case ResolutionDecided e -> queue(e.c(), "resolution", e.at(), resolution(e));
            case OutboundShipped e ->
                queue(
                        e.c(),
                        "outbound-shipped",
                        e.at(),
                        Map.of(
                                "whatText",
                                words(e.leg().purpose()).toLowerCase(LANGUAGE),
                                "payerText",
                                e.leg().payer() == FreightLeg.Payer.ITMALL ? "ITMall" : "you"));
            case ReturnCancelled e -> queue(e.c(), "cancelled", e.at(), Map.of());
            case DisputeRuled e ->
                outbox.queue(
                        e.c(),
                        "dispute-ruling",
                        e.disputeKey(),
                        Map.of(
                                "decisionText",
                                        e.upheld()
                                                ? "your dispute is upheld and the case is reviewed in your favour"
                                                : "the policy was applied correctly",
                                "ruling", e.ruling() == null ? "" : e.ruling()),
                        e.at());
            case LateUnitReceived e ->
                queue(
                        e.c(),
                        "late-unit-received",
                        e.at(),
                        Map.of(
                                "closedAsText",
                                words(e.c().outcome()).toLowerCase(LANGUAGE),
                                "optionsText",
                                e.options().stream()
                                        .map(d -> words(d).toLowerCase(LANGUAGE))
                                        .collect(Collectors.joining(" or "))));
            case LateUnitDecided e ->
                queue(
                        e.c(),
                        "late-unit-decided",
                        e.at(),
                        Map.of("decisionText", lateUnitDecision(e), "reason", e.reason()));
            case AccountReinstated e ->
                outbox.queue(e.c(), "reinstated", e.step(), Map.of("reason", e.reason()), e.at());
        }
    }

    private String lateUnitDecision(LateUnitDecided e) {
        return switch (e.decision()) {
            case REFUND_CHARGE ->
                "the full-unit charge is refunded: a credit note of "
                        + e.amount().toPlainString() + " " + e.c().currency() + " is issued to your account.";
            case KEEP_CHARGE -> "the full-unit charge stands; the unit stays with ITMall, which owns it.";
            case REINSTATE_ACCOUNT -> "your account is reinstated: you can open new returns again.";
            case KEEP_SUSPENDED ->
                "your account stays suspended. The Service Governance Team can reinstate it once this is settled.";
            case RESUME_INSPECTION ->
                "the inspection of your unit goes ahead as if it had arrived in time; we write again with its result.";
            case SHIP_BACK ->
                "the unit is shipped back to you unrepaired; as the claim is no longer valid, you pay the freight.";
        };
    }

    private void queue(CaseFacts c, String step, Instant at, Map<String, Object> model) {
        outbox.queue(c, step, step, model, at);
    }

    private String nextAfterDiagnosis(DiagnosisRecorded e) {
        if (e.toRmaApproval()) {
            return "Next: our support team authorizes the RMA; you then return the unit."
                    + (e.advanceReplacement()
                            ? " As the defect was confirmed within the first "
                                    + e.c().terms().advanceReplacementMonths()
                                    + " months, a replacement ships in advance."
                            : "");
        }
        if (e.quote() != null) {
            return "Your unit is not under ITMall warranty, so the repair is not free. TAC quotes a paid repair: "
                    + e.quote().amount().toPlainString() + " " + e.quote().currency() + ", valid until "
                    + Labels.when(e.quote().validUntil()) + ". Accept or decline it on this case in your"
                    + " Self-Service Returns Center before then; without an answer the case closes. If you accept,"
                    + " you send the unit at your cost, we repair it, charge the quoted price and ship it back at"
                    + " your cost (ITMall pays outbound freight only for valid warranty claims).";
        }
        return e.closeWith() == CaseOutcome.OUT_OF_WARRANTY
                ? "The hardware warranty has ended: premium maintenance covers remote diagnosis, not a free repair or"
                        + " replacement. The case is closed."
                : "The case is closed.";
    }

    private Map<String, Object> resolution(ResolutionDecided e) {
        Map<String, Object> model = new HashMap<>();
        model.put("outcomeText", words(e.outcome()) + (e.exclusion() == null ? "" : " (" + words(e.exclusion()) + ")"));
        model.put(
                "warrantyEnd",
                e.newWarrantyEndsOn() == null ? null : e.newWarrantyEndsOn().toString());
        model.put("credit", positive(e.credit()));
        model.put("advanceCharge", positive(e.advanceUnitCharge()));
        model.put(
                "repairCharge",
                e.paidRepair() == null
                        ? null
                        : e.paidRepair().amount().toPlainString() + " "
                                + e.paidRepair().currency());
        return model;
    }

    private static String positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0 ? amount.toPlainString() : null;
    }

    private String words(Enum<?> code) {
        return labels.of(code, LANGUAGE);
    }
}
