package sale.itmall.assurance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The question loop's rules on the published decision's terms: when to remind, when to close, the SLA standing still. */
class CustomerQuestionTest {

    static final PolicyTerms TERMS = PublishedTerms.of(AssetCategory.END_USER_TERMINAL);
    static final Instant ASKED = Instant.parse("2027-03-01T10:00:00Z");

    @Test
    void theRemindAndCloseInstantsAreTheDecisionsDaysAfterAsking() {
        CustomerQuestion q = CustomerQuestion.ask(1, "Send the boot log", ASKED, TERMS);

        assertThat(q.remindAt()).isEqualTo(ASKED.plus(Duration.ofDays(TERMS.questionReminderDays())));
        assertThat(q.closesAt()).isEqualTo(ASKED.plus(Duration.ofDays(TERMS.questionAnswerDays())));
        assertThat(TERMS.questionReminderDays()).isEqualTo(3);
        assertThat(TERMS.questionAnswerDays()).isEqualTo(10);
        assertThat(q.openAt(q.closesAt().minusSeconds(1))).isTrue();
        assertThat(q.openAt(q.closesAt())).isFalse();
    }

    @Test
    void theDiagnosisSlaStandsStillWhileTheCustomerHasTheQuestion() {
        CustomerQuestion q = CustomerQuestion.ask(1, "Send the boot log", ASKED, TERMS);
        Instant due = ASKED.plus(Duration.ofHours(5));

        assertThat(q.diagnosisDueAfterAnswer(due, ASKED.plus(Duration.ofHours(30))))
                .isEqualTo(due.plus(Duration.ofHours(30)));
        // a due date already passed when TAC asked stays passed: the customer's time does not excuse TAC's
        Instant overdue = ASKED.minus(Duration.ofHours(1));
        assertThat(q.diagnosisDueAfterAnswer(overdue, ASKED.plus(Duration.ofDays(2))))
                .isEqualTo(overdue);
    }

    @Test
    void aQuestionMustSaySomethingAndFitInAMail() {
        assertThatThrownBy(() -> CustomerQuestion.ask(1, "  ", ASKED, TERMS))
                .isInstanceOf(PolicyViolation.class)
                .hasMessageContaining("needs the question (customerQuestion)");
        assertThatThrownBy(() ->
                        CustomerQuestion.ask(1, "x".repeat(CustomerQuestion.MAX_QUESTION_LENGTH + 1), ASKED, TERMS))
                .isInstanceOf(PolicyViolation.class)
                .hasMessageContaining("shorten it to " + CustomerQuestion.MAX_QUESTION_LENGTH);
    }

    @Test
    void aDecisionThatClosesBeforeItRemindsIsRefusedSayingWhichOutputs() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> terms = json.convertValue(TERMS, Map.class);
        terms.put("questionAnswerDays", 3);
        PolicyTerms wrong = json.convertValue(terms, PolicyTerms.class);

        assertThatThrownBy(wrong::complete)
                .isInstanceOf(PolicyViolation.class)
                .hasMessageContaining("questionAnswerDays (3) must be longer than its questionReminderDays (3)");
    }

    @Test
    void termsACaseKeptBeforeQuestionsExistedCannotAskButSaySo() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> terms = json.convertValue(TERMS, Map.class);
        terms.remove("questionReminderDays");
        terms.remove("questionAnswerDays");
        PolicyTerms kept = json.convertValue(terms, PolicyTerms.class);

        assertThatThrownBy(() -> CustomerQuestion.ask(1, "Send the log", ASKED, kept))
                .isInstanceOf(PolicyViolation.class)
                .hasMessageContaining("predate questions to the customer");
    }
}
