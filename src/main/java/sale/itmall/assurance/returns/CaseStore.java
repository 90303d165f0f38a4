package sale.itmall.assurance.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.EntitlementStatus;

/**
 * SQL for return cases and what hangs off them. Every insert a job worker causes is "insert … on conflict do nothing"
 * against a unique constraint, so that a redelivered job writes nothing twice.
 */
@Repository
class CaseStore {

    private static final String CASE_SELECT =
            """
      select c.id, c.reference, r.reference as request_reference, c.status, c.policy_revision, c.fault_description,
             c.process_instance_key, cu.id as customer_id, cu.customer_number, cu.name as customer_name,
             cu.email as customer_email, cu.account_status, cu.payment_method_on_file,
             a.id as asset_id, a.serial_number, a.model, a.category, a.shipped_on, a.coverage_start,
             a.warranty_ends_override, a.unit_price, a.currency, a.manufacturer_plan, a.manufacturer_name,
             c.entitlement, c.warranty_ends_on, c.diagnosis_due_at, c.advance_replacement, c.rma_number,
             c.rma_authorized_at, c.return_due_at, c.compliance_limit_at, c.received_at, c.outcome,
             c.new_warranty_ends_on, c.closed_at, c.created_at, c.policy_terms::text as policy_terms,
             c.policy_decision_key, c.policy_decision_version, c.maintenance_ends_on
        from return_cases c
        join return_requests r on r.id = c.request_id
        join assets a on a.id = c.asset_id
        join customers cu on cu.id = r.customer_id
      """;

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseRecord> findByReference(String reference) {
        return jdbc.sql(CASE_SELECT + " where c.reference = ?")
                .param(reference)
                .query((rs, n) -> mapCase(rs))
                .optional();
    }

    Optional<CaseRecord> findByRmaNumber(String rmaNumber) {
        return jdbc.sql(CASE_SELECT + " where c.rma_number = ?")
                .param(rmaNumber)
                .query((rs, n) -> mapCase(rs))
                .optional();
    }

    List<CaseRecord> findByRequest(String requestReference) {
        return jdbc.sql(CASE_SELECT + " where r.reference = ? order by c.id")
                .param(requestReference)
                .query((rs, n) -> mapCase(rs))
                .list();
    }

    CaseRecord require(String reference) {
        return findByReference(reference).orElseThrow(() -> new CaseNotFound(reference));
    }

    /** A case of this customer's; another customer's case reads as not found, like one that does not exist. */
    CaseRecord requireOwned(String reference, CustomerId customer) {
        return findByReference(reference)
                .filter(c -> c.customerId().equals(customer))
                .orElseThrow(() -> new CaseNotFound(reference));
    }

    // ---- writes on the case row -------------------------------------------------------------------------------------

    /**
     * Keeps the terms a case evaluated when it started, with the decision version and the instance that evaluated them;
     * a redelivered job finds them already kept and leaves them (answers whether this call kept them).
     */
    boolean keepTerms(
            CaseId caseId,
            String termsJson,
            String revision,
            long decisionKey,
            int decisionVersion,
            long processInstanceKey) {
        return jdbc.sql(
                                """
        update return_cases set policy_terms = ?::jsonb, policy_revision = ?, policy_decision_key = ?,
               policy_decision_version = ?, process_instance_key = coalesce(process_instance_key, ?), updated_at = now()
         where id = ? and policy_terms is null""")
                        .params(termsJson, revision, decisionKey, decisionVersion, processInstanceKey, caseId.value())
                        .update()
                == 1;
    }

    void recordEntitlement(
            CaseId caseId,
            EntitlementStatus status,
            LocalDate warrantyEnd,
            LocalDate maintenanceEnd,
            Instant diagnosisDueAt,
            CaseStatus caseStatus) {
        jdbc.sql(
                        """
        update return_cases set entitlement = ?, warranty_ends_on = ?, maintenance_ends_on = ?,
               diagnosis_due_at = coalesce(diagnosis_due_at, ?), status = ?, updated_at = now()
         where id = ?""")
                .params(
                        status.name(),
                        warrantyEnd,
                        maintenanceEnd,
                        ts(diagnosisDueAt),
                        caseStatus.name(),
                        caseId.value())
                .update();
    }

