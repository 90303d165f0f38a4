package sale.itmall.assurance.portal.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import sale.itmall.assurance.portal.FaultAdvice;
import sale.itmall.assurance.shared.Faults;

/**
 * Signs in a call that carries an {@value ApiKeys#HEADER} header, for that request only (no session). An unknown or
 * revoked key is a 401 problem, not an anonymous call; a database that cannot be reached is a 503 with Retry-After. What
 * a key may call is decided by the integrations' filter chain in {@link SecurityConfig}: its API only, never a page.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    /** Writes a problem detail: status and text. */
    interface Problem {
        void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException;
    }

    private final ApiKeys keys;
    private final Problem problem;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys, Problem problem) {
        this.keys = keys;
        this.problem = problem;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Authentication> signIn;
        try {
            signIn = keys.authenticate(request.getHeader(ApiKeys.HEADER).trim());
        } catch (RuntimeException e) {
            if (!Faults.isTechnical(e)) {
                throw e;
            }
            response.setHeader("Retry-After", String.valueOf(FaultAdvice.RETRY_AFTER_SECONDS));
            problem.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The API key cannot be checked right now (a service is unreachable); nothing was changed. Try"
                            + " again after the Retry-After delay.");
            return;
        }
        if (signIn.isEmpty()) {
            problem.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The API key is unknown or was revoked; a service administrator issues keys under Staff > API"
                            + " keys");
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(signIn.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
