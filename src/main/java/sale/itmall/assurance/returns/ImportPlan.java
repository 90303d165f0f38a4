package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;

/**
 * What an installed-base file would change: its rows compared with what is stored (created, updated, unchanged),
 * and the rows an import may not change (another customer's asset or order, ITMall's unit, an asset in an open
 * return).
 */
final class ImportPlan {

    private final JdbcClient jdbc;

    ImportPlan(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static final class Plan {
        InstalledBaseImport.Counts customers = new InstalledBaseImport.Counts(0, 0, 0);
        InstalledBaseImport.Counts orders = new InstalledBaseImport.Counts(0, 0, 0);
        InstalledBaseImport.Counts assets = new InstalledBaseImport.Counts(0, 0, 0);
        final List<InstalledBaseImport.Rejection> rejected = new ArrayList<>();
        final List<CustomerRow> customerWrites = new ArrayList<>();
        final List<ImportRows.OrderRow> orderWrites = new ArrayList<>();
        final List<ImportRows.AssetRow> assetWrites = new ArrayList<>();
    }

    private record StoredAsset(
            String customerNumber,
            String owner,
            String openCase,
            String model,
            AssetCategory category,
            String orderNumber,
            LocalDate shippedOn,
            BigDecimal unitPrice,
            String currency,
            boolean manufacturerPlan,
            String manufacturerName) {}

    Plan plan(ImportRows.Parsed p) {
        Plan plan = new Plan();
        plan.rejected.addAll(p.rejected);
        if (!p.rejected.isEmpty() && p.assets.isEmpty()) {
            return plan;
        }
        Map<String, CustomerRow> storedCustomers = new HashMap<>();
        jdbc.sql("select customer_number, name, email, payment_method_on_file, language, time_zone, address"
                        + " from customers")
                .query(rs -> {
                    storedCustomers.put(
                            rs.getString(1),
                            new CustomerRow(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getBoolean(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7)));
                });
        Map<String, ImportRows.OrderRow> storedOrders = new HashMap<>();
        jdbc.sql(
                        "select o.order_number, c.customer_number, o.ordered_on from orders o join customers c on c.id = o.customer_id")
                .query(rs -> {
                    storedOrders.put(
                            rs.getString(1),
                            new ImportRows.OrderRow(
                                    rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)));
                });
        Map<String, StoredAsset> storedAssets = new HashMap<>();
        jdbc.sql(
                        """
                select a.serial_number, c.customer_number, a.owner,
                       (select rc.reference from return_cases rc where rc.asset_id = a.id and rc.closed_at is null),
                       a.model, a.category, o.order_number, a.shipped_on, a.unit_price, a.currency,
                       a.manufacturer_plan, a.manufacturer_name
                  from assets a join customers c on c.id = a.customer_id left join orders o on o.id = a.order_id""")
                .query(rs -> {
                    storedAssets.put(
                            rs.getString(1),
                            new StoredAsset(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    AssetCategory.valueOf(rs.getString(6)),
                                    rs.getString(7),
                                    rs.getObject(8, LocalDate.class),
                                    rs.getBigDecimal(9),
                                    rs.getString(10),
                                    rs.getBoolean(11),
                                    rs.getString(12)));
                });

        for (CustomerRow c : p.customers.values()) {
            CustomerRow stored = storedCustomers.get(c.number());
            ImportRows.Change change = stored == null
                    ? ImportRows.Change.CREATED
                    : c.sameAs(stored) ? ImportRows.Change.UNCHANGED : ImportRows.Change.UPDATED;
            plan.customers = plan.customers.plus(change);
            if (change != ImportRows.Change.UNCHANGED) {
                plan.customerWrites.add(c);
            }
        }
        for (ImportRows.OrderRow given : p.orders.values()) {
            ImportRows.OrderRow stored = storedOrders.get(given.number());
            // a blank ordered_on never changes what is stored
            ImportRows.OrderRow o = given.orderedOn() != null
                    ? given
                    : new ImportRows.OrderRow(
                            given.number(),
                            given.customerNumber(),
                            stored != null ? stored.orderedOn() : p.orderShippedOn.get(given.number()));
            if (stored != null && !stored.customerNumber().equals(o.customerNumber())) {
                plan.rejected.add(new InstalledBaseImport.Rejection(
                        firstLineOfOrder(p, o.number()),
                        "order " + o.number() + " belongs to customer " + stored.customerNumber()
                                + "; an import does not move orders between customers"));
                continue;
            }
            ImportRows.Change change = stored == null
                    ? ImportRows.Change.CREATED
                    : stored.equals(o) ? ImportRows.Change.UNCHANGED : ImportRows.Change.UPDATED;
            plan.orders = plan.orders.plus(change);
            if (change != ImportRows.Change.UNCHANGED) {
                plan.orderWrites.add(o);
            }
        }
        for (ImportRows.AssetRow given : p.assets.values()) {
            long line = p.assetLines.get(given.serial());
            StoredAsset stored = storedAssets.get(given.serial());
            ImportRows.AssetRow a = stored == null ? given : given.keepingNameOf(stored.manufacturerName());
            if (stored == null) {
                plan.assets = plan.assets.plus(ImportRows.Change.CREATED);
                plan.assetWrites.add(a);
                continue;
            }
            if ("ITMALL".equals(stored.owner())) {
                plan.rejected.add(new InstalledBaseImport.Rejection(
                        line, "serial " + a.serial() + " became ITMall's property when it was replaced; not imported"));
                continue;
            }
            if (!stored.customerNumber().equals(a.customerNumber())) {
                plan.rejected.add(new InstalledBaseImport.Rejection(
                        line,
                        "serial " + a.serial() + " belongs to customer " + stored.customerNumber()
                                + "; an import does not move assets between customers"));
                continue;
            }
            boolean same = stored.model().equals(a.model())
                    && stored.category() == a.category()
                    && Objects.equals(stored.orderNumber(), a.orderNumber())
                    && stored.shippedOn().equals(a.shippedOn())
                    && stored.unitPrice().compareTo(a.unitPrice()) == 0
                    && stored.currency().equals(a.currency())
                    && stored.manufacturerPlan() == a.manufacturerPlan()
                    && Objects.equals(stored.manufacturerName(), a.manufacturerName());
            if (same) {
                plan.assets = plan.assets.plus(ImportRows.Change.UNCHANGED);
            } else if (stored.openCase() != null) {
                plan.rejected.add(new InstalledBaseImport.Rejection(
                        line,
                        "serial " + a.serial() + " is in open return " + stored.openCase()
                                + "; import its change after the case closes"));
            } else {
                plan.assets = plan.assets.plus(ImportRows.Change.UPDATED);
                plan.assetWrites.add(a);
            }
        }
        plan.rejected.sort((x, y) -> Long.compare(x.line(), y.line()));
        return plan;
    }

    private static long firstLineOfOrder(ImportRows.Parsed p, String orderNumber) {
        return p.assets.values().stream()
                .filter(a -> a.orderNumber().equals(orderNumber))
                .mapToLong(a -> p.assetLines.get(a.serial()))
                .min()
                .orElse(0);
    }
}
