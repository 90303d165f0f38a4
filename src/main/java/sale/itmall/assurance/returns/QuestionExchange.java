package sale.itmall.assurance.returns;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sale.itmall.assurance.policy.CustomerQuestion;
import sale.itmall.assurance.shared.Labels;

/**
 * The exchange between TAC and the customer on one case, as its readers see it: the rounds for the customer's
 * tracking page, the API and the staff case page, and as plain text for the TAC engineer's next remote-diagnosis task
 * (a read-only field: the customer's words are never rendered as Markdown).
 */
public final class QuestionExchange {

    /** How many of the latest rounds the diagnosis form shows; the staff case page has them all. */
    static final int FORM_ROUNDS = 5;

    private QuestionExchange() {}

    /** A file the customer answered with: a proof of the case. */
    public record File(long proofId, String fileName, String contentType, int sizeBytes) {}

    /**
     * One round. {@code open}: the customer can answer it now; {@code unanswered}: it closed without an answer.
     */
    public record Round(
            int round,
            String question,
            Set<CustomerQuestion.Topic> topics,
            Instant askedAt,
            Instant remindAt,
            Instant closesAt,
            Instant remindedAt,
            String answer,
            Instant answeredAt,
            List<File> files,
            boolean open,
            boolean unanswered) {}

    static Round round(QuestionStore.Row q, List<QuestionStore.File> files, boolean caseOpen, Instant now) {
        return new Round(
                q.question().round(),
                q.text(),
                q.topics(),
                q.question().askedAt(),
                q.question().remindAt(),
                q.question().closesAt(),
                q.remindedAt(),
                q.answer(),
                q.answeredAt(),
                files.stream()
                        .map(f -> new File(f.proofId(), f.fileName(), f.contentType(), f.sizeBytes()))
                        .toList(),
                caseOpen && q.waiting() && !q.answered() && q.question().openAt(now),
                QuestionStore.NO_ANSWER.equals(q.settled()));
    }

    /** The latest rounds as plain text for the remote-diagnosis form (English, UTC, like every staff form). */
    static String text(List<Round> rounds) {
        StringBuilder text = new StringBuilder();
        if (rounds.size() > FORM_ROUNDS) {
            text.append("(")
                    .append(rounds.size() - FORM_ROUNDS)
                    .append(" earlier question(s): on the staff case page)\n\n");
        }
        for (Round r : rounds.subList(Math.max(0, rounds.size() - FORM_ROUNDS), rounds.size())) {
            text.append("Question ").append(r.round()).append(", asked ").append(Labels.utc(r.askedAt()));
            if (!r.topics().isEmpty()) {
                text.append(" (")
                        .append(String.join(
                                ", ",
                                r.topics().stream()
                                        .map(t -> t.name()
                                                .toLowerCase(Locale.ROOT)
                                                .replace('_', ' '))
                                        .toList()))
                        .append(')');
            }
            text.append(":\n").append(r.question()).append("\n\n");
            if (r.answeredAt() == null) {
                text.append(r.unanswered() ? "No answer by " + Labels.utc(r.closesAt()) : "Not answered yet");
            } else {
                text.append("Customer's answer, ")
                        .append(Labels.utc(r.answeredAt()))
                        .append(":\n");
                text.append(r.answer() == null || r.answer().isEmpty() ? "(no text)" : r.answer());
                if (!r.files().isEmpty()) {
                    text.append("\nFiles (on the staff case page): ")
                            .append(String.join(
                                    ", ",
                                    r.files().stream()
                                            .map(f -> f.fileName() + " (" + Math.max(1, f.sizeBytes() / 1024) + " KB)")
                                            .toList()));
                }
            }
            text.append("\n\n");
        }
        return text.toString().strip();
    }
}
