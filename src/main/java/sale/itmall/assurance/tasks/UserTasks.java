package sale.itmall.assurance.tasks;

import java.time.Duration;

/**
 * Who works the user tasks of bpmn/ ({@code itmall.engine.user-tasks}).
 *
 * <ul>
 *   <li>{@link #TASKLIST}: Camunda user tasks, as the files in bpmn/ say; staff work them in Tasklist on a Camunda 8.8
 *       cluster (docker-compose.yml, Helm, SaaS);
 *   <li>{@link #PORTAL}: deployed in the job-worker form (the {@code <zeebe:userTask/>} element dropped at
 *       deployment), which the demo engine (Zeebe Process Test) supports: the engine hands each task out as a job of
 *       type {@value #JOB_TYPE}, the portal keeps it in its task queue and completes the job with the form's data.
 * </ul>
 */
public enum UserTasks {
    TASKLIST,
    PORTAL;

    public static final String PROPERTY = "itmall.engine.user-tasks";

    /** The job type under which the engine hands out a user task in the job-worker form. */
    public static final String JOB_TYPE = "io.camunda.zeebe:userTask";

    /** How long the app holds a task's job before the engine hands it out again (5 minutes, in milliseconds). */
    public static final long JOB_TIMEOUT_MILLIS = 300_000L;

    /** {@link #JOB_TIMEOUT_MILLIS} as a duration. */
    public static final Duration JOB_TIMEOUT = Duration.ofMillis(JOB_TIMEOUT_MILLIS);
}
