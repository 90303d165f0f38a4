package sale.itmall.assurance.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.returns.ReturnsQuery;

/**
 * Sign-ins for the demo customers, a staff account and a service administrator (profile "demo" only); passwords are
 * stored hashed.
 */
@Component
@Profile("demo")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);
    private final PortalAccounts accounts;
    private final ReturnsQuery returns;
    private final PasswordEncoder encoder;

    DemoAccounts(PortalAccounts accounts, ReturnsQuery returns, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.returns = returns;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        String[][] customers = {{"northwind", "C-1001"}, {"contoso", "C-1002"}, {"fabrikam", "C-1003"}};
        for (String[] account : customers) {
            returns.customerByNumber(account[1])
                    .map(Customer::id)
                    .ifPresent(id -> accounts.ensure(account[0], encoder.encode(PASSWORD), "CUSTOMER", id));
        }
        accounts.ensure("warehouse", encoder.encode(PASSWORD), "STAFF", null);
        accounts.ensure("admin", encoder.encode(PASSWORD), "ADMIN", null);
        LOG.info(
                "Demo sign-ins: northwind, contoso, fabrikam (customers), warehouse (staff) and admin (service"
                        + " administrator: installed-base import), password '{}'",
                PASSWORD);
    }
}
