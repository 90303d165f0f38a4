package sale.itmall.assurance.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.ReturnEvent;
import sale.itmall.assurance.returns.ReturnEvent.AccountReinstated;
import sale.itmall.assurance.returns.ReturnEvent.AccountSuspended;
import sale.itmall.assurance.returns.ReturnEvent.AdvanceReplacementShipped;
import sale.itmall.assurance.returns.ReturnEvent.CaseClosed;
import sale.itmall.assurance.returns.ReturnEvent.ClosedAtEntitlement;
import sale.itmall.assurance.returns.ReturnEvent.CoverageEnding;
import sale.itmall.assurance.returns.ReturnEvent.CustomerAnswered;
import sale.itmall.assurance.returns.ReturnEvent.CustomerQuestionAsked;
import sale.itmall.assurance.returns.ReturnEvent.CustomerQuestionReminded;
import sale.itmall.assurance.returns.ReturnEvent.CustomerQuestionUnanswered;
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

/**
 * Turns what the returns module decided into the customer's mail: each {@link ReturnEvent} picks its template
 * ({@code templates/mail/<step>.txt}) and the facts it shows; the template words them in the customer's language
 * ({@code mails*.properties}). The listener runs in the transaction that published the
 * event, so the mail is in the outbox exactly when the decision is recorded.
 */
@Component
class ReturnNotices {

    private final Outbox outbox;

    ReturnNotices(Outbox outbox) {
        this.outbox = outbox;
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
                        "coverage-" + e.term().name().toLowerCase(Locale.ROOT) + "-" + e.serialNumber() + "-"
                                + e.lastDay(),
                        Map.of(
                                "serialNumber", e.serialNumber(),
                                "model", e.model(),
                                "term", e.term().name(),
                                "lastDay", e.lastDay()),
                        e.at());
            case RequestSettled e -> outbox.queueForRequest(e.r(), "request-summary", Map.of(), e.at());
            case ClosedAtEntitlement e ->
                queue(
                        e.c(),
                        "entitlement-closed",
                        e.at(),
                        Map.of("outcome", e.outcome(), "entitlement", e.entitlement()));
            case DiagnosisRecorded e -> queue(e.c(), "diagnosis-result", e.at(), diagnosis(e));
            case RepairQuoteSettled e ->
                queue(
                        e.c(),
                        "repair-quote-answer",
                        e.at(),
                        Map.of("answer", e.answer().name(), "quote", e.quote()));
            case CustomerQuestionAsked e ->
                outbox.queue(
                        e.c(),
                        "customer-question",
                        "customer-question-" + e.question().round(),
                        Map.of("question", e.question(), "text", e.text(), "topics", e.topics()),
                        e.at());
            case CustomerAnswered e -> {
                // the customer answered on the page or the API and reads there that TAC has it: no mail
            }
            case CustomerQuestionReminded e ->
                outbox.queue(
                        e.c(),
                        "customer-question-reminder",
                        "customer-question-reminder-" + e.question().round(),
                        Map.of("question", e.question(), "text", e.text()),
                        e.at());
            case CustomerQuestionUnanswered e ->
                outbox.queue(
                        e.c(),
                        "customer-question-closed",
                        "customer-question-closed-" + e.question().round(),
                        Map.of("question", e.question()),
                        e.at());
            case RmaRejected e ->
                queue(e.c(), "rma-rejected", e.at(), Map.of("reason", e.reason() == null ? "" : e.reason()));
            case RmaAuthorized e ->
                outbox.queue(e.c(), "rma-authorized", "rma-authorized", Map.of(), e.at(), Outbox.RETURN_LABEL);
            case AdvanceReplacementShipped e ->
                queue(
                        e.c(),
                        "advance-shipped",
                        e.at(),
                        Map.of("replacementSerial", e.replacementSerial(), "warrantyEnd", e.warrantyEndsOn()));
            case ReturnOverdue e -> queue(e.c(), "return-overdue", e.at(), Map.of());
            case RmaExpired e -> queue(e.c(), "rma-expired", e.at(), Map.of());
            case UnitPriceCharged e -> queue(e.c(), "charged", e.at(), Map.of("amount", e.amount()));
            case AccountSuspended e -> queue(e.c(), "account-suspended", e.at(), Map.of("amount", e.amount()));
            case UnitReceived e -> queue(e.c(), "unit-received", e.at(), Map.of("standing", e.standing()));
            case ResolutionDecided e -> queue(e.c(), "resolution", e.at(), resolution(e));
            case OutboundShipped e ->
                queue(
                        e.c(),
                        "outbound-shipped",
                        e.at(),
                        Map.of(
                                "purpose",
                                e.leg().purpose(),
                                "payer",
                                e.leg().payer().name()));
            case ReturnCancelled e -> queue(e.c(), "cancelled", e.at(), Map.of());
            case DisputeRuled e ->
                outbox.queue(
                        e.c(),
                        "dispute-ruling",
                        e.disputeKey(),
                        Map.of("upheld", e.upheld(), "ruling", e.ruling() == null ? "" : e.ruling()),
                        e.at());
            case LateUnitReceived e -> queue(e.c(), "late-unit-received", e.at(), Map.of("options", e.options()));
            case LateUnitDecided e ->
                queue(
                        e.c(),
                        "late-unit-decided",
                        e.at(),
                        Map.of(
                                "decision", e.decision().name(),
                                "amount", e.amount() == null ? BigDecimal.ZERO : e.amount(),
                                "reason", e.reason()));
            case AccountReinstated e ->
                outbox.queue(e.c(), "reinstated", e.step(), Map.of("reason", e.reason()), e.at());
            case CaseClosed e -> {
                // the customer heard how it ends from the step that decided it; the request's summary follows
            }
        }
    }

    private void queue(CaseFacts c, String step, Instant at, Map<String, Object> model) {
        outbox.queue(c, step, step, model, at);
    }

    private static Map<String, Object> diagnosis(DiagnosisRecorded e) {
        Map<String, Object> model = new HashMap<>();
        model.put("outcome", e.outcome());
        model.put("exclusion", e.exclusion());
        model.put("toRma", e.toRmaApproval());
        model.put("advance", e.advanceReplacement());
        model.put("quote", e.quote());
        model.put("outOfWarranty", e.closeWith() == CaseOutcome.OUT_OF_WARRANTY);
        return model;
    }

    private static Map<String, Object> resolution(ResolutionDecided e) {
        Map<String, Object> model = new HashMap<>();
        model.put("outcome", e.outcome());
        model.put("exclusion", e.exclusion());
        model.put("warrantyEnd", e.newWarrantyEndsOn());
        model.put("credit", positive(e.credit()));
        model.put("advanceCharge", positive(e.advanceUnitCharge()));
        model.put("repairCharge", e.paidRepair());
        return model;
    }

    private static BigDecimal positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0 ? amount : null;
    }
}
