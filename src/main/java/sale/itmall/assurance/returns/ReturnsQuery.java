package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.AssetFacts;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.DecidedTerms;
import sale.itmall.assurance.policy.DiagnosisOutcome;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.EntitlementStatus;
import sale.itmall.assurance.policy.ExclusionReason;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.PolicyDecision;
import sale.itmall.assurance.policy.PolicyTerms;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.policy.ServicePolicy;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.Labels;

/**
 * The returns module's reads, for the portal, the API and the staff pages: orders and assets with their warranty
 * status under the deployed policy decision (the same rule the wizard, the lookup and the API apply), returns and their
 * tracking. Every customer query is scoped to the customer: another customer's asset, order, case or proof reads as
 * "not found".
 */
@Service
public class ReturnsQuery {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final AssetStore assetStore;
    private final CaseFindings caseFindings;
    private final AuditTrail audit;
    private final Labels labels;
    private final PolicyDecision decision;
    private final Clock clock;

    ReturnsQuery(
            JdbcClient jdbc,
            CaseStore store,
            AssetStore assetStore,
            CaseFindings caseFindings,
            AuditTrail audit,
            PolicyDecision decision,
            Clock clock,
            Labels labels) {
        this.labels = labels;
        this.jdbc = jdbc;
        this.audit = audit;
        this.store = store;
        this.assetStore = assetStore;
        this.caseFindings = caseFindings;
        this.decision = decision;
        this.clock = clock;
    }

    private static final String CUSTOMER_SELECT =
            "select id, customer_number, name, email, account_status, language, time_zone from customers where ";

    public Customer customer(CustomerId id) {
        return jdbc.sql(CUSTOMER_SELECT + "id = ?")
                .param(id.value())
                .query((rs, n) -> customer(rs))
                .optional()
                .orElseThrow(() -> CaseNotFound.of("No customer account " + id));
    }

    /** Why and since when an account is suspended, as its customer and the Service Governance Team see it. */
    public record Suspension(String customerNumber, String name, Instant since, String reason) {}

    private static final String SUSPENDED_SELECT =
            "select customer_number, name, suspended_at, coalesce(suspension_reason, '') from customers"
                    + " where account_status = 'SUSPENDED'";

    public Optional<Suspension> suspension(Customer customer) {
        return jdbc.sql(SUSPENDED_SELECT + " and id = ?")
                .param(customer.id().value())
                .query((rs, n) -> suspension(rs))
                .optional();
    }

    /** Every suspended account, the longest suspended first. */
    public List<Suspension> suspendedAccounts() {
        return jdbc.sql(SUSPENDED_SELECT + " order by suspended_at")
                .query((rs, n) -> suspension(rs))
                .list();
    }

    private static Suspension suspension(ResultSet rs) throws SQLException {
        return new Suspension(rs.getString(1), rs.getString(2), CaseStore.instant(rs, 3), rs.getString(4));
    }

    public Optional<Customer> customerByNumber(String customerNumber) {
        return jdbc.sql(CUSTOMER_SELECT + "customer_number = ?")
                .param(customerNumber)
                .query((rs, n) -> customer(rs))
                .optional();
    }

