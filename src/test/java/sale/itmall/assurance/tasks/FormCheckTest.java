package sale.itmall.assurance.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The queue's check of a completed form, on the real forms of forms/. */
class FormCheckTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static FormCheck form(String id) throws Exception {
        return new FormCheck(JSON.readTree(Files.readString(Path.of("forms", id + ".form"))));
    }

    static JsonNode task(Map<String, Object> variables) {
        return JSON.valueToTree(variables);
    }

    @Test
    void theFormsOwnFieldsPassAndAnUnchangedReadOnlyFieldIsNotSentOn() throws Exception {
        FormCheck.Result r = form("rma-approval")
                .check(
                        Map.of("rmaDecision", "APPROVE", "approvalNotes", "", "faultDescription", "Fans"),
                        task(Map.of("faultDescription", "Fans")));
        assertThat(r.accepted()).isTrue();
        assertThat(r.variables()).containsOnlyKeys("rmaDecision", "approvalNotes");
    }

    @Test
    void everyFieldTheFormWouldRefuseIsNamed() throws Exception {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("diagnosisOutcome", "SHRUGGED");
        sent.put("repairQuoteAmount", "a lot");
        sent.put("diagnosisNotes", 42);
        sent.put("caseOutcome", "CREDITED");
        sent.put("faultDescription", "rewritten");
        FormCheck.Result r = form("remote-diagnosis").check(sent, task(Map.of("faultDescription", "Fans")));
        assertThat(r.refusals())
                .extracting(TaskRefused.FieldRefusal::field, TaskRefused.FieldRefusal::reason)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("diagnosisOutcome", "has 'SHRUGGED', which is not one of its options"),
                        Tuple.tuple("repairQuoteAmount", "must be a number"),
                        Tuple.tuple("diagnosisNotes", "must be text"),
                        Tuple.tuple("caseOutcome", "is not a field of this form"),
                        Tuple.tuple("faultDescription", "is read-only"));
        assertThat(r.variables()).isEmpty();
    }

    @Test
    void aRequiredFieldMustBeThereAndOptionsMayComeFromAVariable() throws Exception {
        FormCheck lateUnit = form("late-unit");
        JsonNode variables =
                task(Map.of("lateUnitOptions", List.of(Map.of("label", "Ship back", "value", "SHIP_BACK"))));
        assertThat(lateUnit.check(Map.of(), variables).refusals())
                .extracting(TaskRefused.FieldRefusal::field)
                .contains("lateUnitDecision");
        assertThat(lateUnit.check(Map.of("lateUnitDecision", "SHIP_BACK", "lateUnitReason", "ok"), variables)
                        .accepted())
                .isTrue();
        assertThat(lateUnit.check(Map.of("lateUnitDecision", "REFUND_CHARGE", "lateUnitReason", "ok"), variables)
                        .accepted())
                .isFalse();
    }
}
