package sale.itmall.assurance.portal.api;

import java.net.URI;
import java.util.Locale;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.InputRules;
import sale.itmall.assurance.returns.ReturnRejected;

/** API errors as RFC 9457 problem details, with the field a rejection concerns. */
@RestControllerAdvice(assignableTypes = ReturnsApi.class)
class ProblemAdvice {

    @ExceptionHandler(ReturnRejected.class)
    public ProblemDetail rejected(ReturnRejected e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.message(locale));
        problem.setTitle("Return request not accepted");
        problem.setType(URI.create("https://itmall.sale/problems/return-rejected"));
        problem.setProperty("field", e.field());
        return problem;
    }

    /**
     * A form field the binder cannot place, such as an item index past any request's size ({@code items[300]}): the
     * same refusal as too many items, naming the field; nothing is written.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    public ProblemDetail unplaceable(InvalidPropertyException e, Locale locale) {
        return rejected(
                new ReturnRejected(e.getPropertyName(), "items.unplaceable", InputRules.MAX_ITEMS, e.getPropertyName()),
                locale);
    }

    @ExceptionHandler(CaseNotFound.class)
    public ProblemDetail notFound(CaseNotFound e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.message(locale));
        problem.setTitle("Not found");
        return problem;
    }
}
