package sale.itmall.assurance.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.StaffRole;

/** Customers and assets made for one test, with unique numbers so tests never see each other's data. */
public class Fixtures {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Fixtures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String customer(boolean paymentMethodOnFile) {
        String number = "C-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into customers (customer_number, name, email, payment_method_on_file) values (?, ?, ?, ?)")
                .params(number, "Customer " + number, number.toLowerCase() + "@example.test", paymentMethodOnFile)
                .update();
        return number;
    }

    public String asset(String customerNumber, AssetCategory category, int shippedDaysAgo, boolean manufacturerPlan) {
        String serial = "SN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDate shipped = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(shippedDaysAgo);
        long customerId = jdbc.sql("select id from customers where customer_number = ?")
                .param(customerNumber)
                .query(Long.class)
                .single();
        long orderId = jdbc.sql(
                        "insert into orders (order_number, customer_id, ordered_on) values (?, ?, ?) returning id")
                .params("SO-" + serial, customerId, shipped)
                .query(Long.class)
                .single();
        jdbc.sql(
                        """
        insert into assets (serial_number, model, category, order_id, customer_id, shipped_on, coverage_start,
                            unit_price, manufacturer_plan)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        serial,
                        "Model " + category,
                        category.name(),
                        orderId,
                        customerId,
                        shipped,
                        shipped,
                        new BigDecimal("2500.00"),
                        manufacturerPlan)
                .update();
        return serial;
    }

    /** A sign-in for a customer: the user name is the customer number in lower case, the password "secret". */
    public String portalUser(String customerNumber) {
        String username = customerNumber.toLowerCase();
        jdbc.sql(
                        """
        insert into portal_users (username, password_hash, role, customer_id)
        select ?, ?, 'CUSTOMER', id from customers where customer_number = ?""")
                .params(username, ENCODER.encode("secret"), customerNumber)
                .update();
        return username;
    }

    /** A service administrator (staff who may import the installed base), password "secret". */
    public String adminUser() {
        return staffUser(StaffRole.SERVICE_ADMINISTRATOR, "admin-");
    }

    /** A warehouse staff member, password "secret". */
    public String staffUser() {
        return staffUser(StaffRole.WAREHOUSE, "staff-");
    }

    /** A staff member with one role, password "secret". */
    public String staffUser(StaffRole role, String prefix) {
        String username = prefix + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("insert into portal_users (username, password_hash, role, staff_roles) values (?, ?, 'STAFF', ?)")
                .params(username, ENCODER.encode("secret"), new String[] {role.group()})
                .update();
        return username;
    }

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public String accountStatus(String customerNumber) {
        return jdbc.sql("select account_status from customers where customer_number = ?")
                .param(customerNumber)
                .query(String.class)
                .single();
    }

    /** Records that the asset is covered by its maker's plan (the vendor learns it after the sale). */
    public void setManufacturerPlan(String serial) {
        jdbc.sql("update assets set manufacturer_plan = true where serial_number = ?")
                .param(serial)
                .update();
    }

    public void suspend(String customerNumber) {
        jdbc.sql("update customers set account_status = 'SUSPENDED', suspended_at = now() where customer_number = ?")
                .param(customerNumber)
                .update();
    }

    /** Corrects an asset's shipping date (and so the start of its cover), as a vendor's ERP might after the sale. */
    public void setShippedDaysAgo(String serial, int days) {
        LocalDate shipped = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days);
        jdbc.sql("update assets set shipped_on = ?, coverage_start = ? where serial_number = ?")
                .params(shipped, shipped, serial)
                .update();
    }
}
