package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.EntitlementStatus;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.RepairQuote;

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

    /** A request with its cases, in the order they were submitted. */
    RequestRecord requireRequest(String requestRef) {
        return jdbc.sql(
                        """
        select r.id, r.reference, cu.id, cu.customer_number, cu.name, cu.email, r.process_instance_key
          from return_requests r join customers cu on cu.id = r.customer_id where r.reference = ?""")
                .param(requestRef)
                .query((rs, n) -> new RequestRecord(
                        new RequestId(rs.getLong(1)),
                        rs.getString(2),
                        new CustomerId(rs.getLong(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, Long.class),
                        findByRequest(requestRef)))
                .optional()
                .orElseThrow(() -> new CaseNotFound(requestRef));
    }

    /**
     * Binds a request to the one process instance that runs it: the first instance to claim it wins, and a second one
     * (started again after a crash between starting and recording) is told it is not the request's.
     */
    boolean bindRequestInstance(RequestId requestId, long processInstanceKey) {
        return jdbc.sql(
                                """
                update return_requests set process_instance_key = ?
                 where id = ? and (process_instance_key is null or process_instance_key = ?)""")
                        .params(processInstanceKey, requestId.value(), processInstanceKey)
                        .update()
                == 1;
    }

    // ---- writes on the case row -------------------------------------------------------------------------------------

    void setProcessInstance(CaseId caseId, long processInstanceKey) {
        jdbc.sql("update return_cases set process_instance_key = ?, updated_at = now() where id = ?")
                .params(processInstanceKey, caseId.value())
                .update();
    }

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

    // ---- paid repair quotes -----------------------------------------------------------------------------------------

    /** A case's paid repair quote and the customer's answer (null while open). */
    record QuoteRow(
            RepairQuote quote,
            String offeredBy,
            Instant offeredAt,
            RepairQuote.Answer answer,
            String answeredBy,
            Instant answeredAt) {}

    /** Keeps the quote TAC offered; a repeated step finds the first one. */
    void insertRepairQuote(CaseId caseId, RepairQuote quote, String offeredBy, Instant at) {
        jdbc.sql(
                        """
        insert into repair_quotes (case_id, amount, currency, valid_until, offered_by, offered_at)
        values (?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(caseId.value(), quote.amount(), quote.currency(), ts(quote.validUntil()), offeredBy, ts(at))
                .update();
    }

    Optional<QuoteRow> repairQuote(CaseId caseId) {
        return jdbc.sql(
                        """
        select amount, currency, valid_until, offered_by, offered_at, answer, answered_by, answered_at
          from repair_quotes where case_id = ?""")
                .param(caseId.value())
                .query((rs, n) -> new QuoteRow(
                        new RepairQuote(rs.getBigDecimal(1), rs.getString(2), instant(rs, 3)),
                        rs.getString(4),
                        instant(rs, 5),
                        rs.getString(6) == null ? null : RepairQuote.Answer.valueOf(rs.getString(6)),
                        rs.getString(7),
                        instant(rs, 8)))
                .optional();
    }

    /** Records the answer to an open quote; false when it was answered (or expired) before. */
    boolean answerRepairQuote(CaseId caseId, RepairQuote.Answer answer, String by, Instant at) {
        return jdbc.sql(
                                """
        update repair_quotes set answer = ?, answered_by = ?, answered_at = ?
         where case_id = ? and answer is null""")
                        .params(answer.name(), by, ts(at), caseId.value())
                        .update()
                == 1;
    }

    Optional<CustomerId> customerId(String customerNumber) {
        return jdbc.sql("select id from customers where customer_number = ?")
                .param(customerNumber)
                .query(Long.class)
                .optional()
                .map(CustomerId::new);
    }

    /** The latest case whose compliance limit suspended a customer's account that is still suspended. */
    Optional<CaseRecord> lastSuspendingCase(String customerNumber) {
        return jdbc.sql(
                        """
        select c.reference from return_cases c join return_requests r on r.id = c.request_id
          join customers cu on cu.id = r.customer_id
         where cu.customer_number = ? and cu.account_status = 'SUSPENDED' and c.outcome = 'ACCOUNT_SUSPENDED'
         order by c.closed_at desc limit 1""")
                .param(customerNumber)
                .query(String.class)
                .optional()
                .flatMap(this::findByReference);
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

    // ---- records that hang off a case -------------------------------------------------------------------------------

    void insertDiagnosis(CaseId caseId, String outcome, String exclusion, String notes, String by, Instant at) {
        jdbc.sql(
                        """
        insert into diagnoses (case_id, outcome, exclusion_reason, notes, decided_by, decided_at)
        values (?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(caseId.value(), outcome, exclusion, notes, by, ts(at))
                .update();
    }

    void insertRmaDecision(CaseId caseId, boolean approved, String notes, String by, Instant at) {
        jdbc.sql(
                        """
        insert into rma_decisions (case_id, approved, notes, decided_by, decided_at)
        values (?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(caseId.value(), approved, notes, by, ts(at))
                .update();
    }

    void insertInspection(
            CaseId caseId, String finding, String resolution, String exclusion, String notes, String by, Instant at) {
        jdbc.sql(
                        """
        insert into inspections (case_id, finding, resolution, exclusion_reason, notes, inspected_by, inspected_at)
        values (?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(caseId.value(), finding, resolution, exclusion, notes, by, ts(at))
                .update();
    }

    Optional<InspectionRow> findInspection(CaseId caseId) {
        return jdbc.sql("select finding, resolution, exclusion_reason, inspected_at from inspections where case_id = ?")
                .param(caseId.value())
                .query((rs, n) -> new InspectionRow(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)))
                .optional();
    }

    record InspectionRow(String finding, String resolution, String exclusionReason, Instant inspectedAt) {}

    /** Records a charge once per case and reason; answers the stored charge (the first attempt's status stands). */
    ChargeRow charge(
            CaseId caseId,
            CustomerId customerId,
            ChargeReason reason,
            BigDecimal amount,
            String currency,
            ChargeStatus status,
            Instant at) {
        int inserted = jdbc.sql(
                        """
        insert into charges (case_id, customer_id, reason, amount, currency, status, created_at)
        values (?, ?, ?, ?, ?, ?, ?) on conflict (case_id, reason) do nothing""")
                .params(caseId.value(), customerId.value(), reason.name(), amount, currency, status.name(), ts(at))
                .update();
        return jdbc.sql("select reason, amount, currency, status from charges where case_id = ? and reason = ?")
                .params(caseId.value(), reason.name())
                .query((rs, n) -> new ChargeRow(
                        ChargeReason.valueOf(rs.getString(1)),
                        rs.getBigDecimal(2),
                        rs.getString(3),
                        ChargeStatus.valueOf(rs.getString(4)),
                        inserted == 1))
                .single();
    }

    /** A charge; {@code created} tells whether the call that answered it wrote it (false for a repeated step). */
    record ChargeRow(ChargeReason reason, BigDecimal amount, String currency, ChargeStatus status, boolean created) {}

    List<ChargeRow> charges(CaseId caseId) {
        return jdbc.sql("select reason, amount, currency, status from charges where case_id = ? order by id")
                .param(caseId.value())
                .query((rs, n) -> new ChargeRow(
                        ChargeReason.valueOf(rs.getString(1)),
                        rs.getBigDecimal(2),
                        rs.getString(3),
                        ChargeStatus.valueOf(rs.getString(4)),
                        false))
                .list();
    }

    void insertShipment(CaseId caseId, FreightLeg leg, AssetId assetId, Instant at) {
        jdbc.sql(
                        """
        insert into shipments (case_id, direction, purpose, payer, asset_id, created_at)
        values (?, ?, ?, ?, ?, ?) on conflict (case_id, direction, purpose) do nothing""")
                .params(
                        caseId.value(),
                        leg.direction().name(),
                        leg.purpose().name(),
                        leg.payer().name(),
                        assetId == null ? null : assetId.value(),
                        ts(at))
                .update();
    }

    List<FreightLeg> shipments(CaseId caseId) {
        return jdbc.sql("select direction, purpose, payer from shipments where case_id = ? order by id")
                .param(caseId.value())
                .query((rs, n) -> new FreightLeg(
                        FreightLeg.Direction.valueOf(rs.getString(1)),
                        FreightLeg.Purpose.valueOf(rs.getString(2)),
                        FreightLeg.Payer.valueOf(rs.getString(3))))
                .list();
    }

    /** Issues a replacement unit once per case: a new asset row plus the replacement record; answers its serial. */
    ReplacementRow issueReplacement(CaseRecord c, ReplacementKind kind, LocalDate warrantyEnd, Instant at) {
        Optional<ReplacementRow> existing = findReplacement(c.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        String serial = c.serialNumber() + "-R" + c.id().value();
        long replacementId = jdbc.sql(
                        """
        insert into assets (serial_number, model, category, order_id, customer_id, shipped_on, coverage_start,
                            warranty_ends_override, unit_price, currency, manufacturer_plan, replaces_asset_id)
        select ?, model, category, order_id, customer_id, ?, coverage_start, ?, unit_price, currency, false, id
          from assets where id = ?
        returning id""")
                .params(
                        serial,
                        LocalDate.ofInstant(at, ZoneOffset.UTC),
                        warrantyEnd,
                        c.assetId().value())
                .query(Long.class)
                .single();
        jdbc.sql(
                        """
        insert into replacements (case_id, original_asset_id, replacement_asset_id, kind, warranty_ends_on, issued_at)
        values (?, ?, ?, ?, ?, ?)""")
                .params(c.id().value(), c.assetId().value(), replacementId, kind.name(), warrantyEnd, ts(at))
                .update();
        return new ReplacementRow(new AssetId(replacementId), serial, kind, warrantyEnd, at);
    }

    Optional<ReplacementRow> findReplacement(CaseId caseId) {
        return jdbc.sql(
                        """
        select r.replacement_asset_id, a.serial_number, r.kind, r.warranty_ends_on, r.issued_at
          from replacements r join assets a on a.id = r.replacement_asset_id where r.case_id = ?""")
                .param(caseId.value())
                .query((rs, n) -> new ReplacementRow(
                        new AssetId(rs.getLong(1)),
                        rs.getString(2),
                        ReplacementKind.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class),
                        instant(rs, 5)))
                .optional();
    }

    record ReplacementRow(
            AssetId assetId, String serialNumber, ReplacementKind kind, LocalDate warrantyEndsOn, Instant issuedAt) {

        /** Shipped before the faulty unit came back (§3.1), rather than issued at resolution. */
        public boolean advance() {
            return kind == ReplacementKind.ADVANCE;
        }
    }

    /** Passes ownership of the case's asset to ITMall once. Answers whether this call transferred it. */
    boolean transferOwnership(CaseRecord c, Instant at) {
        int inserted = jdbc.sql(
                        """
        insert into ownership_transfers (asset_id, case_id, from_customer_id, transferred_at)
        values (?, ?, ?, ?) on conflict (asset_id) do nothing""")
                .params(c.assetId().value(), c.id().value(), c.customerId().value(), ts(at))
                .update();
        jdbc.sql("update assets set owner = 'ITMALL' where id = ?")
                .param(c.assetId().value())
                .update();
        return inserted == 1;
    }

    String assetOwner(AssetId assetId) {
        return jdbc.sql("select owner from assets where id = ?")
                .param(assetId.value())
                .query(String.class)
                .single();
    }

    void overrideWarrantyEnd(AssetId assetId, LocalDate end) {
        jdbc.sql("update assets set warranty_ends_override = ? where id = ?")
                .params(end, assetId.value())
                .update();
    }

    void setInboundTracking(CaseId caseId, String carrier, String trackingNumber) {
        jdbc.sql("update return_cases set inbound_carrier = ?, inbound_tracking = ?, updated_at = now() where id = ?")
                .params(carrier, trackingNumber, caseId.value())
                .update();
        jdbc.sql("update shipments set carrier = ?, tracking_ref = ? where case_id = ? and direction = 'INBOUND'")
                .params(carrier, trackingNumber, caseId.value())
                .update();
    }

    /** Suspends the account once; answers whether this call suspended it. */
    boolean suspendAccount(CustomerId customerId, String reason, Instant at) {
        return jdbc.sql(
                                """
        update customers set account_status = 'SUSPENDED', suspended_at = ?, suspension_reason = ?
         where id = ? and account_status <> 'SUSPENDED'""")
                        .params(ts(at), reason, customerId.value())
                        .update()
                == 1;
    }

    /**
     * Reinstates a suspended account once, keeping who, why and what the suspension was; answers whether this call
     * reinstated it.
     */
    boolean reinstateAccount(CustomerId customerId, CaseId caseId, String reason, String by, Instant at) {
        // one statement: of two reinstatements at once, the second finds the account active and keeps nothing
        return jdbc.sql(
                                """
        with reinstated as (
          update customers c set account_status = 'ACTIVE', suspended_at = null, suspension_reason = null
            from customers before
           where c.id = before.id and c.id = ? and c.account_status = 'SUSPENDED'
          returning c.id, before.suspended_at, before.suspension_reason)
        insert into account_reinstatements
               (customer_id, case_id, reason, reinstated_by, suspended_at, suspension_reason, reinstated_at)
        select id, ?, ?, ?, suspended_at, suspension_reason, ? from reinstated""")
                        .params(customerId.value(), caseId == null ? null : caseId.value(), reason, by, ts(at))
                        .update()
                == 1;
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
