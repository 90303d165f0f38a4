package sale.itmall.assurance.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import sale.itmall.assurance.returns.CustomerAccounts;
import sale.itmall.assurance.returns.CustomerId;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.Faults;

/**
 * Who reads a page, in which language and time zone (Spring MVC's locale resolver, so {@code #{…}} in templates and
 * {@code @labels.when(…)} follow it): a signed-in customer user their own choice or else their account's; a person
 * not signed in the language they picked on the sign-in page ({@code ?lang=de}, kept in a cookie) or else their
 * browser's, in UTC; staff English and UTC, as their pages and Tasklist are.
 */
@Component("localeResolver")
class PortalAudiences implements LocaleContextResolver {

    static final String COOKIE = "itmall-language";
    private static final String ATTRIBUTE = PortalAudiences.class.getName();

    private final JdbcClient jdbc;
    private final CustomerAccounts customerAccounts;

    PortalAudiences(JdbcClient jdbc, CustomerAccounts customerAccounts) {
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

    Choice choiceOf(String username) {
        return jdbc.sql("select language, time_zone from portal_users where username = ?")
                .param(username)
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2)))
                .single();
    }

    /** Keeps a user's own choice; a null language or zone goes back to the account's. */
    void choose(String username, Locale language, ZoneId zone) {
        jdbc.sql("update portal_users set language = ?, time_zone = ? where username = ?")
                .params(language == null ? null : language.getLanguage(), zone == null ? null : zone.getId(), username)
                .update();
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        Audience reader = (Audience) request.getAttribute(ATTRIBUTE);
        if (reader == null) {
            reader = reader(request);
            request.setAttribute(ATTRIBUTE, reader);
        }
        return new SimpleTimeZoneAwareLocaleContext(reader.language(), TimeZone.getTimeZone(reader.zone()));
    }

    private Audience reader(HttpServletRequest request) {
        Optional<Authentication> signedIn = signedIn();
        if (signedIn.isPresent()) {
            boolean customer =
                    signedIn.get().getAuthorities().stream().anyMatch(a -> "ROLE_CUSTOMER".equals(a.getAuthority()));
            if (!customer || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return Audience.DEFAULT;
            }
            try {
                return ofUser(signedIn.get().getName()).orElse(Audience.DEFAULT);
            } catch (DataAccessException e) {
                if (!Faults.isTechnical(e)) {
                    throw e;
                }
                // the database is away: the page answers 503 itself; its words need not wait for the database
                return Audience.DEFAULT;
            }
        }
        return new Audience(chosenOrBrowserLanguage(request), Audience.DEFAULT.zone());
    }

    private static Optional<Authentication> signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                ? Optional.of(auth)
                : Optional.empty();
    }

    private static Locale chosenOrBrowserLanguage(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    Optional<Locale> chosen = Audience.language(cookie.getValue());
                    if (chosen.isPresent()) {
                        return chosen.get();
                    }
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), Audience.LANGUAGES);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                return Audience.DEFAULT.language();
            }
        }
        return Audience.DEFAULT.language();
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolveLocaleContext(request).getLocale();
    }

    /** The language a person not signed in picked ({@code ?lang=de} on the sign-in page): kept a year in a cookie. */
    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        Locale wanted = context == null ? null : context.getLocale();
        Optional<Locale> language = Audience.language(wanted == null ? null : wanted.getLanguage());
        if (language.isEmpty() || response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, language.get().getLanguage());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        Audience now = reader(request);
        // a signed-in customer's choice is their settings' (the Settings page); the cookie serves the sign-in pages
        request.setAttribute(ATTRIBUTE, signedIn().isPresent() ? now : new Audience(language.get(), now.zone()));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        setLocaleContext(request, response, locale == null ? null : new SimpleLocaleContext(locale));
    }

    /** {@code ?lang=de} on any page sets the language of a person not signed in. */
    @Configuration
    static class LanguageSwitch implements WebMvcConfigurer {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            LocaleChangeInterceptor change = new LocaleChangeInterceptor();
            change.setParamName("lang");
            change.setIgnoreInvalidLocale(true);
            registry.addInterceptor(change);
        }
    }
}
