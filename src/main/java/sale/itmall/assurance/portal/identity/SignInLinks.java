package sale.itmall.assurance.portal.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.notifications.Notifications;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.returns.CustomerAccounts;
import sale.itmall.assurance.returns.CustomerId;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.EmailAddresses;

/**
 * People in: service administrators invite a customer's users, or staff with their roles, by e-mail; a user sets a
 * password from the mail (a link that works once and expires), resets a forgotten one the same way, and can be
 * deactivated. Only a SHA-256 hash of a
 * link's token is stored; the user name of an invited user is their e-mail address.
 */
@Service
@Transactional
public class SignInLinks {

    static final Duration INVITATION_VALID = Duration.ofDays(3);
    static final Duration RESET_VALID = Duration.ofHours(1);

    /** A refusal to show on the page: an expired or used link, a password that does not meet the rules. */
    record User(String username, String email, boolean active, boolean locked, Set<StaffRole> roles) {}

    /** An open link: a staff invitation has roles and no customer. */
    record Link(String kind, String email, Long customerId, String customerName, Set<StaffRole> staffRoles) {
        /** The link with its customer's name, which the invitation page shows. */
        Link named(CustomerAccounts accounts) {
            return customerId == null
                    ? this
                    : new Link(
                            kind,
                            email,
                            customerId,
                            accounts.customer(new CustomerId(customerId)).name(),
                            staffRoles);
        }
    }

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final CustomerAccounts customerAccounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String baseUrl;

    private final UserAudiences audiences;

    SignInLinks(
            JdbcClient jdbc,
            Notifications notifications,
            CustomerAccounts customerAccounts,
            PasswordEncoder encoder,
            Clock clock,
            UserAudiences audiences,
            @Value("${itmall.portal.base-url:${itmall.staff.base-url:http://localhost:8080}}") String baseUrl) {
        this.jdbc = jdbc;
        this.audiences = audiences;
        this.notifications = notifications;
        this.customerAccounts = customerAccounts;
        this.encoder = encoder;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Invites a person to a customer account: a mail with a link to choose their password. */
    public void invite(String invitedBy, String customerNumber, String emailInput) {
        Customer customer = customerAccounts
                .customerByNumber(customerNumber)
                .orElseThrow(() -> new SignInRefused("no-customer", customerNumber));
        mailLink(
                "INVITATION",
                "account-invitation",
                newUserEmail(emailInput),
                customer.id().value(),
                null,
                invitedBy,
                customer.audience(),
                Map.of("customerName", customer.name(), "invitedBy", invitedBy));
    }

    /** Invites a person to the staff with these roles: a mail with a link to choose their password. */
    public void inviteStaff(String invitedBy, String emailInput, Set<StaffRole> roles) {
        if (roles.isEmpty()) {
            throw new SignInRefused("no-role", emailInput);
        }
        mailLink(
                "INVITATION",
                "account-staff-invitation",
                newUserEmail(emailInput),
                null,
                roles,
                invitedBy,
                Audience.DEFAULT,
                Map.of("roles", labels(roles), "invitedBy", invitedBy));
    }

    public static String labels(Set<StaffRole> roles) {
        return roles.stream().map(StaffRole::label).collect(Collectors.joining(", "));
    }

    /** The e-mail address of a person to invite: valid, and nobody's sign-in yet. */
    private String newUserEmail(String emailInput) {
        String email = emailInput == null ? "" : emailInput.trim().toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isValid(email) || email.length() > 254) {
            throw new SignInRefused("not-an-email", emailInput);
        }
        if (jdbc.sql("select count(*) from portal_users where lower(email) = ? or lower(username) = ?")
                        .params(email, email)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new SignInRefused("has-sign-in", email);
        }
        return email;
    }

    /** What a link is for, while it can still be used. */
    Link open(String token, String kind) {
        return jdbc.sql(
                        """
                select l.kind, l.email, l.customer_id, coalesce(l.staff_roles, '{}')
                  from sign_in_links l
                 where l.token_hash = ? and l.kind = ? and l.used_at is null and l.expires_at > ?""")
                .params(Secrets.hash(token), kind, Timestamp.from(clock.instant()))
                .query((rs, n) -> new Link(
                        rs.getString(1), rs.getString(2), rs.getObject(3, Long.class), "", staffRoles(rs.getArray(4))))
                .optional()
                .map(l -> l.named(customerAccounts))
                .orElseThrow(() -> new SignInRefused("INVITATION".equals(kind) ? "invitation-used" : "reset-used"));
    }

