package sale.itmall.assurance.reporting;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriUtils;
import sale.itmall.assurance.notifications.Notifications;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.CustomerQuestions;
import sale.itmall.assurance.returns.ReturnsQuery;

/**
 * A case as the service assurance team sees it (role STAFF): its facts, the customer's proofs, the questions TAC asked
 * with the customer's answers and files, the audit trail (also as CSV) and the mails.
 */
@Controller
class CasePages {

    private final Reports reports;
    private final ReturnsQuery returns;
    private final Notifications notifications;
    private final CustomerQuestions questions;

    CasePages(Reports reports, ReturnsQuery returns, Notifications notifications, CustomerQuestions questions) {
        this.reports = reports;
        this.returns = returns;
        this.notifications = notifications;
        this.questions = questions;
    }

    @GetMapping("/staff/cases")
    String findCase(@RequestParam String ref) {
        // encoded: a reference is text the user typed, not part of a URL template
        return "redirect:/staff/cases/" + UriUtils.encodePathSegment(ref.trim(), StandardCharsets.UTF_8);
    }

    @GetMapping("/staff/cases/{caseRef}")
    String auditTrail(@PathVariable String caseRef, Model model) {
        CaseFacts c = returns.staffCase(caseRef);
        model.addAttribute("c", c);
        model.addAttribute("audit", reports.auditTrail(caseRef));
        model.addAttribute("messages", notifications.forCase(c));
        model.addAttribute("proofs", returns.staffProofs(caseRef));
        model.addAttribute("questions", questions.exchange(caseRef));
        return "staff-case";
    }

    @GetMapping("/staff/cases/{caseRef}/audit.csv")
    ResponseEntity<String> auditCsv(@PathVariable String caseRef) {
        return reports.auditTrail(caseRef).download();
    }

    @ExceptionHandler(CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(CaseNotFound e, Model model) {
        model.addAttribute("error", e.getMessage()); // staff pages are English
        return "not-found";
    }
}
