-- The portal's staff task queue (demo engine): each open user task the engine handed out as a job of type
-- io.camunda.zeebe:userTask, keyed by the job's key, so a job handed out twice (a timeout, two app instances) is one
-- row. Completed and vanished tasks are deleted.
CREATE TABLE staff_tasks (
    task_key             BIGINT PRIMARY KEY,
    process_instance_key BIGINT      NOT NULL,
    bpmn_process_id      TEXT        NOT NULL,
    element_id           TEXT        NOT NULL,
    name                 TEXT        NOT NULL,
    candidate_groups     TEXT[]      NOT NULL,
    form_id              TEXT,
    due_at               TIMESTAMPTZ,
    assignee             TEXT,
    case_ref             TEXT,
    customer_name        TEXT,
    asset                TEXT,
    variables            JSONB       NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    -- wall time of the last time the engine handed the job out: a task not handed out again for long is gone
    seen_at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_tasks_due ON staff_tasks (due_at NULLS LAST, created_at);
CREATE INDEX staff_tasks_case ON staff_tasks (case_ref);
CREATE INDEX staff_tasks_groups ON staff_tasks USING GIN (candidate_groups);
