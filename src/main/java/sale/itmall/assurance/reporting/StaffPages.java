package sale.itmall.assurance.reporting;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import sale.itmall.assurance.notifications.Notifications;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.ReturnsQuery;

/** Reports and per-case audit trails for the service assurance team (role STAFF), as pages and CSV. */
@Controller
class StaffPages {

    private final Reports reports;
    private final ReturnsQuery returns;
    private final Notifications notifications;

    StaffPages(Reports reports, ReturnsQuery returns, Notifications notifications) {
        this.reports = reports;
        this.returns = returns;
        this.notifications = notifications;
    }

    @GetMapping("/staff/reports")
    String reports(Model model) {
        model.addAttribute(
                "tables", reports.names().stream().map(reports::report).toList());
        model.addAttribute("undeliverable", notifications.undeliverable());
        return "staff-reports";
    }

    @PostMapping("/staff/notifications/{id}/retry")
    String retryNotification(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message",
                notifications.retry(id)
                        ? "Notification " + id + " is queued again."
                        : "Notification " + id + " was already sent.");
        return "redirect:/staff/reports";
    }

    @GetMapping(path = "/staff/reports/{name}.csv")
    ResponseEntity<String> reportCsv(@PathVariable String name) {
        return csv(reports.report(name));
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
        return "staff-case";
    }

    @GetMapping("/staff/cases/{caseRef}/audit.csv")
    ResponseEntity<String> auditCsv(@PathVariable String caseRef) {
        return csv(reports.auditTrail(caseRef));
    }

    @ExceptionHandler(CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(CaseNotFound e, Model model) {
        model.addAttribute("error", e.getMessage());
        return "not-found";
    }

    private static ResponseEntity<String> csv(Reports.Table table) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(table.name() + ".csv")
                                .build()
                                .toString())
                .body(table.csv());
    }
}
