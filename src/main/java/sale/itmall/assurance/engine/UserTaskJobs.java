package sale.itmall.assurance.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.shared.Faults;
import sale.itmall.assurance.tasks.DeployedModels;
import sale.itmall.assurance.tasks.StaffTask;
import sale.itmall.assurance.tasks.TaskQueue;
import sale.itmall.assurance.tasks.UserTasks;

/**
 * Takes the user tasks the engine hands out as jobs into the queue. The job is not completed here: it stays with the
 * engine until a staff member completes the task. It is handed out again each {@link UserTasks#JOB_TIMEOUT}, which
 * keeps the queue true: a task the app did not record before it died comes back, and a task the engine no longer has
 * (its case went on, e.g. by a timer or a cancellation) stops coming back and leaves the queue.
 */
@Component
@ConditionalOnProperty(name = UserTasks.PROPERTY, havingValue = "portal")
public class UserTaskJobs {

    static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
    static final String FORM_KEY = "io.camunda.zeebe:formKey";
    static final String DUE_DATE = "io.camunda.zeebe:dueDate";
    static final String ASSIGNEE = "io.camunda.zeebe:assignee";

    private static final Logger LOG = LoggerFactory.getLogger(UserTaskJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TECHNICAL_BACKOFF = Duration.ofSeconds(5);

    private final TaskQueue queue;
    private final DeployedModels models;
    private final Clock clock;

    UserTaskJobs(TaskQueue queue, DeployedModels models, Clock clock) {
        this.queue = queue;
        this.models = models;
        this.clock = clock;
    }

    @JobWorker(
            type = UserTasks.JOB_TYPE,
            autoComplete = false,
            timeout = UserTasks.JOB_TIMEOUT_MILLIS,
            fetchAllVariables = true)
    public void taskCreated(JobClient client, ActivatedJob job) {
        try {
            StaffTask task = taskOf(job);
            // seen on the wall clock: it tells whether the engine still hands the job out, not a business date
            if (queue.record(task, job.getVariables(), Instant.now())) {
                LOG.debug("Task {} ({}) of case {} is in the queue", task.taskKey(), task.name(), task.caseReference());
            }
        } catch (IllegalArgumentException e) {
            // a model the queue cannot offer to anyone: an incident that says what to correct
            client.newFailCommand(job)
                    .retries(0)
                    .errorMessage(e.getMessage() + ". Correct the user task in bpmn/ and deploy it; then retry")
                    .send()
                    .join();
        } catch (RuntimeException e) {
            if (!Faults.isTechnical(e)) {
                throw e;
            }
            // the database is away: the task comes again shortly, its one retry untouched (no incident)
            client.newFailCommand(job)
                    .retries(Math.max(job.getRetries(), 1))
                    .retryBackoff(TECHNICAL_BACKOFF)
                    .errorMessage("The task queue could not record this task: " + Faults.describe(e))
                    .send()
                    .join();
        }
    }

    private StaffTask taskOf(ActivatedJob job) {
        Map<String, String> headers = job.getCustomHeaders();
        Map<String, Object> variables = job.getVariablesAsMap();
        List<String> groups = candidateGroups(headers.get(CANDIDATE_GROUPS), job.getElementId());
        String formId = headers.containsKey(FORM_KEY)
                ? models.formIdOfKey(Long.parseLong(headers.get(FORM_KEY))).orElse(null)
                : null;
        String model = text(variables.get("assetModel"));
        String serial = text(variables.get("serialNumber"));
        return new StaffTask(
                job.getKey(),
                job.getProcessInstanceKey(),
                job.getBpmnProcessId(),
                job.getElementId(),
                models.taskName(job.getBpmnProcessId(), job.getElementId()),
                groups,
                formId,
                dueAt(headers.get(DUE_DATE), job.getElementId()),
                headers.get(ASSIGNEE),
                text(variables.get("caseRef")),
                text(variables.get("customerName")),
                serial == null ? null : (model == null ? "" : model + ", ") + "serial " + serial,
                clock.instant());
    }

    /**
     * The due date header: an ISO date and time as the model's FEEL expression gave it, which leaves out the seconds
     * on a whole minute ({@code 2027-07-20T19:03Z}) and may name a zone ({@code …+01:00[Europe/Berlin]}).
     */
    static Instant dueAt(String header, String elementId) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header, DateTimeFormatter.ISO_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "User task " + elementId + " has the due date '" + header + "', which is no date and time", e);
        }
    }

    /** The candidate groups header, a JSON list such as {@code ["tac-engineers"]}; each must be a staff role. */
    static List<String> candidateGroups(String header, String elementId) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("User task " + elementId + " has no candidate group, so no staff role"
                    + " would see it in the queue");
        }
        try {
            List<String> groups = Arrays.asList(JSON.readValue(header, String[].class));
            for (String g : groups) {
                if (StaffRole.ofGroup(g).isEmpty()) {
                    throw new IllegalArgumentException("User task " + elementId + " names the candidate group '" + g
                            + "', which is no staff role ("
                            + Arrays.stream(StaffRole.values())
                                    .map(StaffRole::group)
                                    .toList() + ")");
                }
            }
            return groups.stream()
                    .map(g -> StaffRole.ofGroup(g).orElseThrow().group())
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "User task " + elementId + " has candidate groups the queue cannot read: " + header, e);
        }
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
