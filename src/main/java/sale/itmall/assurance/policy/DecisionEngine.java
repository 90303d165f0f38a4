package sale.itmall.assurance.policy;

import java.util.Map;

/** Evaluates a deployed decision. The engine module answers it; the policy module knows no engine. */
public interface DecisionEngine {

    /**
     * Evaluates the newest deployed version of a decision with the given input.
     *
     * @throws Refused when the engine has no such decision or refuses the input
     */
    Evaluation evaluate(String decisionId, Map<String, Object> input);

    /** What the engine answered: the output as JSON, or the failure of the decision that failed. */
    record Evaluation(
            String decisionId,
            long decisionKey,
            int decisionVersion,
            String output,
            String failedDecisionId,
            String failureMessage) {

        boolean failed() {
            return failureMessage != null && !failureMessage.isBlank();
        }
    }

    /** The engine refused to evaluate: no such decision deployed, or an input it cannot take. */
    final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
