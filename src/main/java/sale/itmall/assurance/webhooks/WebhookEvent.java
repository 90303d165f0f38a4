package sale.itmall.assurance.webhooks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.ReturnEvent;

/**
 * One event as the vendor's endpoint receives it (the JSON body). {@code id} is the same on every attempt and on a
 * resend, so a receiver drops a repeat by it; {@code data} holds the facts of that step.
 *
 * @param type the event's name, e.g. {@code rma.authorized} ({@link EventType#wireName()})
 * @param caseReference the case, or null for a request's event
 */
public record WebhookEvent(
        UUID id,
        String type,
        Instant occurredAt,
        String requestReference,
        String caseReference,
        String customerNumber,
        Map<String, Object> data) {

    /** The event of a step, when the step is one vendors can subscribe to. */
    static Optional<WebhookEvent> of(ReturnEvent event) {
        return switch (event) {
            case ReturnEvent.RequestReceived e -> {
                List<Map<String, Object>> items = e.r().cases().stream()
                        .map(c -> facts(
                                "caseReference", c.reference(), "serialNumber", c.serialNumber(), "model", c.model()))
                        .toList();
                String customer =
                        e.r().cases().isEmpty() ? null : e.r().cases().get(0).customerNumber();
                yield Optional.of(new WebhookEvent(
                        UUID.randomUUID(),
                        EventType.REQUEST_RECEIVED.wireName(),
                        seconds(e.at()),
                        e.r().reference(),
                        null,
                        customer,
                        facts("items", items)));
            }
            case ReturnEvent.RmaAuthorized e ->
                Optional.of(of(
                        EventType.RMA_AUTHORIZED,
                        e.c(),
                        e.at(),
                        facts(
                                "rmaNumber", e.c().rmaNumber(),
                                "returnDueAt", seconds(e.c().returnDueAt()),
                                "complianceLimitAt", seconds(e.c().complianceLimitAt()),
                                "advanceReplacement", e.c().advanceReplacement())));
            case ReturnEvent.AdvanceReplacementShipped e ->
                Optional.of(of(
                        EventType.ADVANCE_UNIT_SHIPPED,
                        e.c(),
                        e.at(),
                        facts(
                                "rmaNumber", e.c().rmaNumber(),
                                "replacementSerialNumber", e.replacementSerial(),
                                "replacementWarrantyEndsOn", e.warrantyEndsOn())));
            case ReturnEvent.UnitReceived e ->
                Optional.of(of(
                        EventType.UNIT_RECEIVED,
                        e.c(),
                        e.at(),
                        facts("rmaNumber", e.c().rmaNumber(), "standing", e.standing())));
            case ReturnEvent.UnitPriceCharged e ->
                Optional.of(of(
                        EventType.CHARGED,
                        e.c(),
                        e.at(),
                        facts(
                                "rmaNumber", e.c().rmaNumber(),
                                "reason", "UNRETURNED_ADVANCE_UNIT",
                                "amount", e.amount(),
                                "currency", e.c().currency())));
            case ReturnEvent.AccountSuspended e ->
                Optional.of(of(
                        EventType.ACCOUNT_SUSPENDED,
                        e.c(),
                        e.at(),
                        facts(
                                "rmaNumber", e.c().rmaNumber(),
                                "declinedAmount", e.amount(),
                                "currency", e.c().currency())));
            case ReturnEvent.CustomerQuestionAsked e ->
                Optional.of(of(
                        EventType.QUESTION_ASKED,
                        e.c(),
                        e.at(),
                        facts(
                                "round", e.question().round(),
                                "question", e.text(),
                                "topics", e.topics().stream().sorted().toList(),
                                "remindAt", seconds(e.question().remindAt()),
                                "closesAt", seconds(e.question().closesAt()))));
            case ReturnEvent.CustomerAnswered e ->
                Optional.of(
                        of(EventType.QUESTION_ANSWERED, e.c(), e.at(), facts("round", e.round(), "files", e.files())));
            case ReturnEvent.CaseClosed e ->
                Optional.of(of(EventType.CASE_CLOSED, e.c(), e.at(), facts("outcome", e.outcome())));
            default -> Optional.empty();
        };
    }

    EventType eventType() {
        return EventType.of(type).orElseThrow();
    }

    private static WebhookEvent of(EventType type, CaseFacts c, Instant at, Map<String, Object> data) {
        return new WebhookEvent(
                UUID.randomUUID(),
                type.wireName(),
                seconds(at),
                c.requestReference(),
                c.reference(),
                c.customerNumber(),
                data);
    }

    /** Facts in the order given; an absent fact is left out. */
    private static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                facts.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return facts;
    }

    private static Instant seconds(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
    }
}
