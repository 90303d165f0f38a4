package sale.itmall.assurance.tasks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The open tasks (table {@code staff_tasks}, this module's own). */
@Repository
class TaskStore {

    private static final String COLUMNS =
            "task_key, process_instance_key, bpmn_process_id, element_id, name, candidate_groups, form_id, due_at,"
                    + " assignee, case_ref, customer_name, asset, created_at";

    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a task the engine handed out; a task handed out again (its job timed out, another app instance took it)
     * stays one row, with its assignee, and is marked as seen now. True when it is new.
     */
    boolean record(StaffTask task, String variablesJson, Instant seenAt) {
        return jdbc.sql(
                        """
                        insert into staff_tasks (task_key, process_instance_key, bpmn_process_id, element_id, name,
                            candidate_groups, form_id, due_at, assignee, case_ref, customer_name, asset, variables,
                            created_at, seen_at)
                        values (:key, :instance, :process, :element, :name, :groups, :form, :due, :assignee, :caseRef,
                            :customer, :asset, cast(:variables as jsonb), :created, :seen)
                        on conflict (task_key) do update set seen_at = excluded.seen_at, variables = excluded.variables
                        returning (xmax = 0)
                        """)
                .param("key", task.taskKey())
                .param("instance", task.processInstanceKey())
                .param("process", task.bpmnProcessId())
                .param("element", task.elementId())
                .param("name", task.name())
                .param("groups", task.candidateGroups().toArray(String[]::new))
                .param("form", task.formId())
                .param("due", timestamp(task.dueAt()))
                .param("assignee", task.assignee())
                .param("caseRef", task.caseReference())
                .param("customer", task.customerName())
                .param("asset", task.asset())
                .param("variables", variablesJson)
                .param("created", timestamp(task.createdAt()))
                .param("seen", timestamp(seenAt))
                .query(Boolean.class)
                .single();
    }

    /** Open tasks offered to any of these groups (all when null), soonest due first, then oldest. */
    List<StaffTask> offeredTo(Collection<String> groups, String caseRef) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from staff_tasks
                        where (cast(:groups as text[]) is null or candidate_groups && cast(:groups as text[]))
                          and (cast(:caseRef as text) is null or case_ref = :caseRef)
                        order by due_at nulls last, created_at, task_key
                        limit 500
                        """)
                .param("groups", groups == null ? null : groups.toArray(String[]::new))
                .param("caseRef", caseRef)
                .query((rs, row) -> task(rs))
                .list();
    }

    Optional<StaffTask> find(long key) {
        return jdbc.sql("select " + COLUMNS + " from staff_tasks where task_key = :key")
                .param("key", key)
                .query((rs, row) -> task(rs))
                .optional();
    }

    Optional<String> variables(long key) {
        return jdbc.sql("select variables::text from staff_tasks where task_key = :key")
                .param("key", key)
                .query(String.class)
                .optional();
    }

    /**
     * Sets ({@code take}) or clears the assignee, only while nobody else has the task: two people taking it at once
     * leave it with one of them. False when it is gone or someone else's.
     */
    boolean assign(long key, String user, boolean take) {
        return jdbc.sql("update staff_tasks set assignee = :assignee where task_key = :key"
                                + " and (assignee is null or assignee = :user)")
                        .param("assignee", take ? user : null)
                        .param("user", user)
                        .param("key", key)
                        .update()
                > 0;
    }

    void remove(long key) {
        jdbc.sql("delete from staff_tasks where task_key = :key")
                .param("key", key)
                .update();
    }

    int removeOfCase(String caseRef) {
        return jdbc.sql("delete from staff_tasks where case_ref = :caseRef")
                .param("caseRef", caseRef)
                .update();
    }

    /** Removes the tasks whose job the engine has not handed out since then: it no longer has them. */
    int removeUnseenSince(Instant since) {
        return jdbc.sql("delete from staff_tasks where seen_at < :since")
                .param("since", timestamp(since))
                .update();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static StaffTask task(ResultSet rs) throws SQLException {
        Array groups = rs.getArray("candidate_groups");
        return new StaffTask(
                rs.getLong("task_key"),
                rs.getLong("process_instance_key"),
                rs.getString("bpmn_process_id"),
                rs.getString("element_id"),
                rs.getString("name"),
                Arrays.asList((String[]) groups.getArray()),
                rs.getString("form_id"),
                instant(rs, "due_at"),
                rs.getString("assignee"),
                rs.getString("case_ref"),
                rs.getString("customer_name"),
                rs.getString("asset"),
                instant(rs, "created_at"));
    }
}
