package sale.itmall.assurance.tasks;

import java.time.Instant;
import java.util.List;

/**
 * An open user task as the queue lists it: the job's key is the task's key.
 *
 * @param candidateGroups the staff roles' groups it is offered to (process/StaffRole)
 * @param formId the linked Camunda Form of forms/, if any
 * @param dueAt when it is due, if the model schedules it
 * @param assignee the staff member who took it, if any
 */
public record StaffTask(
        long taskKey,
        long processInstanceKey,
        String bpmnProcessId,
        String elementId,
        String name,
        List<String> candidateGroups,
        String formId,
        Instant dueAt,
        String assignee,
        String caseReference,
        String customerName,
        String asset,
        Instant createdAt) {}