    /** Sets the escalation time once; answers whether this call set it. */
    boolean markDiagnosisEscalated(CaseId caseId, Instant at) {
        return jdbc.sql("update return_cases set diagnosis_escalated_at = ?, updated_at = now() "
                                + "where id = ? and diagnosis_escalated_at is null")
                        .params(ts(at), caseId.value())
                        .update()
                == 1;
    }

    /** The diagnosis due date moved on (the SLA stood still while the customer had TAC's question). */
    void setDiagnosisDueAt(CaseId caseId, Instant dueAt) {
        jdbc.sql("update return_cases set diagnosis_due_at = ?, updated_at = now() where id = ?")
                .params(ts(dueAt), caseId.value())
                .update();
    }

    void setStatus(CaseId caseId, CaseStatus status) {
        jdbc.sql("update return_cases set status = ?, updated_at = now() where id = ? and closed_at is null")
                .params(status.name(), caseId.value())
                .update();
    }

    void setAdvanceReplacement(CaseId caseId, boolean advance) {
        jdbc.sql("update return_cases set advance_replacement = ?, updated_at = now() where id = ?")
                .params(advance, caseId.value())
                .update();
    }

    /** Issues the RMA once: a redelivered job keeps the first number and dates. */
    void authorizeRma(
            CaseId caseId, String rmaNumber, Instant authorizedAt, Instant returnDueAt, Instant complianceLimitAt) {
        jdbc.sql(
                        """
        update return_cases set rma_number = ?, rma_authorized_at = ?, return_due_at = ?, compliance_limit_at = ?,
               status = 'AWAITING_RETURN', updated_at = now()
         where id = ? and rma_number is null""")
                .params(rmaNumber, ts(authorizedAt), ts(returnDueAt), ts(complianceLimitAt), caseId.value())
                .update();
    }

    boolean markOverdueNotice(CaseId caseId, Instant at) {
        return jdbc.sql("update return_cases set overdue_notice_at = ?, updated_at = now() "
                                + "where id = ? and overdue_notice_at is null")
                        .params(ts(at), caseId.value())
                        .update()
                == 1;
    }

    void recordReceipt(CaseId caseId, Instant receivedAt, String receiptId) {
        jdbc.sql(
                        """
        update return_cases set received_at = coalesce(received_at, ?), receipt_id = coalesce(receipt_id, ?),
               status = 'RECEIVED', updated_at = now()
         where id = ?""")
                .params(ts(receivedAt), receiptId, caseId.value())
                .update();
    }

    /** Keeps the receipt of a unit whose case is already closed, once; the case keeps its status and outcome. */
    boolean recordReceiptAfterClose(CaseId caseId, Instant receivedAt, String receiptId) {
        return jdbc.sql(
                                """
                update return_cases set received_at = ?, receipt_id = ?, received_late = true, updated_at = now()
                 where id = ? and closed_at is not null and received_at is null""")
                        .params(ts(receivedAt), receiptId, caseId.value())
                        .update()
                == 1;
    }

    /** Records staff's decision on a unit received after its case closed, once; answers whether this call did. */
    boolean recordLateUnitDecision(CaseId caseId, String decision, String decidedBy, Instant at) {
        return jdbc.sql(
                                """
        update return_cases set late_unit_decision = ?, late_unit_decided_by = ?, late_unit_decided_at = ?,
               updated_at = now()
         where id = ? and received_late and late_unit_decision is null""")
                        .params(decision, decidedBy, ts(at), caseId.value())
                        .update()
                == 1;
    }

