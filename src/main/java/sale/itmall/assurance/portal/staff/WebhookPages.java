package sale.itmall.assurance.portal.staff;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.webhooks.EventType;
import sale.itmall.assurance.webhooks.Signature;
import sale.itmall.assurance.webhooks.Webhooks;

/**
 * Service administrators subscribe the vendor's systems to events: endpoint, event types, the signing secret shown
 * once; the delivery log with each attempt's answer and <em>Send again</em>.
 */
@Controller
class WebhookPages {

    static final int LOG_SIZE = 100;
    private static final String PAGE = "redirect:/staff/webhooks";

    private final Webhooks webhooks;

    WebhookPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/staff/webhooks")
    String page(Model model) {
        model.addAttribute("subscriptions", webhooks.subscriptions());
        model.addAttribute("deliveries", webhooks.deliveries(null, LOG_SIZE));
        model.addAttribute("types", EventType.values());
        model.addAttribute("signatureHeader", Signature.HEADER);
        return "staff-webhooks";
    }

    @PostMapping("/staff/webhooks")
    String subscribe(
            Principal me,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) List<String> eventTypes,
            @RequestParam(defaultValue = "") String description,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "created", webhooks.subscribe(url, eventTypes, description, "staff:" + me.getName()));
        } catch (Webhooks.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }

    @PostMapping("/staff/webhooks/{id}/deactivation")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        webhooks.deactivate(id);
        redirect.addFlashAttribute("message", "Subscription " + id + " is off: no more events are sent to it.");
        return PAGE;
    }

    @PostMapping("/staff/webhooks/deliveries/{id}/resend")
    String sendAgain(@PathVariable long id, RedirectAttributes redirect) {
        webhooks.sendAgain(id);
        redirect.addFlashAttribute("message", "Delivery " + id + " is queued again, with the same event id.");
        return PAGE;
    }
}
