package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.CustomerQuestion;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.shared.Labels;

/**
 * Questions TAC asks the customer during remote diagnosis (§1.2–1.3), round after round: asked from the
 * remote-diagnosis form, answered by the customer in the portal or the API (text and files under the proofs' rules),
 * reminded and settled by the case's timers. Each step writes its rows, the audit record and its {@link ReturnEvent}
 * in one transaction and is safe to repeat; the answer reaches the engine through the outbox in the transaction that
 * recorded it. Which round a message answers is in its correlation key ({@link #key}), so a late message never
 * answers a later question.
 */
@Service
@Transactional
public class CustomerQuestions {

    private final CaseStore store;
    private final QuestionStore questions;
    private final AuditTrail audit;
    private final EngineCommands engine;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerQuestions(
            CaseStore store,
            QuestionStore questions,
            AuditTrail audit,
            EngineCommands engine,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.questions = questions;
        this.audit = audit;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    /** The message correlation of a case's round: {@code RC-…/2}. */
    public static String key(String caseRef, int round) {
        return caseRef + "/" + round;
    }

    /** A question asked: the message key the case waits on and its two timers. */
    public record Asked(String questionKey, CustomerQuestion question) {}

    /**
     * TAC asks the customer; the case waits. A repeated step (the round still waiting) answers the same round; a
     * question while the previous one waits cannot come from the model, so it is that repeat.
     */
    public Asked ask(String caseRef, String text, Set<CustomerQuestion.Topic> topics, String by) {
        CaseRecord c = store.require(caseRef);
        QuestionStore.Row last = questions.latest(c.id()).orElse(null);
        if (last != null && last.waiting()) {
            return new Asked(key(caseRef, last.question().round()), last.question());
        }
        Instant now = clock.instant();
        CustomerQuestion q =
                CustomerQuestion.ask(last == null ? 1 : last.question().round() + 1, text, now, c.terms());
        questions.insert(c.id(), q, text.strip(), topics, by);
        store.setStatus(c.id(), CaseStatus.AWAITING_CUSTOMER_ANSWER);
        audit.record(
                c,
                "CUSTOMER_QUESTION_ASKED",
                "CUSTOMER_QUESTION_ASKED-" + q.round(),
                by,
                "Question " + q.round() + " to the customer; reminder " + Labels.utc(q.remindAt()) + ", closes "
                        + Labels.utc(q.closesAt()) + " without an answer",
                now);
        events.publishEvent(new ReturnEvent.CustomerQuestionAsked(c.facts(), now, q, text.strip(), topics));
        return new Asked(key(caseRef, q.round()), q);
    }

    /** What the customer's answer did. */
    public record Answered(String caseRef, int round, Instant answeredAt) {}

    /**
     * The customer's answer to the waiting question, before it closes (the application's clock: the engine's in a
     * demo): recorded with its files and sent to the case's process in one transaction. One answer per question; TAC
     * asks again when it needs more. Another customer's case is not found.
     */
    public Answered answer(Customer customer, String caseRef, String text, List<ProofFile> files, String by) {
        CaseRecord c = store.requireOwned(caseRef, customer.id());
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty() && files.isEmpty()) {
            throw new ReturnRejected("answer", "question.answer-empty");
        }
        if (answer.length() > InputRules.MAX_TEXT) {
            throw new ReturnRejected("answer", "question.answer-too-long", InputRules.MAX_TEXT);
        }
        InputRules.plainText("answer", answer, "answer");
        if (files.size() > ProofFile.MAX_PER_ITEM) {
            throw new ReturnRejected("files", "question.too-many-files", ProofFile.MAX_PER_ITEM);
        }
        if (c.closed()) {
            throw new ReturnRejected("caseRef", "question.case-closed", caseRef);
        }
        QuestionStore.Row q = questions
                .latest(c.id())
                .filter(QuestionStore.Row::waiting)
                .orElseThrow(() -> new ReturnRejected("caseRef", "question.none", caseRef));
        Instant now = clock.instant();
        if (q.answered()) {
            throw new ReturnRejected("caseRef", "question.answered-already", caseRef, Labels.utc(q.answeredAt()));
        }
        if (!q.question().openAt(now)) {
            throw new ReturnRejected(
                    "caseRef",
                    "question.expired",
                    caseRef,
                    Labels.utc(q.question().closesAt()));
        }
        if (!questions.answer(q.id(), answer, by, now)) {
            throw new ReturnRejected("caseRef", "question.answered-already", caseRef, Labels.utc(now));
        }
        files.forEach(f -> questions.addFile(c.id(), q.id(), f, now));
        store.setStatus(c.id(), CaseStatus.IN_DIAGNOSIS);
        audit.record(
                c,
                "CUSTOMER_ANSWERED",
                "CUSTOMER_ANSWERED-" + q.question().round(),
                by,
                "Answer to question " + q.question().round()
                        + (files.isEmpty() ? "" : " with " + files.size() + " file(s)"),
                now);
        events.publishEvent(
                new ReturnEvent.CustomerAnswered(c.facts(), now, q.question().round(), files.size()));
        String questionKey = key(caseRef, q.question().round());
        engine.publish(
                ProcessContract.MSG_CUSTOMER_ANSWERED,
                questionKey,
                "answer:" + questionKey,
                new Variables.CustomerAnswered(now));
        return new Answered(caseRef, q.question().round(), now);
    }

