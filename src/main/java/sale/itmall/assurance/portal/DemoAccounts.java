package sale.itmall.assurance.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Sign-ins for the demo customers and a staff account (profile "demo" only); passwords are stored hashed. */
@Component
@Profile("demo")
public class DemoAccounts implements ApplicationRunner {

  public static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);
  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;

  public DemoAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.encoder = encoder;
  }

  @Override
  public void run(ApplicationArguments args) {
    String[][] accounts = {{"northwind", "C-1001"}, {"contoso", "C-1002"}, {"fabrikam", "C-1003"}};
    for (String[] account : accounts) {
      jdbc.sql("""
          insert into portal_users (username, password_hash, role, customer_id)
          select ?, ?, 'CUSTOMER', id from customers where customer_number = ?
          on conflict (username) do nothing""")
          .params(account[0], encoder.encode(PASSWORD), account[1]).update();
    }
    jdbc.sql("insert into portal_users (username, password_hash, role) values ('warehouse', ?, 'STAFF') "
        + "on conflict (username) do nothing").param(encoder.encode(PASSWORD)).update();
    LOG.info("Demo sign-ins: northwind, contoso, fabrikam (customers) and warehouse (staff), password '{}'", PASSWORD);
  }
}
