package sale.itmall.assurance.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.Map;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.tasks.TaskEngine;

/** The queue's user tasks completed in the engine: each is a job of type {@code io.camunda.zeebe:userTask}. */
@Component
class EngineTasks implements TaskEngine {

    private final CamundaClient camunda;

    EngineTasks(CamundaClient camunda) {
        this.camunda = camunda;
    }

    @Override
    public void complete(long taskKey, Map<String, Object> variables) {
        try {
            camunda.newCompleteCommand(taskKey).variables(variables).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                throw new Gone(taskKey, e);
            }
            throw e;
        }
    }
}
