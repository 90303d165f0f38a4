package sale.itmall.assurance.portal;

import java.security.Principal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.returns.CustomerId;
import sale.itmall.assurance.returns.ReturnsQuery;

/**
 * The portal's sign-ins ({@code portal_users}, passwords hashed): who may sign in with which role, and which customer
 * account a customer sign-in belongs to.
 */
@Service
class PortalAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final ReturnsQuery returns;

    PortalAccounts(JdbcClient jdbc, ReturnsQuery returns) {
        this.jdbc = jdbc;
        this.returns = returns;
    }

    @Override
    public User loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, role from portal_users where username = ?")
                .param(username)
                .query((rs, n) -> (User) User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .roles(rs.getString(3))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The customer account of the signed-in user. */
    Customer customerOf(Principal me) {
        CustomerId id = jdbc.sql("select customer_id from portal_users where username = ? and customer_id is not null")
                .param(me.getName())
                .query((rs, n) -> new CustomerId(rs.getLong(1)))
                .optional()
                .orElseThrow(() -> CaseNotFound.of("No customer account for " + me.getName()));
        return returns.customer(id);
    }

    /** Creates a sign-in unless one of that name exists; {@code customer} is null for staff. */
    void ensure(String username, String passwordHash, String role, CustomerId customer) {
        jdbc.sql(
                        """
        insert into portal_users (username, password_hash, role, customer_id) values (?, ?, ?, ?)
        on conflict (username) do nothing""")
                .params(username, passwordHash, role, customer == null ? null : customer.value())
                .update();
    }
}
