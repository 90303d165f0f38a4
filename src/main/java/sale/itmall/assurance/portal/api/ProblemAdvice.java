package sale.itmall.assurance.portal.api;

import java.net.URI;
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
    public ProblemDetail rejected(ReturnRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
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
    public ProblemDetail unplaceable(InvalidPropertyException e) {
        return rejected(new ReturnRejected(
                e.getPropertyName(),
                "Return at most " + InputRules.MAX_ITEMS + " items in one request (" + e.getPropertyName()
                        + " is not one of them)"));
    }

    @ExceptionHandler(CaseNotFound.class)
    public ProblemDetail notFound(CaseNotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }
}