    /** The reminder timer fired: the customer is reminded once per question, if it still waits unanswered. */
    public void remind(String caseRef) {
        CaseRecord c = store.require(caseRef);
        QuestionStore.Row q = latest(c);
        Instant now = clock.instant();
        if (!q.answered() && questions.markReminded(q.id(), now)) {
            audit.record(
                    c,
                    "CUSTOMER_QUESTION_REMINDED",
                    "CUSTOMER_QUESTION_REMINDED-" + q.question().round(),
                    "system:question-reminder",
                    "Question " + q.question().round() + " still unanswered; closes "
                            + Labels.utc(q.question().closesAt()),
                    now);
            events.publishEvent(new ReturnEvent.CustomerQuestionReminded(c.facts(), now, q.question(), q.text()));
        }
    }

    /** How a question ended: answered goes back to TAC with the diagnosis due date moved on and the exchange. */
    public record Settled(boolean answered, CaseOutcome closeWith, Instant diagnosisDueAt, String exchange) {}

    /**
     * The answer reached the process, or the question's time ran out: the database decides (an answer recorded before
     * the timer fired stands). Unanswered, the case closes {@link CaseOutcome#CUSTOMER_NO_ANSWER}.
     */
    public Settled settle(String caseRef) {
        CaseRecord c = store.require(caseRef);
        QuestionStore.Row q = latest(c);
        Instant now = clock.instant();
        boolean answered = q.answered();
        Instant due = answered
                ? q.question().diagnosisDueAfterAnswer(c.diagnosisDueAt(), q.answeredAt())
                : c.diagnosisDueAt();
        if (questions.settle(q.id(), answered ? QuestionStore.ANSWERED : QuestionStore.NO_ANSWER, now)) {
            if (answered) {
                store.setDiagnosisDueAt(c.id(), due);
                audit.record(
                        c,
                        "CUSTOMER_QUESTION_ANSWERED",
                        "CUSTOMER_QUESTION_ANSWERED-" + q.question().round(),
                        "system:question",
                        "Back to remote diagnosis, due " + Labels.utc(due)
                                + " (the SLA stood still while the customer had the question)",
                        now);
            } else {
                store.setStatus(c.id(), CaseStatus.CLOSING);
                audit.record(
                        c,
                        "CUSTOMER_NO_ANSWER",
                        "CUSTOMER_NO_ANSWER-" + q.question().round(),
                        "system:question-timer",
                        "No answer to question " + q.question().round() + " by "
                                + Labels.utc(q.question().closesAt()),
                        now);
                events.publishEvent(new ReturnEvent.CustomerQuestionUnanswered(c.facts(), now, q.question(), q.text()));
            }
        }
        return new Settled(
                answered, answered ? null : CaseOutcome.CUSTOMER_NO_ANSWER, due, QuestionExchange.text(exchange(c)));
    }

    /** Every round of a case, oldest first, with the files the customer sent (the staff case page). */
    public List<QuestionExchange.Round> exchange(String caseRef) {
        return exchange(store.require(caseRef));
    }

    private List<QuestionExchange.Round> exchange(CaseRecord c) {
        return questions.rounds(c.id(), !c.closed(), clock.instant());
    }

    /** The case's latest round: a reminder or a settle step without one cannot come from the model. */
    private QuestionStore.Row latest(CaseRecord c) {
        return questions
                .latest(c.id())
                .orElseThrow(() -> new PolicyViolation("Case " + c.reference() + " has no question to the customer"));
    }
}
