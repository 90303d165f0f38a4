package sale.itmall.assurance.portal.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import sale.itmall.assurance.portal.FaultAdvice;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.returns.ProofFile;
import sale.itmall.assurance.shared.Faults;

/**
 * Sign-in for the Self-Service Returns Center: accounts in {@code portal_users} with hashed passwords, a session after
 * form login, CSRF protection on every state-changing request (pages carry the token in their forms, API clients echo
 * the XSRF-TOKEN cookie). Staff hold the roles of their work ({@link StaffRole}); with an OpenID Connect provider
 * configured they sign in through it. Machine clients (ERP import, warehouse receipts) use an API key or HTTP Basic,
 * with no session.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String ADMIN = StaffRole.SERVICE_ADMINISTRATOR.role();

    /**
     * Pages load scripts, styles and images from this application only (no inline script: the wizard's and the slip's
     * scripts are files), are never framed, and post forms only here. Inline styles stay allowed for the API docs.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /** A wrong password and a locked sign-in read differently on the sign-in page. */
    private static ExceptionMappingAuthenticationFailureHandler signInFailure() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(
                LockedException.class.getName(),
                "/login?locked",
                DisabledException.class.getName(),
                "/login?disabled",
                // the accounts could not be read (the database is away): not a wrong password
                InternalAuthenticationServiceException.class.getName(),
                "/login?unavailable"));
        return handler;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Machine clients with an API key: a chain of their own, stateless (no session is made), where a key opens its
     * integration's API and nothing else.
     */
    @Bean
    @Order(1)
    SecurityFilterChain integrations(HttpSecurity http, ObjectMapper json, ApiKeys apiKeys) throws Exception {
        http.securityMatcher(request -> request.getHeader(ApiKeys.HEADER) != null)
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/api/admin/installed-base/**", "/api/admin/installed-base")
                                .hasRole(ApiKeys.Integration.INSTALLED_BASE_IMPORT.role())
                                .requestMatchers("/api/warehouse/**")
                                .hasRole(ApiKeys.Integration.WAREHOUSE_RECEIPTS.role())
                                .anyRequest()
                                .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(
                        new ApiKeyFilter(
                                apiKeys, (response, status, detail) -> problem(response, json, status, detail)),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problem(response, json, HttpStatus.FORBIDDEN, "This API key's integration may not call this")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portal(
            HttpSecurity http,
            ObjectMapper json,
            ObjectProvider<ClientRegistrationRepository> identityProviders,
            StaffSignIn staffSignIn)
            throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/vendor/**",
                                "/actuator/health",
                                "/actuator/info",
                                "/error",
                                // a mailed link, or the page that mails one: for people who cannot sign in yet
                                "/invitations/*",
                                "/password-reset",
                                "/password-reset/*")
                        .permitAll()
                        // the installed base and the people come in through service administrators (an ERP's API
                        // key is let in by the integrations' chain above, never by this one)
                        .requestMatchers(
                                "/api/admin/**",
                                "/staff/installed-base/**",
                                "/staff/installed-base",
                                "/staff/customers/**",
                                "/staff/team/**",
                                "/staff/team",
                                "/staff/api-keys/**",
                                "/staff/api-keys",
                                "/staff/webhooks/**",
                                "/staff/webhooks",
                                // the demo clock's page and API (demo profile only)
                                "/staff/demo/**",
                                "/api/staff/demo/**")
                        .hasRole(ADMIN)
                        // units received: the warehouse's people (the scan page too), or its system with a warehouse
                        // API key
                        .requestMatchers("/api/warehouse/**", "/staff/warehouse/**")
                        .hasRole(StaffRole.WAREHOUSE.role())
                        // reports and case audit for every staff role; metrics tell returns by state, charges and
                        // suspensions: staff only (scrapers use HTTP Basic)
                        // reinstating suspended accounts is the Service Governance Team's
                        .requestMatchers("/staff/accounts/**")
                        .hasRole(StaffRole.SERVICE_GOVERNANCE.role())
                        .requestMatchers("/staff/**", "/actuator/**", "/api/staff/**")
                        .hasRole(StaffAuthorities.STAFF)
                        // the API's description is for its users: anyone signed in
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .authenticated()
                        .requestMatchers("/api/**")
                        .hasRole("CUSTOMER")
                        .anyRequest()
                        .hasRole("CUSTOMER"))
                .formLogin(form -> form.loginPage("/login")
                        .permitAll()
                        .failureHandler(signInFailure())
                        .successHandler(
                                (request, response, authentication) -> response.sendRedirect(request.getContextPath()
                                        + (authentication.getAuthorities().stream()
                                                        .anyMatch(a -> a.getAuthority()
                                                                .equals("ROLE_" + StaffAuthorities.STAFF))
                                                ? "/staff/reports"
                                                : "/"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint(json)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        // machine clients with HTTP Basic and no session: the warehouse and the ERP's import
                        .ignoringRequestMatchers(
                                new AntPathRequestMatcher("/api/warehouse/**"),
                                new AntPathRequestMatcher("/api/admin/**"),
                                // the staff API's integrations sign in with HTTP Basic on each request; the task
                                // page, signed in by session, sends the CSRF token
                                request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/staff/")
                                        && request.getHeader("Authorization") != null))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                (request, response, e) -> problem(
                                        response, json, HttpStatus.UNAUTHORIZED, "Sign in to use the returns API"),
                                new AntPathRequestMatcher("/api/**"))
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> problem(
                                        response,
                                        json,
                                        HttpStatus.FORBIDDEN,
                                        "Your account may not do this (or the CSRF token is missing)"),
                                new AntPathRequestMatcher("/api/**"))
                        .defaultAccessDeniedHandlerFor(SecurityConfig::pageAccessDenied, AnyRequestMatcher.INSTANCE));
        if (identityProviders.getIfAvailable() != null) {
            // staff sign in through the organisation's OpenID Connect provider; local sign-ins stay
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(user -> user.oidcUserService(staffSignIn))
                    .successHandler((request, response, authentication) ->
                            response.sendRedirect(request.getContextPath() + "/staff/reports"))
                    .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                            + (e instanceof OAuth2AuthenticationException oauth
                                            && StaffSignIn.NO_STAFF_ROLE.equals(
                                                    oauth.getError().getErrorCode())
                                    ? "/login?norole"
                                    : "/login?ssofailed"))));
        }
        return http.build();
    }

    /**
     * HTTP Basic that fails because the accounts cannot be read answers 503 with Retry-After: a client that hears 401
     * would take its credentials for wrong. A wrong password stays 401 with the Basic challenge.
     */
    private static AuthenticationEntryPoint basicEntryPoint(ObjectMapper json) {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("ITMall Service Assurance");
        return (request, response, e) -> {
            if (e instanceof InternalAuthenticationServiceException && Faults.isTechnical(e)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(FaultAdvice.RETRY_AFTER_SECONDS));
                problem(
                        response,
                        json,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Sign-in cannot be checked right now (a service is unreachable); nothing was changed. Try"
                                + " again after the Retry-After delay.");
            } else {
                challenge.commence(request, response, e);
            }
        };
    }

    /**
     * A page's form refused: a multipart body too large for the server to read also loses its CSRF token, which is
     * then an upload to make smaller (413, said so on the page), not a forbidden request.
     */
    private static void pageAccessDenied(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException {
        String type = request.getContentType();
        boolean unreadUpload = e instanceof CsrfException
                && type != null
                && type.startsWith("multipart/")
                && request.getContentLengthLong() > ProofFile.MAX_BYTES;
        response.sendError(unreadUpload ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.FORBIDDEN.value());
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }
}
