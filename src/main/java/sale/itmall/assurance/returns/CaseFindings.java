package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.RepairQuote;

/**
 * What hangs off a case and is written once per case (unique constraints, "insert … on conflict do nothing"): the
 * diagnosis, the paid repair quote and its answer, the RMA decision, the inspection, charges and shipments.
 */
@Repository
class CaseFindings {

    private final JdbcClient jdbc;

    CaseFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
                .params(
                        caseId.value(),
                        quote.amount(),
                        quote.currency(),
                        CaseStore.ts(quote.validUntil()),
                        offeredBy,
                        CaseStore.ts(at))
                .update();
    }

    Optional<QuoteRow> repairQuote(CaseId caseId) {
        return jdbc.sql(
                        """
        select amount, currency, valid_until, offered_by, offered_at, answer, answered_by, answered_at
          from repair_quotes where case_id = ?""")
                .param(caseId.value())
                .query((rs, n) -> new QuoteRow(
                        new RepairQuote(rs.getBigDecimal(1), rs.getString(2), CaseStore.instant(rs, 3)),
                        rs.getString(4),
                        CaseStore.instant(rs, 5),
                        rs.getString(6) == null ? null : RepairQuote.Answer.valueOf(rs.getString(6)),
                        rs.getString(7),
                        CaseStore.instant(rs, 8)))
                .optional();
    }

    /** Records the answer to an open quote; false when it was answered (or expired) before. */
    boolean answerRepairQuote(CaseId caseId, RepairQuote.Answer answer, String by, Instant at) {
        return jdbc.sql(
                                """
        update repair_quotes set answer = ?, answered_by = ?, answered_at = ?
         where case_id = ? and answer is null""")
                        .params(answer.name(), by, CaseStore.ts(at), caseId.value())
                        .update()
                == 1;
    }

    void insertDiagnosis(CaseId caseId, String outcome, String exclusion, String notes, String by, Instant at) {
        jdbc.sql(
                        """
        insert into diagnoses (case_id, outcome, exclusion_reason, notes, decided_by, decided_at)
        values (?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(caseId.value(), outcome, exclusion, notes, by, CaseStore.ts(at))
                .update();
    }

    void insertRmaDecision(CaseId caseId, boolean approved, String notes, String by, Instant at) {
        jdbc.sql(
                        """
        insert into rma_decisions (case_id, approved, notes, decided_by, decided_at)
        values (?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(caseId.value(), approved, notes, by, CaseStore.ts(at))
                .update();
    }

    void insertInspection(
            CaseId caseId, String finding, String resolution, String exclusion, String notes, String by, Instant at) {
        jdbc.sql(
                        """
        insert into inspections (case_id, finding, resolution, exclusion_reason, notes, inspected_by, inspected_at)
        values (?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(caseId.value(), finding, resolution, exclusion, notes, by, CaseStore.ts(at))
                .update();
    }

    Optional<InspectionRow> findInspection(CaseId caseId) {
        return jdbc.sql("select finding, resolution, exclusion_reason, inspected_at from inspections where case_id = ?")
                .param(caseId.value())
                .query((rs, n) ->
                        new InspectionRow(rs.getString(1), rs.getString(2), rs.getString(3), CaseStore.instant(rs, 4)))
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
                .params(
                        caseId.value(),
                        customerId.value(),
                        reason.name(),
                        amount,
                        currency,
                        status.name(),
                        CaseStore.ts(at))
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
                        CaseStore.ts(at))
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
}
