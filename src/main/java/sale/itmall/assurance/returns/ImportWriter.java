package sale.itmall.assurance.returns;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what an import plan changes, in batches of rows (multi-row statements), reporting progress as it goes.
 */
final class ImportWriter {

    private static final int BATCH = 1000;

    private final JdbcTemplate batch;

    ImportWriter(JdbcTemplate batch) {
        this.batch = batch;
    }

    void write(ImportPlan.Plan plan, IntConsumer progress) {
        batches(
                plan.customerWrites,
                """
                insert into customers (customer_number, name, email, payment_method_on_file, language, time_zone,
                                       address)
                values (?, ?, ?, coalesce(?::boolean, true), coalesce(?, 'en'), coalesce(?, 'UTC'), ?)
                on conflict (customer_number) do update set name = excluded.name, email = excluded.email,
                  payment_method_on_file = coalesce(?::boolean, customers.payment_method_on_file),
                  language = coalesce(?, customers.language), time_zone = coalesce(?, customers.time_zone),
                  address = coalesce(?, customers.address)""",
                c -> new Object[] {
                    c.number(),
                    c.name(),
                    c.email(),
                    c.paymentMethodOnFile(),
                    c.language(),
                    c.timeZone(),
                    c.address(),
                    c.paymentMethodOnFile(),
                    c.language(),
                    c.timeZone(),
                    c.address()
                },
                done -> {});
        batches(
                plan.orderWrites,
                """
                insert into orders (order_number, customer_id, ordered_on)
                values (?, (select id from customers where customer_number = ?), ?)
                on conflict (order_number) do update set ordered_on = excluded.ordered_on""",
                o -> new Object[] {o.number(), o.customerNumber(), o.orderedOn()},
                done -> {});
        batches(
                plan.assetWrites,
                """
                insert into assets (serial_number, model, category, order_id, customer_id, shipped_on,
                                    coverage_start, unit_price, currency, manufacturer_plan, manufacturer_name)
                values (?, ?, ?, (select id from orders where order_number = ?),
                        (select id from customers where customer_number = ?), ?, ?, ?, ?, ?, ?)
                on conflict (serial_number) do update set
                  model = excluded.model, category = excluded.category, order_id = excluded.order_id,
                  shipped_on = excluded.shipped_on, coverage_start = excluded.coverage_start,
                  unit_price = excluded.unit_price, currency = excluded.currency,
                  manufacturer_plan = excluded.manufacturer_plan, manufacturer_name = excluded.manufacturer_name""",
                a -> new Object[] {
                    a.serial(),
                    a.model(),
                    a.category().name(),
                    a.orderNumber(),
                    a.customerNumber(),
                    a.shippedOn(),
                    a.shippedOn(),
                    a.unitPrice(),
                    a.currency(),
                    a.manufacturerPlan(),
                    a.manufacturerName()
                },
                progress);
    }

    private <T> void batches(List<T> rows, String sql, Function<T, Object[]> args, IntConsumer written) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            batch.batchUpdate(sql, chunk.stream().map(args).toList());
            written.accept(from + chunk.size());
        }
    }
}
