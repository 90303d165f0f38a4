package sale.itmall.assurance.portal.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;
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

    private final UserAudiences users;

    PortalAudiences(UserAudiences users) {
        this.users = users;
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
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // a machine client says which language its people read (problem details) with Accept-Language; times UTC
            return new Audience(acceptedLanguage(request), Audience.DEFAULT.zone());
        }
        Optional<Authentication> signedIn = signedIn();
        if (signedIn.isPresent()) {
            boolean customer =
                    signedIn.get().getAuthorities().stream().anyMatch(a -> "ROLE_CUSTOMER".equals(a.getAuthority()));
            if (!customer) {
                return Audience.DEFAULT;
            }
            try {
                return users.ofUser(signedIn.get().getName()).orElse(Audience.DEFAULT);
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
        return acceptedLanguage(request);
    }

    /** The best of the portal's languages the request's Accept-Language header names; English without one. */
    private static Locale acceptedLanguage(HttpServletRequest request) {
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
}
