package sale.itmall.assurance.returns;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit trail of a case: every decision with who made it, when, and under which policy revision.
 * The table refuses updates and deletes; {@code dedupKey} makes a redelivered job's record land once.
 */
@Repository
class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(CaseRecord c, String eventType, String actor, String detail, Instant at) {
        record(c, eventType, eventType, actor, detail, at);
    }

    /** Records an event; {@code step} distinguishes events of one type that may happen more than once in a case. */
    void record(CaseRecord c, String eventType, String step, String actor, String detail, Instant at) {
        jdbc.sql(
                        """
        insert into audit_events (case_id, event_type, actor, detail, policy_revision, dedup_key, occurred_at)
        values (?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing""")
                .params(
                        c.id().value(),
                        eventType,
                        actor,
                        detail,
                        c.policyRevision(),
                        c.reference() + ":" + step,
                        CaseStore.ts(at))
                .update();
    }

    List<AuditEvent> events(CaseId caseId) {
        return jdbc.sql(
                        """
        select event_type, actor, detail, policy_revision, occurred_at from audit_events
         where case_id = ? order by id""")
                .param(caseId.value())
                .query((rs, n) -> new AuditEvent(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), CaseStore.instant(rs, 5)))
                .list();
    }
}
