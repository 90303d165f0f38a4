package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.DiagnosisOutcome;
import sale.itmall.assurance.policy.ExclusionReason;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.Labels;

/**
 * The returns module's reads of returns, for the portal, the API and the staff pages: a customer's returns a page at
 * a time, a case's tracking (steps, deadlines in the reader's zone, proofs, charges, shipments, the paid repair
 * quote, TAC's questions with the customer's answers), the staff case and its audit trail. Every customer query is scoped to the customer: another customer's case
 * or proof reads as "not found".
 */
@Service
public class ReturnsQuery {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final AssetStore assetStore;
    private final CaseFindings caseFindings;
    private final QuestionStore questions;
    private final AuditTrail audit;
    private final Labels labels;
    private final Clock clock;

    ReturnsQuery(
            JdbcClient jdbc,
            CaseStore store,
            AssetStore assetStore,
            CaseFindings caseFindings,
            QuestionStore questions,
            AuditTrail audit,
            Labels labels,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.assetStore = assetStore;
        this.caseFindings = caseFindings;
        this.questions = questions;
        this.audit = audit;
        this.labels = labels;
        this.clock = clock;
    }

    public record ReturnSummary(
            String caseRef,
            String requestRef,
            String serialNumber,
            String model,
            CaseStatus status,
            CaseOutcome outcome,
            String rmaNumber,
            Instant returnDueAt,
            Instant submittedAt) {}

    /** How many returns a page lists unless asked for another size, and the most it lists. */
    public static final int PAGE_SIZE = 50;

    public static final int MAX_PAGE_SIZE = 200;

    /** One page of a list, newest first; whether there is a page after it (no count: a page costs the same at 100k). */
    public record Page<T>(List<T> items, int page, int size, boolean hasNext) {
        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** A page of the customer's returns, newest first (page 0 the newest {@code size}). */
    public Page<ReturnSummary> returns(Customer customer, int page, int size) {
        int pageNo = Math.max(0, page);
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        List<ReturnSummary> rows = jdbc.sql(
                        """
        select c.reference, r.reference, a.serial_number, a.model, c.status, c.outcome, c.rma_number,
               c.return_due_at, c.created_at
          from return_cases c join return_requests r on r.id = c.request_id join assets a on a.id = c.asset_id
         where r.customer_id = ? order by c.id desc limit ? offset ?""")
                .params(customer.id().value(), pageSize + 1, (long) pageNo * pageSize)
                .query((rs, n) -> new ReturnSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        CaseStatus.valueOf(rs.getString(5)),
                        rs.getString(6) == null ? null : CaseOutcome.valueOf(rs.getString(6)),
                        rs.getString(7),
                        CaseStore.instant(rs, 8),
                        CaseStore.instant(rs, 9)))
                .list();
        boolean more = rows.size() > pageSize;
        return new Page<>(more ? rows.subList(0, pageSize) : rows, pageNo, pageSize, more);
    }

    /** A case of this customer's, or not found. */
    public CaseFacts ownCase(Customer customer, String caseRef) {
        return own(customer, caseRef).facts();
    }

    private CaseRecord own(Customer customer, String caseRef) {
        return store.requireOwned(caseRef, customer.id());
    }

    /** Any case, for the staff pages. */
    public CaseFacts staffCase(String caseRef) {
        return store.require(caseRef).facts();
    }

    /** A case's audit trail, oldest first. */
    public List<AuditEvent> auditTrail(String caseRef) {
        return audit.events(store.require(caseRef).id());
    }

    public record Step(String name, String state, Instant at, String detail) {}

    public record Proof(long id, String fileName, String contentType, int sizeBytes) {}

    public record Charge(ChargeReason reason, BigDecimal amount, String currency, ChargeStatus status) {}

    public record Replacement(String serialNumber, ReplacementKind kind, LocalDate warrantyEndsOn) {}

    /**
     * A paid repair quote as its customer sees it; {@code open}: it can still be accepted or declined now. The answer
     * is null while open, EXPIRED once its validity ran out.
     */
    public record Quote(
            BigDecimal amount,
            String currency,
            Instant validUntil,
            RepairQuote.Answer answer,
            Instant answeredAt,
            boolean open) {}

    public record Tracking(
            CaseFacts c,
            List<Step> steps,
            Long daysLeftToReturn,
            String deadlineNote,
            List<Charge> charges,
            List<FreightLeg> shipments,
            Optional<Replacement> replacement,
            List<Proof> proofs,
            String inboundCarrier,
            String inboundTracking,
            boolean cancellable,
            Optional<Quote> repairQuote,
            List<QuestionExchange.Round> questions) {}

