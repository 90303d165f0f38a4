package sale.itmall.assurance.portal.customer;

import java.security.Principal;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.portal.identity.PortalAccounts;
import sale.itmall.assurance.portal.identity.UserAudiences;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.shared.Audience;

/**
 * A customer user's own language and time zone (Settings in the portal's menu): the pages they read follow it; left
 * empty, their account's applies (mails go to the account's address, in the account's language and zone).
 */
@Controller
class SettingsPages {

    private final PortalAccounts accounts;
    private final UserAudiences audiences;

    SettingsPages(PortalAccounts accounts, UserAudiences audiences) {
        this.accounts = accounts;
        this.audiences = audiences;
    }

    @ModelAttribute("customer")
    Customer customer(Principal me) {
        return me == null ? null : accounts.customerOf(me);
    }

    @GetMapping("/settings")
    String settings(@ModelAttribute("customer") Customer customer, Principal me, Model model) {
        model.addAttribute("choice", audiences.choiceOf(me.getName()));
        model.addAttribute("languages", Audience.LANGUAGES);
        model.addAttribute("zones", Audience.ZONES);
        model.addAttribute("account", customer.audience());
        return "settings";
    }

    /** An empty choice is the account's; anything not listed is refused with the page's own words. */
    @PostMapping("/settings")
    String save(
            Principal me,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String timeZone,
            RedirectAttributes redirect) {
        Optional<Locale> chosenLanguage = Audience.language(language);
        Optional<ZoneId> chosenZone = Audience.zone(timeZone);
        if (language != null && !language.isBlank() && chosenLanguage.isEmpty()) {
            redirect.addFlashAttribute("settingsError", "settings.language.unknown");
        } else if (timeZone != null && !timeZone.isBlank() && chosenZone.isEmpty()) {
            redirect.addFlashAttribute("settingsError", "settings.zone.unknown");
        } else {
            audiences.choose(me.getName(), chosenLanguage.orElse(null), chosenZone.orElse(null));
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/settings";
    }
}
