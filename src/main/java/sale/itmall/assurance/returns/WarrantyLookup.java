package sale.itmall.assurance.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
import sale.itmall.assurance.policy.DecidedTerms;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.EntitlementStatus;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.PolicyDecision;
import sale.itmall.assurance.policy.PolicyTerms;
import sale.itmall.assurance.policy.ServicePolicy;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.Labels;

/**
 * A customer's orders and assets with their warranty status under the deployed policy decision: the one rule the
 * lookup, the wizard and the API apply (what is returnable, and why not). Scoped to the customer: another customer's
 * asset or order reads as "not found".
 */
@Service
public class WarrantyLookup {

    private final JdbcClient jdbc;
    private final Labels labels;
    private final PolicyDecision decision;
    private final Clock clock;

    WarrantyLookup(JdbcClient jdbc, Labels labels, PolicyDecision decision, Clock clock) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.decision = decision;
        this.clock = clock;
    }

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

    AssetView assetView(ResultSet rs, Customer customer) throws SQLException {
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
                .orElseThrow(() -> new ReturnRejected("orderNumber", "order.not-yours", orderNumber));
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
                .orElseThrow(() -> CaseNotFound.of("asset", serial));
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

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
