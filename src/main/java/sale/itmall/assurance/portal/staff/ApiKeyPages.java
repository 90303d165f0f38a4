package sale.itmall.assurance.portal.staff;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.portal.identity.ApiKeys;

/** Service administrators issue and revoke the API keys of integrations (ERP import, warehouse receipts). */
@Controller
class ApiKeyPages {

    private final ApiKeys keys;

    ApiKeyPages(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/staff/api-keys")
    String keys(Model model) {
        model.addAttribute("keys", keys.all());
        model.addAttribute("integrations", ApiKeys.Integration.values());
        model.addAttribute("header", ApiKeys.HEADER);
        return "staff-api-keys";
    }

    @PostMapping("/staff/api-keys")
    String issue(
            Principal me,
            @RequestParam String name,
            @RequestParam ApiKeys.Integration integration,
            RedirectAttributes redirect) {
        try {
            ApiKeys.Issued issued = keys.issue(me.getName(), name, integration);
            // shown once, on the page the redirect leads to; never stored in clear
            redirect.addFlashAttribute("issued", issued);
        } catch (ApiKeys.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/api-keys";
    }

    @PostMapping("/staff/api-keys/{id}/revoke")
    String revoke(Principal me, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message",
                keys.revoke(me.getName(), id)
                        ? "The key is revoked: calls with it are refused from now on."
                        : "That key was revoked already.");
        return "redirect:/staff/api-keys";
    }
}
