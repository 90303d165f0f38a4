package sale.itmall.assurance.portal.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.returns.CustomerAccounts;

/**
 * Sign-ins for the demo customers and one staff member per staff role (profile "demo" only); passwords are stored
 * hashed.
 */
@Component
@Profile("demo")
@Order(2) // after the demo installed base: the customers' sign-ins need their accounts
public class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo";

    /** One demo staff sign-in per role, named for the work. */
    public static final Map<String, StaffRole> STAFF = new LinkedHashMap<>();

    static {
        STAFF.put("tac", StaffRole.TAC_ENGINEER);
        STAFF.put("approver", StaffRole.RMA_APPROVER);
        STAFF.put("bench", StaffRole.BENCH_TECHNICIAN);
        STAFF.put("governance", StaffRole.SERVICE_GOVERNANCE);
        STAFF.put("warehouse", StaffRole.WAREHOUSE);
        STAFF.put("admin", StaffRole.SERVICE_ADMINISTRATOR);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);
    private final PortalAccounts accounts;
    private final CustomerAccounts customerAccounts;
    private final PasswordEncoder encoder;

    DemoAccounts(PortalAccounts accounts, CustomerAccounts customerAccounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.customerAccounts = customerAccounts;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        String[][] customers = {
            {"northwind", "C-1001"}, {"contoso", "C-1002"}, {"fabrikam", "C-1003"}, {"rheinfeld", "C-1004"}
        };
        for (String[] account : customers) {
            customerAccounts
                    .customerByNumber(account[1])
                    .map(Customer::id)
                    .ifPresent(id -> accounts.ensureCustomer(account[0], encoder.encode(PASSWORD), id));
        }
        STAFF.forEach((username, role) -> accounts.ensureStaff(username, encoder.encode(PASSWORD), Set.of(role)));
        LOG.info(
                "Demo sign-ins, password '{}': northwind, contoso, fabrikam, rheinfeld (customers; rheinfeld reads German, Europe/Berlin); staff {}",
                PASSWORD,
                STAFF.entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue().label() + ")")
                        .collect(Collectors.joining(", ")));
    }
}
