package sale.itmall.assurance.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sale.itmall.assurance.process.StaffRole;

/**
 * The staff task queue for integrations and tests (session or HTTP Basic): list the tasks offered to one's roles,
 * read one with its form, take or give back a task, complete it with its form's fields. Refusals are problem details
 * ({@link TaskRefused}).
 */
@RestController
@RequestMapping("/api/staff/tasks")
@Tag(name = "Staff tasks", description = "The portal's task queue (demo engine; on a Camunda cluster use Tasklist)")
class StaffTasksApi {

    private final TaskQueue queue;

    StaffTasksApi(TaskQueue queue) {
        this.queue = queue;
    }

    /** A task as the API lists it. */
    record TaskSummary(
            long taskKey,
            String caseReference,
            String elementId,
            String name,
            List<String> candidateGroups,
            String formId,
            Instant dueAt,
            String assignee) {
        static TaskSummary of(StaffTask t) {
            return new TaskSummary(
                    t.taskKey(),
                    t.caseReference(),
                    t.elementId(),
                    t.name(),
                    t.candidateGroups(),
                    t.formId(),
                    t.dueAt(),
                    t.assignee());
        }
    }

    /** A task with its form's schema and the task's variables, as form-js takes them. */
    record TaskWithForm(TaskSummary task, String customerName, String asset, JsonNode form, JsonNode variables) {}

    /** The completion: the form's field values. */
    record Completion(Map<String, Object> variables) {}

    @GetMapping
    @Operation(
            summary = "Open tasks offered to your roles, soonest due first; role: a candidate group such as"
                    + " tac-engineers; caseReference: one case's tasks")
    List<TaskSummary> list(
            Authentication auth,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String caseReference) {
        StaffRole only = null;
        if (role != null && !role.isBlank()) {
            only = StaffRole.ofGroup(role)
                    .orElseThrow(() -> new TaskRefused(400, "'" + role + "' is no staff role's group"));
        }
        return queue.offeredTo(Staff.of(auth), only, caseReference).stream()
                .map(TaskSummary::of)
                .toList();
    }

    @GetMapping("/{taskKey}")
    @Operation(summary = "One task with its linked form (Camunda Form JSON) and its variables")
    TaskWithForm task(Authentication auth, @PathVariable long taskKey) {
        TaskQueue.OpenTask open = queue.open(taskKey, Staff.of(auth));
        return new TaskWithForm(
                TaskSummary.of(open.task()),
                open.task().customerName(),
                open.task().asset(),
                open.form(),
                open.variables());
    }

    @PostMapping("/{taskKey}/assignment")
    @Operation(summary = "Take the task (assign it to yourself)")
    TaskSummary claim(Authentication auth, @PathVariable long taskKey) {
        return TaskSummary.of(queue.claim(taskKey, Staff.of(auth)));
    }

    @DeleteMapping("/{taskKey}/assignee")
    @Operation(summary = "Give the task back to the queue")
    TaskSummary unclaim(Authentication auth, @PathVariable long taskKey) {
        return TaskSummary.of(queue.unclaim(taskKey, Staff.of(auth)));
    }

    @PostMapping("/{taskKey}/completion")
    @Operation(
            summary = "Complete the task with its form's fields: 204; 422 names each refused field, 409 when it is"
                    + " already completed or someone else's")
    ResponseEntity<Void> complete(
            Authentication auth, @PathVariable long taskKey, @RequestBody(required = false) Completion completion) {
        queue.complete(taskKey, completion == null ? Map.of() : completion.variables(), Staff.of(auth));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(TaskRefused.class)
    ProblemDetail refused(TaskRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setType(URI.create("about:blank"));
        if (!e.fields().isEmpty()) {
            problem.setProperty("fields", e.fields());
        }
        return problem;
    }
}
