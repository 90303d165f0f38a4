package sale.itmall.assurance.returns;

import java.time.Instant;

/** One entry of a case's audit trail: what was decided, by whom, when, under which policy revision. */
public record AuditEvent(String type, String actor, String detail, String policyRevision, Instant occurredAt) {}