    /** A case as its customer follows it, its steps and deadlines worded for {@code reader}. */
    public Tracking tracking(Customer customer, String caseRef, Audience reader) {
        CaseRecord c = own(customer, caseRef);
        record Diagnosed(Instant at, String text) {}
        Optional<Diagnosed> diagnosis = jdbc.sql(
                        "select decided_at, outcome, exclusion_reason from diagnoses where case_id = ?")
                .param(c.id().value())
                .query((rs, n) -> new Diagnosed(
                        CaseStore.instant(rs, 1),
                        labels.of(DiagnosisOutcome.valueOf(rs.getString(2)), reader.language())
                                + (rs.getString(3) == null
                                        ? ""
                                        : " ("
                                                + labels.of(ExclusionReason.valueOf(rs.getString(3)), reader.language())
                                                + ")")))
                .optional();
        Instant diagnosedAt = diagnosis.map(Diagnosed::at).orElse(null);
        String diagnosisText = diagnosis.map(Diagnosed::text).orElse(null);
        Optional<Boolean> approved = jdbc.sql("select approved from rma_decisions where case_id = ?")
                .param(c.id().value())
                .query(Boolean.class)
                .optional();
        boolean closed = c.closed();
        List<Step> steps = List.of(
                new Step(
                        labels.text(reader, "tracking.step.diagnosis"),
                        diagnosedAt != null ? "done" : closed ? "skipped" : "current",
                        diagnosedAt != null ? diagnosedAt : c.createdAt(),
                        diagnosisText != null
                                ? diagnosisText
                                : closed
                                        ? labels.of(c.outcome(), reader.language())
                                        : labels.text(
                                                reader,
                                                c.status() == CaseStatus.AWAITING_CUSTOMER_ANSWER
                                                        ? "tracking.detail.question"
                                                        : "tracking.detail.assessing")),
                new Step(
                        labels.text(reader, "tracking.step.approval"),
                        approved.isPresent()
                                ? "done"
                                : closed ? "skipped" : diagnosedAt != null ? "current" : "pending",
                        c.rmaAuthorizedAt(),
                        approved.map(a -> a
                                        ? labels.text(reader, "tracking.detail.authorized", c.rmaNumber())
                                        : labels.text(reader, "tracking.detail.rejected"))
                                .orElse(
                                        c.status() == CaseStatus.AWAITING_QUOTE_ANSWER
                                                ? labels.text(reader, "tracking.detail.quote")
                                                : null)),
                new Step(
                        labels.text(reader, "tracking.step.return"),
                        c.receivedAt() != null
                                ? "done"
                                : c.rmaNumber() != null && !closed ? "current" : closed ? "skipped" : "pending",
                        c.receivedAt() != null ? c.receivedAt() : c.returnDueAt(),
                        c.receivedAt() != null
                                ? labels.text(reader, "tracking.detail.received")
                                : c.rmaNumber() != null
                                        ? labels.text(
                                                reader,
                                                "tracking.detail.return-by",
                                                labels.when(c.returnDueAt(), reader))
                                        : null),
                new Step(
                        labels.text(reader, "tracking.step.resolution"),
                        closed ? "done" : c.receivedAt() != null ? "current" : "pending",
                        c.closedAt(),
                        closed
                                ? labels.of(c.outcome(), reader.language())
                                        + (c.newWarrantyEndsOn() == null
                                                ? ""
                                                : labels.text(
                                                        reader,
                                                        "tracking.detail.warranty",
                                                        labels.day(c.newWarrantyEndsOn(), reader)))
                                : null));
        Long daysLeft = null;
        String note = null;
        if (c.rmaNumber() != null && c.receivedAt() == null && !closed) {
            long secondsLeft =
                    Duration.between(clock.instant(), c.returnDueAt()).toSeconds();
            daysLeft = Math.max(0, (secondsLeft + 86_399) / 86_400);
            note = labels.text(
                    reader,
                    c.advanceReplacement() ? "tracking.deadline" : "tracking.deadline.standard",
                    labels.when(c.returnDueAt(), reader),
                    labels.when(c.complianceLimitAt(), reader));
        }
        List<Proof> proofs = proofs(c);
        Map<String, Object> inbound = jdbc.sql(
                        "select inbound_carrier, inbound_tracking from return_cases where id = ?")
                .param(c.id().value())
                .query()
                .singleRow();
        Optional<ReplacementUnit> replacement = assetStore.findReplacement(c.id());
        boolean cancellable = !closed && c.receivedAt() == null && replacement.isEmpty();
        return new Tracking(
                c.facts(),
                steps,
                daysLeft,
                note,
                caseFindings.charges(c.id()).stream()
                        .map(ch -> new Charge(ch.reason(), ch.amount(), ch.currency(), ch.status()))
                        .toList(),
                caseFindings.shipments(c.id()),
                replacement.map(r -> new Replacement(r.serialNumber(), r.kind(), r.warrantyEndsOn())),
                proofs,
                (String) inbound.get("inbound_carrier"),
                (String) inbound.get("inbound_tracking"),
                cancellable,
                caseFindings
                        .repairQuote(c.id())
                        .map(q -> new Quote(
                                q.quote().amount(),
                                q.quote().currency(),
                                q.quote().validUntil(),
                                q.answer(),
                                q.answeredAt(),
                                q.answer() == null && !closed && q.quote().openAt(clock.instant()))),
                questions.rounds(c.id(), !closed, clock.instant()));
    }

    public record ProofContent(String fileName, String contentType, byte[] content) {}

    public ProofContent proof(Customer customer, String caseRef, long proofId) {
        return proof(own(customer, caseRef), proofId);
    }

    /** The proofs a case was submitted with (files answering TAC's questions are with their question). */
    public List<Proof> staffProofs(String caseRef) {
        return proofs(store.require(caseRef));
    }

    /** Any file of any case (its proofs and the files answering TAC's questions), for staff. */
    public ProofContent staffProof(String caseRef, long proofId) {
        return proof(store.require(caseRef), proofId);
    }

    private List<Proof> proofs(CaseRecord c) {
        return jdbc.sql("select id, file_name, content_type, size_bytes from proofs"
                        + " where case_id = ? and question_id is null order by id")
                .param(c.id().value())
                .query((rs, n) -> new Proof(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    private ProofContent proof(CaseRecord c, long proofId) {
        String caseRef = c.reference();
        return jdbc.sql("select file_name, content_type, content from proofs where id = ? and case_id = ?")
                .params(proofId, c.id().value())
                .query((rs, n) -> new ProofContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> CaseNotFound.of("proof", proofId, caseRef));
    }
}
