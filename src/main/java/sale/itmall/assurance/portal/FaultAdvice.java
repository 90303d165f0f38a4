package sale.itmall.assurance.portal;

import io.camunda.client.api.command.ClientException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import sale.itmall.assurance.returns.InputRules;
import sale.itmall.assurance.returns.ProofFile;
import sale.itmall.assurance.shared.Faults;
import sale.itmall.assurance.shared.Sentence;

/**
 * What any page or API call answers when the database or the engine cannot be reached: 503 with {@code Retry-After},
 * as a problem detail for the API and as a page that says to try again for people, never a stack trace or a generic
 * 500. Other data faults answer 500 the same way, with the detail in the log only.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FaultAdvice {

    /** Seconds a client should wait before trying again while the database or the engine is away. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(FaultAdvice.class);

    @ExceptionHandler({TransactionException.class, DataAccessException.class, ClientException.class})
    Object fault(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        boolean technical = Faults.isTechnical(e);
        if (technical) {
            LOG.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), Faults.describe(e));
        } else {
            LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        }
        ProblemDetail problem = technical
                ? problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        said("problem.unavailable.title"),
                        "unavailable",
                        said("problem.unavailable.detail"))
                : problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        said("problem.internal.title"),
                        "internal-error",
                        said("problem.internal.detail"));
        return answer(request, response, problem);
    }

    /**
     * An upload the server could not take apart (too many parts, a malformed body) or too large. It fails before any
     * controller is chosen, so it is answered here for every door: a problem detail for the API, a page for people.
     */
    @ExceptionHandler(MultipartException.class)
    Object unreadableUpload(MultipartException e, HttpServletRequest request, HttpServletResponse response) {
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        return answer(
                request,
                response,
                problem(
                        tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
                        said("problem.upload.title"),
                        null,
                        tooLarge
                                ? said("problem.upload.too-large")
                                : said(
                                        "problem.upload.unreadable",
                                        InputRules.MAX_ITEMS,
                                        ProofFile.MAX_PER_ITEM,
                                        e.getMessage())));
    }

    /** A sentence of the problem in the language of the request's reader (Accept-Language for the API). */
    private static String said(String key, Object... args) {
        return new Sentence(key, args).in(LocaleContextHolder.getLocale());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (type != null) {
            problem.setType(URI.create("https://itmall.sale/problems/" + type));
        }
        return problem;
    }

    /**
     * The problem as the API answers it, or the error page for people (which says what the status means); a 503 tells
     * either when to try again.
     */
    private static Object answer(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) {
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}
