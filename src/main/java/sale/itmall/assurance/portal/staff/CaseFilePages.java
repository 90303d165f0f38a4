package sale.itmall.assurance.portal.staff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import sale.itmall.assurance.portal.Downloads;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.ReturnsQuery;

/**
 * The files a customer sent on a case, for staff (every staff role, like the case page that lists them): the proofs
 * of the request and the files answering TAC's questions.
 */
@Controller
class CaseFilePages {

    private final ReturnsQuery returns;

    CaseFilePages(ReturnsQuery returns) {
        this.returns = returns;
    }

    @GetMapping("/staff/cases/{caseRef}/proofs/{proofId}")
    ResponseEntity<byte[]> proof(@PathVariable String caseRef, @PathVariable long proofId) {
        return Downloads.proof(returns.staffProof(caseRef, proofId));
    }

    @ExceptionHandler(CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(CaseNotFound e, Model model) {
        model.addAttribute("error", e.getMessage()); // staff pages are English
        return "not-found";
    }
}
