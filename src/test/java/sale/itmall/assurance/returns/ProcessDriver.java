package sale.itmall.assurance.returns;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.support.EmbeddedEngine;
import sale.itmall.assurance.support.TestClock;

/**
 * Drives process instances on the embedded engine the way Tasklist and the warehouse would, within what a gRPC-only
 * engine allows: it cannot complete a Camunda user task, so {@link #completeUserTask} carries the same instance on
 * with a process instance modification: the task is terminated and the element after it activated, with the form's
 * variables set on the process instance as a completed form would set them.
 */
public class ProcessDriver {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final CamundaClient client;
    private final CaseStore store;
    private final TestClock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> instances = new ConcurrentHashMap<>();

    ProcessDriver(CamundaClient client, CaseStore store, TestClock clock) {
        this.client = client;
        this.store = store;
        this.clock = clock;
    }

    /** Waits up to 20 s; reading the record stream while the engine appends to it may need a second try. */
    private static org.awaitility.core.ConditionFactory waiting() {
        return await().atMost(WAIT).ignoreException(java.util.ConcurrentModificationException.class);
    }

    public static RecordStream records() {
        return RecordStream.of(EmbeddedEngine.get().getRecordStreamSource());
    }

    /** The case's own process instance (called by its request), once its first step has recorded it. */
    public long instanceOf(String caseRef) {
        // kept once known: a case's instance never changes, and the driver then works while the database is away
        return instances.computeIfAbsent(caseRef, ref -> {
            waiting().until(() -> store.require(ref).processInstanceKey() != null);
            return store.require(ref).processInstanceKey();
        });
    }

    /** The case as other modules see it. */
    public CaseFacts facts(String caseRef) {
        return store.require(caseRef).facts();
    }

    public ProcessInstanceAssert instance(String caseRef) {
        return new ProcessInstanceAssert(instanceOf(caseRef), records());
    }

    public void awaitWaitingAt(String caseRef, String... elementIds) {
        waiting().untilAsserted(() -> instance(caseRef).isWaitingAtElements(elementIds));
    }

    /** An instance of any process (e.g. a late unit's) waits at these elements. */
    public void awaitWaitingAtOf(long instanceKey, String... elementIds) {
        waiting()
                .untilAsserted(() -> new ProcessInstanceAssert(instanceKey, records()).isWaitingAtElements(elementIds));
    }

    public void awaitPassed(String caseRef, String elementId) {
        waiting().untilAsserted(() -> instance(caseRef).hasPassedElement(elementId));
    }

    public void awaitCompleted(String caseRef) {
        waiting().untilAsserted(() -> instance(caseRef).isCompleted());
    }

    public CaseRecord awaitClosed(String caseRef) {
        awaitCompleted(caseRef);
        waiting().until(() -> store.require(caseRef).closed());
        return store.require(caseRef);
    }

    /** The created user task of a case at an element, as Tasklist would list it. */
    public UserTaskRecordValue userTask(String caseRef, String elementId) {
        long key = instanceOf(caseRef);
        waiting().until(() -> findUserTask(key, elementId).isPresent());
        return findUserTask(key, elementId).orElseThrow();
    }

    private Optional<UserTaskRecordValue> findUserTask(long instanceKey, String elementId) {
        return createdUserTasks(instanceKey, elementId).stream().findFirst();
    }

    /**
     * The created user task at an element of another process (e.g. the policy dispute) whose instance carries the
     * case's reference.
     */
    /** The user task at an element of a process whose instance has {@code variable} = {@code value}. */
    public UserTaskRecordValue userTaskWith(String bpmnProcessId, String elementId, String variable, String value) {
        waiting().until(() -> findUserTaskWith(bpmnProcessId, elementId, variable, value)
                .isPresent());
        return findUserTaskWith(bpmnProcessId, elementId, variable, value).orElseThrow();
    }

    public UserTaskRecordValue userTaskOf(String bpmnProcessId, String elementId, String caseRef) {
        waiting().until(() -> findUserTaskOf(bpmnProcessId, elementId, caseRef).isPresent());
        return findUserTaskOf(bpmnProcessId, elementId, caseRef).orElseThrow();
    }

    private Optional<UserTaskRecordValue> findUserTaskOf(String bpmnProcessId, String elementId, String caseRef) {
        return findUserTaskWith(bpmnProcessId, elementId, "caseRef", caseRef);
    }

