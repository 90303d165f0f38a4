package sale.itmall.assurance.portal.identity;

import java.security.Principal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.returns.CustomerAccounts;
import sale.itmall.assurance.returns.CustomerId;

/**
 * The portal's sign-ins ({@code portal_users}, passwords hashed): who may sign in with which role, which customer
 * account a customer sign-in belongs to, and the lockout after too many wrong passwords in a row.
 */
@Service
public class PortalAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final CustomerAccounts customerAccounts;
    private final Clock clock;

    PortalAccounts(JdbcClient jdbc, CustomerAccounts customerAccounts, Clock clock) {
        this.jdbc = jdbc;
        this.customerAccounts = customerAccounts;
        this.clock = clock;
    }

    /** Failed sign-ins in a row after which a sign-in is locked. */
    static final int MAX_FAILED_SIGN_INS = 5;

    /** How long a sign-in stays locked after too many failures. */
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Override
    public User loadUserByUsername(String username) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("select username, password_hash, role, coalesce(locked_until > ?, false), active, staff_roles"
                        + " from portal_users where username = ?")
                .params(now, username)
                .query((rs, n) -> (User) User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(
                                "CUSTOMER".equals(rs.getString(3))
                                        ? List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))
                                        : StaffAuthorities.of(Arrays.asList(
                                                (String[]) rs.getArray(6).getArray())))
                        .accountLocked(rs.getBoolean(4))
                        .disabled(!rs.getBoolean(5))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /**
     * Counts a wrong password (form sign-in and HTTP Basic alike); the {@value #MAX_FAILED_SIGN_INS}th in a row locks
     * the sign-in for {@link #LOCKOUT}, during which even the right password is refused.
     */
    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Timestamp lockedUntil = Timestamp.from(clock.instant().plus(LOCKOUT));
        jdbc.sql(
                        """
                update portal_users
                   set failed_sign_ins = case when failed_sign_ins + 1 >= ? then 0 else failed_sign_ins + 1 end,
                       locked_until = case when failed_sign_ins + 1 >= ? then ? else locked_until end
                 where username = ?""")
                .params(
                        MAX_FAILED_SIGN_INS,
                        MAX_FAILED_SIGN_INS,
                        lockedUntil,
                        event.getAuthentication().getName())
                .update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        jdbc.sql("update portal_users set failed_sign_ins = 0 where username = ? and failed_sign_ins > 0")
                .param(event.getAuthentication().getName())
                .update();
    }

    /** The customer account of the signed-in user. */
    public Customer customerOf(Principal me) {
        CustomerId id = jdbc.sql("select customer_id from portal_users where username = ? and customer_id is not null")
                .param(me.getName())
                .query((rs, n) -> new CustomerId(rs.getLong(1)))
                .optional()
                .orElseThrow(() -> CaseNotFound.of("account-of", me.getName()));
        return customerAccounts.customer(id);
    }

    /** Creates a customer's sign-in unless one of that name exists. */
    void ensureCustomer(String username, String passwordHash, CustomerId customer) {
        jdbc.sql(
                        """
        insert into portal_users (username, password_hash, role, customer_id) values (?, ?, 'CUSTOMER', ?)
        on conflict (username) do nothing""")
                .params(username, passwordHash, customer.value())
                .update();
    }

    /** Creates a staff sign-in with these roles unless one of that name exists. */
    void ensureStaff(String username, String passwordHash, Collection<StaffRole> roles) {
        jdbc.sql(
                        """
        insert into portal_users (username, password_hash, role, staff_roles) values (?, ?, 'STAFF', ?)
        on conflict (username) do nothing""")
                .params(username, passwordHash, StaffAuthorities.groups(roles))
                .update();
    }
}
