package sale.itmall.assurance.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The policy terms exactly as the published decision (bpmn/itmall-policy-terms.dmn) gives them, evaluated by Zeebe's
 * own DMN engine: the unit tests of the rules run on the numbers process owners maintain, not on numbers of their own.
 */
public final class PublishedTerms {

    public static final Path DECISION_FILE = Path.of("bpmn/itmall-policy-terms.dmn");
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PublishedTerms() {}

    public static PolicyTerms of(AssetCategory category) {
        return of(DECISION_FILE, category);
    }

    public static PolicyTerms of(Path dmnFile, AssetCategory category) {
        try {
            return JSON.readValue(evaluate(dmnFile, Map.of("assetCategory", category.name())), PolicyTerms.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decision's output as JSON. */
    public static String evaluate(Path dmnFile, Map<String, Object> variables) throws IOException {
        DecisionEngine engine = DecisionEngineFactory.createDecisionEngine();
        ParsedDecisionRequirementsGraph drg;
        try (InputStream in = Files.newInputStream(dmnFile)) {
            drg = engine.parse(in);
        }
        if (!drg.isValid()) {
            throw new IllegalStateException(dmnFile + " is not a valid decision: " + drg.getFailureMessage());
        }
        DecisionEvaluationResult result = engine.evaluateDecisionById(drg, "itmall-policy-terms", () -> variables);
        if (result.isFailure()) {
            throw new IllegalStateException(result.getFailureMessage());
        }
        return MsgPackConverter.convertToJson(result.getOutput());
    }

    public static ServicePolicy policy(AssetCategory category) {
        return new ServicePolicy(of(category));
    }
}
