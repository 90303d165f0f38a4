package sale.itmall.assurance.tasks;

import java.util.Map;

/** Completes a user task in the engine (the engine module answers it; the queue knows no engine). */
public interface TaskEngine {

    /**
     * Completes the task's job with the form's checked fields, so the task's output mappings apply.
     *
     * @throws Gone when the engine no longer has the task (completed, or its case went on without it)
     */
    void complete(long taskKey, Map<String, Object> variables);

    /** The engine no longer has the task. */
    final class Gone extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Gone(long taskKey, Throwable cause) {
            super("Task " + taskKey + " is no longer in the engine", cause);
        }
    }
}