    /** Accepts an invitation: the user is created with the chosen password; the link is used up. */
    void accept(String token, String password, String repeated) {
        Link link = open(token, "INVITATION");
        PasswordRules.problem(password, repeated, link.email()).ifPresent(p -> {
            throw new SignInRefused(p);
        });
        jdbc.sql(
                        """
                insert into portal_users (username, email, password_hash, role, customer_id, staff_roles)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        link.email(),
                        link.email(),
                        encoder.encode(password),
                        link.customerId() == null ? "STAFF" : "CUSTOMER",
                        link.customerId(),
                        StaffAuthorities.groups(link.staffRoles()))
                .update();
        useUp(token);
    }

    /** Mails a reset link to an active user with this e-mail; says nothing either way (no account probing). */
    void requestReset(String emailInput) {
        String email = emailInput == null ? "" : emailInput.trim().toLowerCase(Locale.ROOT);
        Optional<String> known = jdbc.sql("select email from portal_users where lower(email) = ? and active")
                .param(email)
                .query(String.class)
                .optional();
        if (known.isEmpty()) {
            return;
        }
        mailLink(
                "PASSWORD_RESET",
                "account-password-reset",
                email,
                null,
                null,
                null,
                audiences.ofEmail(email),
                Map.of("email", email));
    }

    /** Sets a new password from a reset link; a lockout from wrong passwords ends with it. */
    void reset(String token, String password, String repeated) {
        Link link = open(token, "PASSWORD_RESET");
        PasswordRules.problem(password, repeated, link.email()).ifPresent(p -> {
            throw new SignInRefused(p);
        });
        jdbc.sql(
                        """
                update portal_users set password_hash = ?, failed_sign_ins = 0, locked_until = null
                 where lower(email) = ? and active""")
                .params(encoder.encode(password), link.email())
                .update();
        useUp(token);
    }

    public List<User> usersOf(String customerNumber) {
        return customerAccounts
                .customerByNumber(customerNumber)
                .map(customer -> jdbc.sql(
                                """
                select u.username, coalesce(u.email, ''), u.active, coalesce(u.locked_until > ?, false), u.staff_roles
                  from portal_users u where u.customer_id = ? order by u.username""")
                        .params(Timestamp.from(clock.instant()), customer.id().value())
                        .query((rs, n) -> user(rs))
                        .list())
                .orElse(List.of());
    }

    /** The staff's local sign-ins (people who sign in through the identity provider are not listed). */
    public List<User> staff() {
        return jdbc.sql(
                        """
                select u.username, coalesce(u.email, ''), u.active, coalesce(u.locked_until > ?, false), u.staff_roles
                  from portal_users u where u.role = 'STAFF' order by u.username""")
                .params(Timestamp.from(clock.instant()))
                .query((rs, n) -> user(rs))
                .list();
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(
                rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), staffRoles(rs.getArray(5)));
    }

    private static Set<StaffRole> staffRoles(Array groups) throws SQLException {
        return StaffAuthorities.roles(Arrays.asList((String[]) groups.getArray()));
    }

    /** Gives a staff member these roles (what Tasklist and the staff pages let them do follows). */
    public boolean setRoles(String username, Set<StaffRole> roles) {
        return jdbc.sql("update portal_users set staff_roles = ? where username = ? and role = 'STAFF'")
                        .params(StaffAuthorities.groups(roles), username)
                        .update()
                == 1;
    }

    /** Deactivates a user of this kind: their sign-in is refused from now on (their returns and work stay). */
    public boolean deactivate(String username, boolean staff) {
        return jdbc.sql("update portal_users set active = false where username = ? and role = ?")
                        .params(username, staff ? "STAFF" : "CUSTOMER")
                        .update()
                == 1;
    }

    /**
     * Makes a link of the kind (an invitation works {@link #INVITATION_VALID}, a password reset {@link #RESET_VALID};
     * only its token's hash is stored) and mails it with the template's facts, the link and when it expires.
     */
    private void mailLink(
            String kind,
            String template,
            String email,
            Long customerId,
            Set<StaffRole> staffRoles,
            String invitedBy,
            Audience reader,
            Map<String, String> facts) {
        boolean invitation = "INVITATION".equals(kind);
        Instant now = clock.instant();
        Instant expires = now.plus(invitation ? INVITATION_VALID : RESET_VALID);
        String token = Secrets.newSecret();
        jdbc.sql(
                        """
                insert into sign_in_links (kind, token_hash, email, customer_id, staff_roles, invited_by, created_at,
                                           expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        kind,
                        Secrets.hash(token),
                        email,
                        customerId,
                        staffRoles == null ? null : StaffAuthorities.groups(staffRoles),
                        invitedBy,
                        Timestamp.from(now),
                        Timestamp.from(expires))
                .update();
        Map<String, Object> variables = new HashMap<>(facts);
        variables.put("link", baseUrl + (invitation ? "/invitations/" : "/password-reset/") + token);
        variables.put("expiresAt", expires);
        notifications.queueAccountMail(template, email, reader, variables, now);
    }

    private void useUp(String token) {
        jdbc.sql("update sign_in_links set used_at = ? where token_hash = ?")
                .params(Timestamp.from(clock.instant()), Secrets.hash(token))
                .update();
    }
}
