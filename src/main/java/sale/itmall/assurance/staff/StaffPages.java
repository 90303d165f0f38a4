package sale.itmall.assurance.staff;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import sale.itmall.assurance.cases.CaseNotFound;
import sale.itmall.assurance.cases.CaseStore;
import sale.itmall.assurance.notify.Notifications;

/** Reports and per-case audit trails for the service assurance team (role STAFF), as pages and CSV. */
@Controller
public class StaffPages {

  private final Reports reports;
  private final CaseStore store;
  private final Notifications notifications;

  public StaffPages(Reports reports, CaseStore store, Notifications notifications) {
    this.reports = reports;
    this.store = store;
    this.notifications = notifications;
  }

  @GetMapping("/staff/reports")
  public String reports(Model model) {
    model.addAttribute("tables", reports.names().stream().map(reports::report).toList());
    return "staff-reports";
  }

  @GetMapping(path = "/staff/reports/{name}.csv")
  public ResponseEntity<String> reportCsv(@PathVariable String name) {
    return csv(reports.report(name));
  }

  @GetMapping("/staff/cases")
  public String findCase(@RequestParam String ref) {
    return "redirect:/staff/cases/" + ref.trim();
  }

  @GetMapping("/staff/cases/{caseRef}")
  public String auditTrail(@PathVariable String caseRef, Model model) {
    model.addAttribute("c", store.require(caseRef));
    model.addAttribute("audit", reports.auditTrail(caseRef));
    model.addAttribute("messages", notifications.forCase(store.require(caseRef).id()));
    return "staff-case";
  }

  @GetMapping("/staff/cases/{caseRef}/audit.csv")
  public ResponseEntity<String> auditCsv(@PathVariable String caseRef) {
    return csv(reports.auditTrail(caseRef));
  }

  @ExceptionHandler(CaseNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound(CaseNotFound e, Model model) {
    model.addAttribute("error", e.getMessage());
    return "not-found";
  }

  private static ResponseEntity<String> csv(Reports.Table table) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(table.name() + ".csv").build().toString())
        .body(table.csv());
  }
}
