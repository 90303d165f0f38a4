package sale.itmall.assurance.tasks;

import java.util.Optional;

/**
 * What the application deployed: the forms of forms/ by id (their JSON schema), which form id a deployed form key
 * names (the engine's {@code io.camunda.zeebe:formKey} header carries the key), and the name of each user task.
 */
public interface DeployedModels {

    /** The form id of a deployed form's key, if this application deployed it. */
    Optional<String> formIdOfKey(long formKey);

    /** The JSON schema of a form in forms/, by its id. */
    Optional<String> formSchema(String formId);

    /** A user task's name as the model gives it, or its id where it has none. */
    String taskName(String bpmnProcessId, String elementId);
}
