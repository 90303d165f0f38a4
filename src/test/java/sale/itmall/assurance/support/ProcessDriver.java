package sale.itmall.assurance.support;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import sale.itmall.assurance.cases.CaseRecord;
import sale.itmall.assurance.cases.CaseStore;
import sale.itmall.assurance.cases.ReturnSubmissions;

/**
 * Drives process instances on the embedded engine the way Tasklist and the warehouse would, within what a gRPC-only
 * engine allows: it cannot complete a Camunda user task, so {@link #completeUserTask} carries the case on by starting
 * a new instance right after the task with the variables the form would submit (the waiting instance is cancelled).
 */

public class ProcessDriver {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private final CamundaClient client;
  private final CaseStore store;
  private final TestClock clock;
  private final ObjectMapper json = new ObjectMapper();

  public ProcessDriver(CamundaClient client, CaseStore store, TestClock clock) {
    this.client = client;
    this.store = store;
    this.clock = clock;
  }

  public static RecordStream records() {
    return RecordStream.of(EmbeddedEngine.get().getRecordStreamSource());
  }

  public long instanceOf(String caseRef) {
    return store.require(caseRef).processInstanceKey();
  }

  public ProcessInstanceAssert instance(String caseRef) {
    return new ProcessInstanceAssert(instanceOf(caseRef), records());
  }

  public void awaitWaitingAt(String caseRef, String... elementIds) {
    await().atMost(WAIT).untilAsserted(() -> instance(caseRef).isWaitingAtElements(elementIds));
  }

  public void awaitPassed(String caseRef, String elementId) {
    await().atMost(WAIT).untilAsserted(() -> instance(caseRef).hasPassedElement(elementId));
  }

  public void awaitCompleted(String caseRef) {
    await().atMost(WAIT).untilAsserted(() -> instance(caseRef).isCompleted());
  }

  public CaseRecord awaitClosed(String caseRef) {
    awaitCompleted(caseRef);
    await().atMost(WAIT).until(() -> store.require(caseRef).closed());
    return store.require(caseRef);
  }

  /** The created user task of a case at an element, as Tasklist would list it. */
  public UserTaskRecordValue userTask(String caseRef, String elementId) {
    long key = instanceOf(caseRef);
    await().atMost(WAIT).until(() -> findUserTask(key, elementId).isPresent());
    return findUserTask(key, elementId).orElseThrow();
  }

  private Optional<UserTaskRecordValue> findUserTask(long instanceKey, String elementId) {
    return StreamSupport.stream(records().records().spliterator(), false)
        .filter(r -> r.getIntent() == UserTaskIntent.CREATED)
        .map(r -> (UserTaskRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instanceKey && v.getElementId().equals(elementId))
        .findFirst();
  }

  /** The form id linked to a user task's form key, from the deployment. */
  public String formIdOf(long formKey) {
    return StreamSupport.stream(records().forms().spliterator(), false)
        .filter(r -> r.getValue().getFormKey() == formKey)
        .map(r -> r.getValue().getFormId())
        .findFirst().orElse(null);
  }

  public IncidentRecordValue awaitIncident(String caseRef) {
    long key = instanceOf(caseRef);
    await().atMost(WAIT).until(() -> incident(key).isPresent());
    return incident(key).orElseThrow();
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
    long key = instanceOf(caseRef);
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
   * Completes the user task a case waits at as its form would: the waiting instance is cancelled and a new one starts
   * at {@code nextElement} (the element after the task) with the case's variables plus the form's.
   */
  public void completeUserTask(String caseRef, String userTaskId, String nextElement, Map<String, Object> form) {
    awaitWaitingAt(caseRef, userTaskId);
    Map<String, Object> vars = new HashMap<>(variables(caseRef));
    vars.putAll(form);
    client.newCancelInstanceCommand(instanceOf(caseRef)).send().join();
    long key = client.newCreateInstanceCommand().bpmnProcessId(ReturnSubmissions.PROCESS_ID).latestVersion()
        .variables(vars).startBeforeElement(nextElement).send().join().getProcessInstanceKey();
    store.setProcessInstance(store.require(caseRef).id(), key);
  }

  public void advanceClock(Duration by) {
    clock.advance(by);
  }
}
