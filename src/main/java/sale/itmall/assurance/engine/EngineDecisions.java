package sale.itmall.assurance.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.grpc.Status.Code;
import java.util.Map;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.DecisionEngine;

/** The policy decision evaluated by the engine: its newest deployed version ({@code latest}). */
@Component
class EngineDecisions implements DecisionEngine {

    private final CamundaClient camunda;

    EngineDecisions(CamundaClient camunda) {
        this.camunda = camunda;
    }

    @Override
    public Evaluation evaluate(String decisionId, Map<String, Object> input) {
        EvaluateDecisionResponse response;
        try {
            response = camunda.newEvaluateDecisionCommand()
                    .decisionId(decisionId)
                    .variables(input)
                    .send()
                    .join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Code.NOT_FOUND
                    || e.getStatusCode() == Code.INVALID_ARGUMENT
                    || e.getStatusCode() == Code.FAILED_PRECONDITION) {
                throw new Refused(e.getMessage(), e);
            }
            throw e; // unreachable or busy: a technical fault, for the caller's retry
        }
        return new Evaluation(
                response.getDecisionId(),
                response.getDecisionKey(),
                response.getDecisionVersion(),
                response.getDecisionOutput(),
                response.getFailedDecisionId(),
                response.getFailureMessage());
    }
}
