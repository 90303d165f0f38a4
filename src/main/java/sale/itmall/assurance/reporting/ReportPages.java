package sale.itmall.assurance.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.notifications.Notifications;

/** The service assurance team's reports (role STAFF), as pages and CSV, and the undeliverable mails with a retry. */
@Controller
class ReportPages {

    private final Reports reports;
    private final Notifications notifications;

    ReportPages(Reports reports, Notifications notifications) {
        this.reports = reports;
        this.notifications = notifications;
    }

    @GetMapping("/staff/reports")
    String reports(Model model) {
        List<Reports.Table> tables =
                reports.names().stream().map(reports::report).toList();
        Map<String, String> charts = new HashMap<>();
        tables.forEach(t -> TrendCharts.svg(t).ifPresent(svg -> charts.put(t.name(), svg)));
        model.addAttribute("tables", tables);
        model.addAttribute("charts", charts);
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
        return reports.report(name).download();
    }
}
