package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.CustomerQuestion;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.tasks.StaffTask;

/**
 * TAC asks the customer during remote diagnosis (bpmn/itmall-return-case.bpmn, the question loop) on the embedded
 * engine with the real workers and PostgreSQL: the form's choice, the customer's mail and answer (text and files), the
 * exchange in TAC's next task, the SLA that stood still, the reminder and the close without an answer.
 */
@ApplicationTest
class CustomerQuestionProcessTest {

    static final int YOUNG = 100;

    @Autowired
    CustomerQuestions questions;

    @Autowired
    CustomerAccounts accounts;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CaseStore store;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    String caseAtDiagnosis() {
        return scenarios.caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, YOUNG);
    }

    Customer customerOf(String caseRef) {
        return accounts.customer(store.require(caseRef).facts().customerId());
    }

    CustomerQuestions.Answered answer(String caseRef, String text, ProofFile... files) {
        return questions.answer(customerOf(caseRef), caseRef, text, List.of(files), "customer:test");
    }

    static ProofFile log(String name, String content) {
        return ProofFile.check("files", name, content.getBytes(StandardCharsets.UTF_8));
    }

    List<String> mails(String caseRef) {
        return jdbc.sql("select step from notifications where case_id = ? order by id")
                .param(store.require(caseRef).id().value())
                .query(String.class)
                .list();
    }

    String mail(String caseRef, String step) {
        return jdbc.sql("select subject || E'\\n' || body from notifications where case_id = ? and step = ?")
                .params(store.require(caseRef).id().value(), step)
                .query(String.class)
                .single();
    }

    List<String> auditTypes(String caseRef) {
        return audit.events(store.require(caseRef).id()).stream()
                .map(AuditEvent::type)
                .toList();
    }

    @Test
    void tacAsksTheCustomerWhoAnswersWithTextAndAFileAndTacsNextTaskShowsTheExchange() {
        String caseRef = caseAtDiagnosis();
        Instant dueBefore = store.require(caseRef).diagnosisDueAt();
        driver.completeUserTask(
                caseRef,
                Elements.REMOTE_DIAGNOSIS,
                Map.of(
                        "diagnosisOutcome",
                        ProcessContract.ASK_CUSTOMER,
                        "customerQuestion",
                        "Please send the fan controller log from the last boot.",
                        "questionTopics",
                        List.of("LOGS", "REMOTE_ACCESS")));

        driver.awaitWaitingAt(caseRef, Elements.AWAIT_CUSTOMER_ANSWER);
        assertThat(store.require(caseRef).status()).isEqualTo(CaseStatus.AWAITING_CUSTOMER_ANSWER);
        assertThat(driver.variables(caseRef)).containsEntry("questionKey", caseRef + "/1");
        // the customer is mailed the question, what helps and until when they can answer
        assertThat(mail(caseRef, "customer-question-1"))
                .contains("our support needs something from you")
                .contains("Please send the fan controller log from the last boot.")
                .contains("logs of the device")
                .contains("access the device remotely")
                .containsPattern("by \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        List<QuestionExchange.Round> waiting = questions.exchange(caseRef);
        assertThat(waiting).singleElement().satisfies(r -> {
            assertThat(r.open()).isTrue();
            assertThat(r.topics()).containsExactly(CustomerQuestion.Topic.LOGS, CustomerQuestion.Topic.REMOTE_ACCESS);
            assertThat(Duration.between(r.askedAt(), r.closesAt())).isEqualTo(Duration.ofDays(10));
            assertThat(Duration.between(r.askedAt(), r.remindAt())).isEqualTo(Duration.ofDays(3));
        });

        // a day later the customer answers with text and a log file
        driver.advanceClock(Duration.ofDays(1));
        answer(caseRef, "Log attached; remote access any weekday 9-17 CET.", log("boot.log", "fan0: stalled\n"));

        StaffTask next = driver.userTask(caseRef, Elements.REMOTE_DIAGNOSIS);
        String exchange = (String) driver.variables(caseRef).get("customerExchange");
        assertThat(exchange)
                .contains("Question 1, asked")
                .contains("(logs, remote access)")
                .contains("Please send the fan controller log from the last boot.")
                .contains("Customer's answer")
                .contains("Log attached; remote access any weekday 9-17 CET.")
                .contains("boot.log");
        // the SLA stood still while the customer had the question: the due date moved on by that day
        Instant dueAfter = store.require(caseRef).diagnosisDueAt();
        assertThat(Duration.between(dueBefore, dueAfter))
                .isBetween(Duration.ofDays(1), Duration.ofDays(1).plusMinutes(1));
        assertThat(next.dueAt()).isEqualTo(dueAfter.truncatedTo(ChronoUnit.SECONDS));
        assertThat(store.require(caseRef).status()).isEqualTo(CaseStatus.IN_DIAGNOSIS);
        // one answer per question: TAC asks again for more
        assertThatThrownBy(() -> answer(caseRef, "And another thing"))
                .isInstanceOfSatisfying(
                        ReturnRejected.class, e -> assertThat(e.key()).isEqualTo("question.none"));

        // back and forth a second time, then the defect is confirmed
        scenarios.ask(caseRef, "Does the fan spin when the unit is cold?");
        assertThat(driver.variables(caseRef)).containsEntry("questionKey", caseRef + "/2");
        answer(caseRef, "No, it never spins.");
        driver.awaitWaitingAt(caseRef, Elements.REMOTE_DIAGNOSIS);
        assertThat((String) driver.variables(caseRef).get("customerExchange"))
                .contains("Question 1")
                .contains("Question 2")
                .endsWith("No, it never spins.");
        driver.completeUserTask(caseRef, Elements.REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "HARDWARE_DEFECT"));
        driver.awaitWaitingAt(caseRef, Elements.RMA_APPROVAL);

        assertThat(questions.exchange(caseRef))
                .extracting(QuestionExchange.Round::round, r -> r.files().size(), QuestionExchange.Round::open)
                .containsExactly(tuple(1, 1, false), tuple(2, 0, false));
        assertThat(auditTypes(caseRef))
                .containsSubsequence(
                        "CUSTOMER_QUESTION_ASKED",
                        "CUSTOMER_ANSWERED",
                        "CUSTOMER_QUESTION_ANSWERED",
                        "CUSTOMER_QUESTION_ASKED",
                        "CUSTOMER_ANSWERED",
                        "CUSTOMER_QUESTION_ANSWERED",
                        "DIAGNOSIS_RECORDED");
        assertThat(mails(caseRef)).contains("customer-question-1", "customer-question-2");
    }

    @Test
    void anUnansweredQuestionIsRemindedOnceAndThenClosesTheCase() {
        String caseRef = scenarios.ask(caseAtDiagnosis(), "Please send a photo of the rating label.");

        driver.advanceClock(Duration.ofDays(3).plusMinutes(1));
        driver.awaitPassed(caseRef, Elements.REMIND_CUSTOMER);
        assertThat(mail(caseRef, "customer-question-reminder-1"))
                .contains("waits for your answer")
                .contains("Please send a photo of the rating label.");
        driver.awaitWaitingAt(caseRef, Elements.AWAIT_CUSTOMER_ANSWER);

        driver.advanceClock(Duration.ofDays(7));
        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.CUSTOMER_NO_ANSWER);
        driver.instance(caseRef).hasNotPassedElement(Elements.RMA_APPROVAL);
        assertThat(mail(caseRef, "customer-question-closed-1")).contains("closed without your answer");
        assertThat(mails(caseRef))
                .filteredOn(m -> m.startsWith("customer-question-reminder"))
                .hasSize(1);
        assertThat(questions.exchange(caseRef)).singleElement().satisfies(r -> {
            assertThat(r.unanswered()).isTrue();
            assertThat(r.remindedAt()).isNotNull();
        });
        assertThatThrownBy(() -> answer(caseRef, "Here it is, late"))
                .isInstanceOfSatisfying(
                        ReturnRejected.class, e -> assertThat(e.key()).isEqualTo("question.case-closed"));
    }

    @Test
    void whatAnAnswerMustBeIsRefusedByFieldAndNothingIsRecorded() {
        String caseRef = scenarios.ask(caseAtDiagnosis(), "Which firmware runs on it?");

        assertThatThrownBy(() -> answer(caseRef, "   ")).isInstanceOfSatisfying(ReturnRejected.class, e -> {
            assertThat(e.key()).isEqualTo("question.answer-empty");
            assertThat(e.field()).isEqualTo("answer");
        });
        assertThatThrownBy(() -> answer(caseRef, "x".repeat(InputRules.MAX_TEXT + 1)))
                .isInstanceOfSatisfying(
                        ReturnRejected.class, e -> assertThat(e.key()).isEqualTo("question.answer-too-long"));
        assertThatThrownBy(() -> answer(caseRef, "bell\u0007"))
                .isInstanceOfSatisfying(
                        ReturnRejected.class, e -> assertThat(e.key()).isEqualTo("text.control-characters"));
        ProofFile[] six = new ProofFile[ProofFile.MAX_PER_ITEM + 1];
        Arrays.setAll(six, i -> log("part" + i + ".log", "line " + i));
        assertThatThrownBy(() -> answer(caseRef, "logs", six))
                .isInstanceOfSatisfying(
                        ReturnRejected.class, e -> assertThat(e.key()).isEqualTo("question.too-many-files"));
        // another customer's case is not theirs to answer
        Customer stranger = accounts.customer(
                store.require(scenarios.caseAtDiagnosis(fixtures.customer(true), AssetCategory.ACCESSORY, YOUNG))
                        .facts()
                        .customerId());
        assertThatThrownBy(() -> questions.answer(stranger, caseRef, "Not mine", List.of(), "customer:other"))
                .isInstanceOf(CaseNotFound.class);

        assertThat(questions.exchange(caseRef)).singleElement().satisfies(r -> assertThat(r.answeredAt())
                .isNull());
        driver.awaitWaitingAt(caseRef, Elements.AWAIT_CUSTOMER_ANSWER);
    }

    @Test
    void askingWithoutAQuestionOpensAnIncidentThatSaysWhatToWrite() {
        String caseRef = caseAtDiagnosis();
        // the question is required where the form shows it; a client that leaves it out meets the worker's rule
        driver.completeUserTask(
                caseRef, Elements.REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", ProcessContract.ASK_CUSTOMER));

        assertThat(driver.awaitIncident(caseRef).getErrorMessage())
                .contains("Asking the customer needs the question (customerQuestion)");
        assertThat(questions.exchange(caseRef)).isEmpty();
        assertThat(mails(caseRef)).noneMatch(m -> m.startsWith("customer-question"));
    }
}
