package sale.itmall.assurance.portal.identity;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sale.itmall.assurance.returns.CustomerAccounts;
import sale.itmall.assurance.returns.CustomerId;
import sale.itmall.assurance.shared.Audience;

/**
 * Each portal user's language and time zone: their own choice where they made one (Settings), their customer
 * account's where not. Read by the locale resolver ({@link PortalAudiences}) and by mails to a user.
 */
@Repository
public class UserAudiences {

    private final JdbcClient jdbc;
    private final CustomerAccounts customerAccounts;

    UserAudiences(JdbcClient jdbc, CustomerAccounts customerAccounts) {
        this.jdbc = jdbc;
        this.customerAccounts = customerAccounts;
    }

    /** A user's language and time zone: their own choice where they made one, their customer account's where not. */
    Optional<Audience> ofUser(String username) {
        return audienceOf("u.username = ?", username);
    }

    /** The same for the user with this e-mail address (a password reset's mail). */
    Audience ofEmail(String email) {
        return audienceOf("lower(u.email) = lower(?)", email).orElse(Audience.DEFAULT);
    }

    private Optional<Audience> audienceOf(String userIs, String value) {
        return jdbc.sql("select u.language, u.time_zone, u.customer_id from portal_users u where " + userIs)
                .param(value)
                .query((rs, n) -> new Own(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class)))
                .optional()
                .map(own -> (own.customerId() == null
                                ? Audience.of(null, null)
                                : customerAccounts
                                        .customer(new CustomerId(own.customerId()))
                                        .audience())
                        .overriddenBy(own.language(), own.timeZone()));
    }

    /** What a user chose themselves: a language tag and a zone id, each null where the account's applies. */
    record Choice(String language, String timeZone) {}

    /** A user's own choice and the customer account whose language and zone apply where they made none. */
    private record Own(String language, String timeZone, Long customerId) {}

    public Choice choiceOf(String username) {
        return jdbc.sql("select language, time_zone from portal_users where username = ?")
                .param(username)
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2)))
                .single();
    }

    /** Keeps a user's own choice; a null language or zone goes back to the account's. */
    public void choose(String username, Locale language, ZoneId zone) {
        jdbc.sql("update portal_users set language = ?, time_zone = ? where username = ?")
                .params(language == null ? null : language.getLanguage(), zone == null ? null : zone.getId(), username)
                .update();
    }
}