    /** The decision staff took on the case's late unit, once taken. */
    Optional<String> lateUnitDecision(CaseId caseId) {
        return jdbc.sql("select late_unit_decision from return_cases where id = ?")
                .param(caseId.value())
                .query(String.class)
                .optional();
    }

    /** Opens a closed case again for the inspection of its late unit (its first outcome stays in the audit trail). */
    void reopenForInspection(CaseId caseId) {
        jdbc.sql(
                        """
        update return_cases set closed_at = null, outcome = null, status = 'RECEIVED', updated_at = now()
         where id = ? and received_late and closed_at is not null""")
                .param(caseId.value())
                .update();
    }

    void setNewWarrantyEnd(CaseId caseId, LocalDate end) {
        jdbc.sql("update return_cases set new_warranty_ends_on = ?, updated_at = now() where id = ?")
                .params(end, caseId.value())
                .update();
    }

    /** Closes the case once; a second close leaves the first outcome. */
    boolean close(CaseId caseId, CaseOutcome outcome, Instant at) {
        return jdbc.sql(
                                """
        update return_cases set outcome = ?, closed_at = ?, status = 'CLOSED', updated_at = now()
         where id = ? and closed_at is null""")
                        .params(outcome.name(), ts(at), caseId.value())
                        .update()
                == 1;
    }

    void setInboundTracking(CaseId caseId, String carrier, String trackingNumber) {
        jdbc.sql("update return_cases set inbound_carrier = ?, inbound_tracking = ?, updated_at = now() where id = ?")
                .params(carrier, trackingNumber, caseId.value())
                .update();
        jdbc.sql("update shipments set carrier = ?, tracking_ref = ? where case_id = ? and direction = 'INBOUND'")
                .params(carrier, trackingNumber, caseId.value())
                .update();
    }

    // ---- mapping ----------------------------------------------------------------------------------------------------

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static CaseRecord mapCase(ResultSet rs) throws SQLException {
        String entitlement = rs.getString("entitlement");
        String outcome = rs.getString("outcome");
        return new CaseRecord(
                new CaseId(rs.getLong("id")),
                rs.getString("reference"),
                rs.getString("request_reference"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("policy_revision"),
                rs.getString("fault_description"),
                rs.getObject("process_instance_key", Long.class),
                new CustomerId(rs.getLong("customer_id")),
                rs.getString("customer_number"),
                rs.getString("customer_name"),
                rs.getString("customer_email"),
                "SUSPENDED".equals(rs.getString("account_status")),
                rs.getBoolean("payment_method_on_file"),
                new AssetId(rs.getLong("asset_id")),
                rs.getString("serial_number"),
                rs.getString("model"),
                AssetCategory.valueOf(rs.getString("category")),
                rs.getObject("shipped_on", LocalDate.class),
                rs.getObject("coverage_start", LocalDate.class),
                rs.getObject("warranty_ends_override", LocalDate.class),
                rs.getBigDecimal("unit_price"),
                rs.getString("currency"),
                rs.getBoolean("manufacturer_plan"),
                rs.getString("manufacturer_name"),
                entitlement == null ? null : EntitlementStatus.valueOf(entitlement),
                rs.getObject("warranty_ends_on", LocalDate.class),
                instant(rs, "diagnosis_due_at"),
                rs.getBoolean("advance_replacement"),
                rs.getString("rma_number"),
                instant(rs, "rma_authorized_at"),
                instant(rs, "return_due_at"),
                instant(rs, "compliance_limit_at"),
                instant(rs, "received_at"),
                outcome == null ? null : CaseOutcome.valueOf(outcome),
                rs.getObject("new_warranty_ends_on", LocalDate.class),
                instant(rs, "closed_at"),
                instant(rs, "created_at"),
                rs.getString("policy_terms"),
                rs.getObject("policy_decision_key", Long.class),
                rs.getObject("policy_decision_version", Integer.class),
                rs.getObject("maintenance_ends_on", LocalDate.class));
    }
}
