package sale.itmall.assurance.returns;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionFactory;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.support.EmbeddedEngine;
import sale.itmall.assurance.support.TestClock;
import sale.itmall.assurance.tasks.Staff;
import sale.itmall.assurance.tasks.StaffTask;
import sale.itmall.assurance.tasks.TaskQueue;

/**
 * Drives process instances on the embedded engine the way staff and the warehouse do: user tasks (deployed in the
 * job-worker form, as on the demo engine) are taken from the portal's task queue and completed through it, which
 * completes the task's job in the engine with the form's checked fields.
 */
public class ProcessDriver {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final CamundaClient client;
    private final CaseStore store;
    private final TestClock clock;
    private final TaskQueue queue;
    /** A staff member with every role: the tests complete each user task as its role would. */
    static final Staff EVERY_ROLE = new Staff("test-staff", EnumSet.allOf(StaffRole.class));

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> instances = new ConcurrentHashMap<>();

    ProcessDriver(CamundaClient client, CaseStore store, TestClock clock, TaskQueue queue) {
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.queue = queue;
    }

    /** Waits up to 20 s; reading the record stream while the engine appends to it may need a second try. */
    private static ConditionFactory waiting() {
        return await().atMost(WAIT).ignoreException(ConcurrentModificationException.class);
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

    /** The open user task of a case at an element, as the staff task queue lists it. */
    public StaffTask userTask(String caseRef, String elementId) {
        return awaitTask(t -> caseRef.equals(t.caseReference()) && t.elementId().equals(elementId), caseRef);
    }

    /** The open user task at an element of another process (e.g. the policy dispute) that carries the case's reference. */
    public StaffTask userTaskOf(String bpmnProcessId, String elementId, String caseRef) {
        return awaitTask(
                t -> t.bpmnProcessId().equals(bpmnProcessId)
                        && t.elementId().equals(elementId)
                        && caseRef.equals(t.caseReference()),
                caseRef);
    }

    /** The open user task at an element of a process whose instance has {@code variable} = {@code value}. */
    public StaffTask userTaskWith(String bpmnProcessId, String elementId, String variable, String value) {
        return awaitTask(
                t -> t.bpmnProcessId().equals(bpmnProcessId)
                        && t.elementId().equals(elementId)
                        && value.equals(variablesOf(t.processInstanceKey()).get(variable)),
                null);
    }

    private StaffTask awaitTask(Predicate<StaffTask> which, String caseRef) {
        waiting().until(() -> findTask(which, caseRef).isPresent());
        return findTask(which, caseRef).orElseThrow();
    }

    private Optional<StaffTask> findTask(Predicate<StaffTask> which, String caseRef) {
        return queue.all(caseRef).stream().filter(which).findFirst();
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
     * Completes the user task a case waits at as a staff member does in the portal's queue: through the queue, which
     * checks the form's fields and completes the task's job in the engine, so the task's output mappings apply.
     */
    public void completeUserTask(String caseRef, String userTaskId, Map<String, Object> form) {
        awaitWaitingAt(caseRef, userTaskId);
        completeUserTask(userTask(caseRef, userTaskId), form);
    }

    /** Completes a queued task with its form's values, as a staff member who has every role. */
    public void completeUserTask(StaffTask task, Map<String, Object> form) {
        queue.complete(task.taskKey(), form, EVERY_ROLE);
    }

    /**
     * Completes a task's job with variables its form would refuse, as a client of the engine's API that skips the
     * form (Tasklist's completion API does not check a form's options either): the step after it must still decide
     * and open a readable incident.
     */
    public void completeBypassingTheForm(StaffTask task, Map<String, Object> variables) {
        client.newCompleteCommand(task.taskKey()).variables(variables).send().join();
    }

    public void advanceClock(Duration by) {
        clock.advance(by);
    }
}
