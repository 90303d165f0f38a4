package sale.itmall.assurance.portal.customer;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import sale.itmall.assurance.portal.Redirects;
import sale.itmall.assurance.returns.CaseNotFound;

/**
 * What the customer's pages answer for a case, proof or label that is not there, or is another customer's: the
 * not-found page in the reader's language (one handler for every page of a case).
 */
@ControllerAdvice(assignableTypes = {PortalPages.class, ReturnLabelPages.class, QuestionPages.class})
class CustomerNotFound {

    @ExceptionHandler(CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(CaseNotFound e, Model model) {
        model.addAttribute("error", Redirects.said(e));
        return "not-found";
    }
}
