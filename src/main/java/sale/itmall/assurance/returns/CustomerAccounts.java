package sale.itmall.assurance.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.shared.Audience;

/**
 * Customer accounts as the portal and staff read them: an account by id or number, and why and since when an
 * account is suspended.
 */
@Service
public class CustomerAccounts {

    private final JdbcClient jdbc;

    CustomerAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String CUSTOMER_SELECT =
            "select id, customer_number, name, email, account_status, language, time_zone from customers where ";

    public Customer customer(CustomerId id) {
        return jdbc.sql(CUSTOMER_SELECT + "id = ?")
                .param(id.value())
                .query((rs, n) -> customer(rs))
                .optional()
                .orElseThrow(() -> CaseNotFound.of("customer-account", id));
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
}