    private Optional<UserTaskRecordValue> findUserTaskWith(
            String bpmnProcessId, String elementId, String variable, String value) {
        List<UserTaskRecordValue> tasks = StreamSupport.stream(
                        records().records().spliterator(), false)
                .filter(r -> r.getIntent() == UserTaskIntent.CREATED)
                .map(r -> (UserTaskRecordValue) r.getValue())
                .filter(v -> v.getBpmnProcessId().equals(bpmnProcessId)
                        && v.getElementId().equals(elementId))
                .toList();
        return tasks.stream()
                .filter(v -> value.equals(variablesOf(v.getProcessInstanceKey()).get(variable)))
                .findFirst();
    }

    /** Starts a process at an element with the given variables, as a completed user task before it would. */
    public long startAt(String bpmnProcessId, String elementId, Map<String, Object> variables) {
        return client.newCreateInstanceCommand()
                .bpmnProcessId(bpmnProcessId)
                .latestVersion()
                .variables(variables)
                .startBeforeElement(elementId)
                .send()
                .join()
                .getProcessInstanceKey();
    }

    public void awaitCompleted(long processInstanceKey) {
        waiting().untilAsserted(() -> new ProcessInstanceAssert(processInstanceKey, records()).isCompleted());
    }

    /** The form id linked to a user task's form key, from the deployment. */
    public String formIdOf(long formKey) {
        return StreamSupport.stream(records().forms().spliterator(), false)
                .filter(r -> r.getValue().getFormKey() == formKey)
                .map(r -> r.getValue().getFormId())
                .findFirst()
                .orElse(null);
    }

    public IncidentRecordValue awaitIncident(String caseRef) {
        long key = instanceOf(caseRef);
        waiting().until(() -> incident(key).isPresent());
        return incident(key).orElseThrow();
    }

    /** The incident of a process instance (e.g. a late-unit decision's). */
    public IncidentRecordValue awaitIncidentOf(long instanceKey) {
        waiting().until(() -> incident(instanceKey).isPresent());
        return incident(instanceKey).orElseThrow();
    }

    private Optional<IncidentRecordValue> incident(long instanceKey) {
        return StreamSupport.stream(records().incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .map(Record::getValue)
                .filter(v -> v.getProcessInstanceKey() == instanceKey)
                .findFirst();
    }

    /** The process variables of a case's instance, latest value each. */
    public Map<String, Object> variables(String caseRef) {
        return variablesOf(instanceOf(caseRef));
    }

    public Map<String, Object> variablesOf(long key) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Record<VariableRecordValue> r : records().variableRecords()) {
            VariableRecordValue v = r.getValue();
            if (v.getProcessInstanceKey() == key) {
                try {
                    vars.put(v.getName(), json.readValue(v.getValue(), Object.class));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return vars;
    }

    /**
     * Completes the user task a case waits at as its form would: the task's element instance is terminated and
     * {@code nextElement} (the element after the task) activated in the same instance, with the form's variables.
     */
    public void completeUserTask(String caseRef, String userTaskId, String nextElement, Map<String, Object> form) {
        awaitWaitingAt(caseRef, userTaskId);
        long key = instanceOf(caseRef);
        long taskInstance = createdUserTasks(key, userTaskId).getLast().getElementInstanceKey();
        client.newModifyProcessInstanceCommand(key)
                .activateElement(nextElement)
                .withVariables(form, ProcessContract.CASE_PROCESS_ID)
                .and()
                .terminateElement(taskInstance)
                .send()
                .join();
    }

    /**
     * Completes a user task of another process (e.g. the late-unit decision) as its form would: {@code nextElement} is
     * activated with the form's variables and the task terminated.
     */
    public void completeUserTaskOf(
            UserTaskRecordValue task, String bpmnProcessId, String nextElement, Map<String, Object> form) {
        client.newModifyProcessInstanceCommand(task.getProcessInstanceKey())
                .activateElement(nextElement)
                .withVariables(form, bpmnProcessId)
                .and()
                .terminateElement(task.getElementInstanceKey())
                .send()
                .join();
    }

    /** The user tasks created at an element of an instance, oldest first (the last is the one waiting). */
    private List<UserTaskRecordValue> createdUserTasks(long instanceKey, String elementId) {
        return StreamSupport.stream(records().records().spliterator(), false)
                .filter(r -> r.getIntent() == UserTaskIntent.CREATED)
                .map(r -> (UserTaskRecordValue) r.getValue())
                .filter(v -> v.getProcessInstanceKey() == instanceKey
                        && v.getElementId().equals(elementId))
                .toList();
    }

    public void advanceClock(Duration by) {
        clock.advance(by);
    }
}
