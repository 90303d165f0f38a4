package sale.itmall.assurance.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events a vendor's system can subscribe to, by the name they carry in {@code type}. */
public enum EventType {
    REQUEST_RECEIVED("request.received", "A return request was received (its items, one case each)"),
    RMA_AUTHORIZED("rma.authorized", "An RMA was authorized (number, return-by date, compliance limit)"),
    ADVANCE_UNIT_SHIPPED("advance-unit.shipped", "An advance replacement unit was shipped (its serial, warranty)"),
    UNIT_RECEIVED("unit.received", "The returned unit was received (on time or late)"),
    CHARGED("charged", "The customer was charged the full unit price for an unreturned advance unit"),
    ACCOUNT_SUSPENDED("account.suspended", "The account was suspended (the full-unit charge was declined)"),
    QUESTION_ASKED(
            "question.asked",
            "TAC asked the customer a question in remote diagnosis; the case waits for the answer (the SLA stands still)"),
    QUESTION_ANSWERED("question.answered", "The customer answered TAC's question; remote diagnosis resumes"),
    CASE_CLOSED("case.closed", "A case closed with its outcome");

    private final String wireName;
    private final String description;

    EventType(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    /** The type by its wire name or its enum name. */
    public static Optional<EventType> of(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(name) || t.name().equals(name))
                .findFirst();
    }
}
