package sale.itmall.assurance.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * A question TAC asks the customer during remote diagnosis (§1.2–1.3: logs, photos, a window for secure remote
 * access), one round of the exchange: when the customer is reminded and when the case closes unanswered, both from the
 * process owner's terms ({@link PolicyTerms#questionReminder()}, {@link PolicyTerms#questionAnswerTime()}).
 *
 * <p>The diagnosis SLA (§1.2) is TAC's time, not the customer's: while a question waits, its clock stops, and an
 * answer moves the diagnosis due date on by the time the customer took ({@link #diagnosisDueAfterAnswer}).
 *
 * @param round 1 for the first question of a case, 2 for the next, …
 */
public record CustomerQuestion(int round, Instant askedAt, Instant remindAt, Instant closesAt) {

    /** The most a question may say: it travels in a mail and a form. */
    public static final int MAX_QUESTION_LENGTH = 2000;

    /** What TAC needs, so the customer's page can say how to provide it. */
    public enum Topic {
        LOGS,
        PHOTOS,
        REMOTE_ACCESS
    }

    /** The question TAC asks at {@code askedAt} under the case's terms. */
    public static CustomerQuestion ask(int round, String question, Instant askedAt, PolicyTerms terms) {
        if (question == null || question.isBlank()) {
            throw new PolicyViolation("Asking the customer needs the question (customerQuestion); write it in the"
                    + " remote diagnosis and complete the task again, or choose an outcome");
        }
        if (question.length() > MAX_QUESTION_LENGTH) {
            throw new PolicyViolation("The question to the customer has " + question.length()
                    + " characters; shorten it to " + MAX_QUESTION_LENGTH + " (customerQuestion)");
        }
        return new CustomerQuestion(
                round, askedAt, askedAt.plus(terms.questionReminder()), askedAt.plus(terms.questionAnswerTime()));
    }

    /** Whether the customer can still answer at {@code now}. */
    public boolean openAt(Instant now) {
        return now.isBefore(closesAt);
    }

    /**
     * The diagnosis due date once the customer answered at {@code answeredAt}: the SLA's clock stood still while the
     * question waited, so the due date moves on by that time (a due date already passed when TAC asked stays passed).
     */
    public Instant diagnosisDueAfterAnswer(Instant diagnosisDueAt, Instant answeredAt) {
        Duration waited = Duration.between(askedAt, answeredAt);
        return waited.isNegative() || diagnosisDueAt.isBefore(askedAt) ? diagnosisDueAt : diagnosisDueAt.plus(waited);
    }
}
