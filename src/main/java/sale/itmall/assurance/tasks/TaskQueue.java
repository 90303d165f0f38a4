package sale.itmall.assurance.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.shared.Faults;

/**
 * The staff task queue: what is offered to whom, taking and giving back a task, and completing it with its form's
 * fields. Every door (the pages, the API, the tests) goes through here, so all refuse the same things the same way
 * ({@link TaskRefused}).
 */
@Service
public class TaskQueue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskStore store;
    private final DeployedModels models;
    private final TaskEngine engine;

    TaskQueue(TaskStore store, DeployedModels models, TaskEngine engine) {
        this.store = store;
        this.models = models;
        this.engine = engine;
    }

    /** A task with what its form needs: the form's schema (null when unknown) and the task's variables. */
    public record OpenTask(StaffTask task, JsonNode form, JsonNode variables) {}

    /**
     * Records a task the engine handed out (again), with its variables as JSON and when it was seen; true when it is
     * new to the queue.
     */
    public boolean record(StaffTask task, String variablesJson, Instant seenAt) {
        return store.record(task, variablesJson, seenAt);
    }

    /** The tasks offered to a staff member's roles (or to one of them), soonest due first. */
    public List<StaffTask> offeredTo(Staff staff, StaffRole onlyRole, String caseReference) {
        Set<StaffRole> roles = onlyRole == null
                ? staff.roles()
                : staff.roles().stream().filter(onlyRole::equals).collect(Collectors.toSet());
        if (roles.isEmpty()) {
            return List.of();
        }
        return store.offeredTo(roles.stream().map(StaffRole::group).toList(), blankToNull(caseReference));
    }

    /** All open tasks, for tests and operations. */
    public List<StaffTask> all(String caseReference) {
        return store.offeredTo(null, blankToNull(caseReference));
    }

    public OpenTask open(long taskKey, Staff staff) {
        StaffTask task = offered(taskKey, staff);
        String schema = schemaOf(task);
        return new OpenTask(
                task,
                schema == null ? null : read(schema),
                read(store.variables(taskKey).orElse("{}")));
    }

    /** Takes a task; taking one's own again is fine, someone else's is refused (409). */
    public StaffTask claim(long taskKey, Staff staff) {
        return assign(taskKey, staff, true);
    }

    /** Gives a task back to the queue: only the one who took it may. */
    public StaffTask unclaim(long taskKey, Staff staff) {
        return assign(taskKey, staff, false);
    }

    /**
     * Completes a task with the values its form submitted: only the form's own fields, each checked; then the job is
     * completed in the engine, so the task's output mappings apply as they do in Tasklist.
     */
    public void complete(long taskKey, Map<String, Object> submitted, Staff staff) {
        StaffTask task = notTakenByAnother(offered(taskKey, staff), staff);
        String schema = schemaOf(task);
        if (schema == null) {
            throw new TaskRefused(
                    422,
                    "Task " + taskKey + " has no form this application deployed (" + task.formId()
                            + "): deploy bpmn/ and forms/ from the application");
        }
        FormCheck.Result checked = new FormCheck(read(schema))
                .check(
                        submitted == null ? Map.of() : submitted,
                        read(store.variables(taskKey).orElse("{}")));
        if (!checked.accepted()) {
            throw new TaskRefused(
                    422,
                    "The form was not accepted: "
                            + checked.refusals().stream()
                                    .map(r -> r.label() + " " + r.reason())
                                    .collect(Collectors.joining("; ")),
                    checked.refusals());
        }
        try {
            engine.complete(taskKey, checked.variables());
        } catch (TaskEngine.Gone e) {
            store.remove(taskKey);
            throw new TaskRefused(409, "Task " + taskKey + " is already completed, or its case went on without it");
        } catch (RuntimeException e) {
            throw technical(e);
        }
        store.remove(taskKey);
    }

    private static RuntimeException technical(RuntimeException e) {
        if (Faults.isTechnical(e)) {
            return new TaskRefused(
                    503,
                    "The engine could not be reached; nothing was completed. Try again shortly (" + Faults.describe(e)
                            + ")");
        }
        return e;
    }

    private StaffTask assign(long taskKey, Staff staff, boolean take) {
        StaffTask task = notTakenByAnother(offered(taskKey, staff), staff);
        if (!store.assign(taskKey, staff.username(), take)) {
            // someone else took it in the meantime
            notTakenByAnother(offered(taskKey, staff), staff);
        }
        return offered(task.taskKey(), staff);
    }

    /** The task's linked form (JSON), if this application deployed it. */
    private String schemaOf(StaffTask task) {
        return task.formId() == null ? null : models.formSchema(task.formId()).orElse(null);
    }

    /** A task someone else took is theirs until they give it back (409 naming them). */
    private static StaffTask notTakenByAnother(StaffTask task, Staff staff) {
        if (task.assignee() != null && !task.assignee().equals(staff.username())) {
            throw new TaskRefused(409, "Task " + task.taskKey() + " is assigned to " + task.assignee());
        }
        return task;
    }

    private StaffTask offered(long taskKey, Staff staff) {
        StaffTask task = store.find(taskKey)
                .orElseThrow(() -> new TaskRefused(
                        404, "No open task " + taskKey + " (completed, or its case went on without it)"));
        if (!staff.mayWork(task)) {
            throw new TaskRefused(
                    403,
                    "Task " + taskKey + " is offered to " + String.join(", ", task.candidateGroups())
                            + "; your roles are "
                            + staff.roles().stream().map(StaffRole::group).toList());
        }
        return task;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the task queue: " + e.getOriginalMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