    private static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(
                new CustomerId(rs.getLong(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                "SUSPENDED".equals(rs.getString(5)),
                Audience.of(rs.getString(6), rs.getString(7)));
    }

    // ---- warranty and orders ----------------------------------------------------------------------------------------

    public record AssetView(
            String serialNumber,
            String model,
            AssetCategory category,
            String orderNumber,
            LocalDate shippedOn,
            LocalDate warrantyEndsOn,
            LocalDate maintenanceEndsOn,
            boolean manufacturerPlan,
            String manufacturerName,
            EntitlementStatus entitlement,
            String explanation,
            boolean advanceReplacementEligible,
            String openCaseRef,
            boolean returnable,
            String notReturnableReason,
            boolean warrantyEndsSoon,
            boolean maintenanceEndsSoon,
            PolicyTerms terms) {}

    public record OrderView(String orderNumber, LocalDate orderedOn, List<AssetView> assets) {}

    private static final String ASSET_SELECT =
            """
      select a.id, a.serial_number, a.model, a.category, o.order_number, a.shipped_on, a.coverage_start,
             a.warranty_ends_override, a.unit_price, a.manufacturer_plan, a.manufacturer_name,
             (select c.reference from return_cases c where c.asset_id = a.id and c.closed_at is null) as open_case
        from assets a left join orders o on o.id = a.order_id
       where a.customer_id = ? and a.owner = 'CUSTOMER'
      """;

    /** An asset's facts from a row with the columns of {@code assets} by name. */
    static AssetFacts assetFacts(ResultSet rs) throws SQLException {
        return new AssetFacts(
                rs.getString("serial_number"),
                AssetCategory.valueOf(rs.getString("category")),
                rs.getObject("coverage_start", LocalDate.class),
                rs.getBigDecimal("unit_price"),
                rs.getBoolean("manufacturer_plan"),
                rs.getObject("warranty_ends_override", LocalDate.class));
    }

    private AssetView assetView(ResultSet rs, Customer customer) throws SQLException {
        AssetFacts facts = assetFacts(rs);
        AssetCategory category = facts.category();
        DecidedTerms decided = decision.current(category);
        ServicePolicy policy = new ServicePolicy(decided.terms());
        Entitlement e = policy.entitlement(facts, customer.suspended(), today());
        String openCase = rs.getString("open_case");
        Audience reader = Labels.current();
        String explanation = explain(e, reader);
        String reason = openCase != null
                ? labels.text(reader, "explain.open-case", openCase)
                : policy.closeBeforeDiagnosis(e).isPresent() ? explanation : null;
        List<ServicePolicy.CoverTerm> endingSoon = policy.coverageEnding(facts, today()).stream()
                .map(ServicePolicy.CoverageEnd::term)
                .toList();
        return new AssetView(
                facts.serialNumber(),
                rs.getString("model"),
                category,
                rs.getString("order_number"),
                rs.getObject("shipped_on", LocalDate.class),
                e.warrantyEndsOn(),
                e.maintenanceEndsOn(),
                facts.manufacturerPlan(),
                rs.getString("manufacturer_name"),
                e.status(),
                explanation,
                e.advanceReplacementWindowOpen(),
                openCase,
                reason == null,
                reason,
                endingSoon.contains(ServicePolicy.CoverTerm.WARRANTY),
                endingSoon.contains(ServicePolicy.CoverTerm.MAINTENANCE),
                decided.terms());
    }

    /** Why an asset's entitlement is what it is, in the reader's words ({@code explain.*} in the messages). */
    private String explain(Entitlement e, Audience reader) {
        return labels.text(
                reader,
                e.explanationKey(),
                labels.day(e.warrantyEndsOn(), reader),
                labels.day(e.maintenanceEndsOn(), reader));
    }

    public List<OrderView> orders(Customer customer) {
        Map<String, OrderView> orders = new LinkedHashMap<>();
        jdbc.sql("select order_number, ordered_on from orders where customer_id = ? order by ordered_on desc")
                .param(customer.id().value())
                .query((rs, n) -> orders.put(
                        rs.getString(1),
                        new OrderView(rs.getString(1), rs.getObject(2, LocalDate.class), new ArrayList<>())))
                .list();
        for (AssetView asset : jdbc.sql(ASSET_SELECT + " order by a.serial_number")
                .param(customer.id().value())
                .query((rs, n) -> assetView(rs, customer))
                .list()) {
            Optional.ofNullable(orders.get(asset.orderNumber()))
                    .ifPresent(o -> o.assets().add(asset));
        }
        return List.copyOf(orders.values());
    }

    public OrderView order(Customer customer, String orderNumber) {
        return orders(customer).stream()
                .filter(o -> o.orderNumber().equalsIgnoreCase(orderNumber.trim()))
                .findFirst()
                .orElseThrow(() -> new ReturnRejected("orderNumber", "No order " + orderNumber + " on your account"));
    }

    /** A request to extend an asset's cover: pending while {@code decision} is null. */
    public record Extension(
            String reference, Instant requestedAt, String note, String decision, String answer, Instant decidedAt) {}

    /** The latest extension request of each of the customer's assets, by serial number. */
    public Map<String, Extension> extensions(Customer customer) {
        Map<String, Extension> latest = new LinkedHashMap<>();
        jdbc.sql(
                        """
        select a.serial_number, e.reference, e.requested_at, e.note, e.decision, e.answer, e.decided_at
          from extension_requests e join assets a on a.id = e.asset_id
         where e.customer_id = ? order by e.id""")
                .param(customer.id().value())
                .query((rs, n) -> latest.put(
                        rs.getString(1),
                        new Extension(
                                rs.getString(2),
                                CaseStore.instant(rs, 3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                CaseStore.instant(rs, 7))))
                .list();
        return latest;
    }

    /** Every asset the customer owns (their installed base), as the lookup sees each, by serial number. */
    public List<AssetView> assets(Customer customer) {
        return jdbc.sql(ASSET_SELECT + " order by a.serial_number")
                .param(customer.id().value())
                .query((rs, n) -> assetView(rs, customer))
                .list();
    }

    public AssetView warranty(Customer customer, String serialNumber) {
        String serial = InputRules.serialNumber(serialNumber, "serialNumber");
        return jdbc.sql(ASSET_SELECT + " and a.serial_number = ?")
                .params(customer.id().value(), serial)
                .query((rs, n) -> assetView(rs, customer))
                .optional()
                .orElseThrow(() -> CaseNotFound.of("No asset with serial " + serial + " on your account"));
    }

    /** An asset of the customer's as a submission needs it: its id, and the view the lookup shows (one query). */
    record Owned(long id, AssetView view) {}

    /** The customer's asset with this serial (on this order, when one is given), as the lookup and the wizard see it. */
    Optional<Owned> owned(Customer customer, String serialNumber, Long orderId) {
        return jdbc.sql(ASSET_SELECT + " and a.serial_number = ? and (?::bigint is null or a.order_id = ?)")
                .params(customer.id().value(), serialNumber, orderId, orderId)
                .query((rs, n) -> new Owned(rs.getLong("id"), assetView(rs, customer)))
                .optional();
    }

    /** Who pays which freight leg, as the review step shows it (§3.0 freight policy). */
    /** Who pays which freight (§3.0), worded for the current reader. */
    public List<String> freightTerms() {
        Audience reader = Labels.current();
        FreightLeg inbound = ServicePolicy.inboundLeg();
        return List.of(
                labels.text(reader, "freight.inbound." + inbound.payer().name()),
                labels.text(reader, "freight.outbound"),
                labels.text(reader, "freight.invalid"));
    }

    // ---- returns ----------------------------------------------------------------------------------------------------

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
            Optional<Quote> repairQuote) {}

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
                                        : labels.text(reader, "tracking.detail.assessing")),
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
        List<Proof> proofs = jdbc.sql(
                        "select id, file_name, content_type, size_bytes from proofs where case_id = ? order by id")
                .param(c.id().value())
                .query((rs, n) -> new Proof(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
        Map<String, Object> inbound = jdbc.sql(
                        "select inbound_carrier, inbound_tracking from return_cases where id = ?")
                .param(c.id().value())
                .query()
                .singleRow();
        Optional<AssetStore.ReplacementRow> replacement = assetStore.findReplacement(c.id());
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
                                q.answer() == null && !closed && q.quote().openAt(clock.instant()))));
    }

    public record ProofContent(String fileName, String contentType, byte[] content) {}

    public ProofContent proof(Customer customer, String caseRef, long proofId) {
        CaseRecord c = own(customer, caseRef);
        return jdbc.sql("select file_name, content_type, content from proofs where id = ? and case_id = ?")
                .params(proofId, c.id().value())
                .query((rs, n) -> new ProofContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> CaseNotFound.of("No proof " + proofId + " on return " + caseRef));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
