package sale.itmall.assurance.portal;

import java.security.Principal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.shared.Audience;

/**
 * A customer user's own language and time zone (Settings in the portal's menu): the pages they read follow it; left
 * empty, their account's applies (mails go to the account's address, in the account's language and zone).
 */
@Controller
class SettingsPages {

    private final PortalAccounts accounts;
    private final JdbcClient jdbc;

    SettingsPages(PortalAccounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @ModelAttribute("customer")
    Customer customer(Principal me) {
        return me == null ? null : accounts.customerOf(me);
    }

    record Choice(String language, String timeZone) {}

    @GetMapping("/settings")
    String settings(@ModelAttribute("customer") Customer customer, Principal me, Model model) {
        model.addAttribute("choice", choice(me));
        model.addAttribute("languages", Audience.LANGUAGES);
        model.addAttribute("zones", Audience.ZONES);
        model.addAttribute("account", customer.audience());
        return "settings";
    }

    @PostMapping("/settings")
    String save(
            @ModelAttribute("customer") Customer customer,
            Principal me,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String timeZone,
            RedirectAttributes redirect) {
        boolean languageGiven = language != null && !language.isBlank();
        boolean zoneGiven = timeZone != null && !timeZone.isBlank();
        if (languageGiven && Audience.language(language).isEmpty()) {
            redirect.addFlashAttribute("settingsError", "settings.language.unknown");
            return "redirect:/settings";
        }
        if (zoneGiven && Audience.zone(timeZone).isEmpty()) {
            redirect.addFlashAttribute("settingsError", "settings.zone.unknown");
            return "redirect:/settings";
        }
        jdbc.sql("update portal_users set language = ?, time_zone = ? where username = ?")
                .params(
                        languageGiven
                                ? Audience.language(language).orElseThrow().getLanguage()
                                : null,
                        zoneGiven ? timeZone.strip() : null,
                        me.getName())
                .update();
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings";
    }

    private Choice choice(Principal me) {
        return jdbc.sql("select language, time_zone from portal_users where username = ?")
                .param(me.getName())
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2)))
                .single();
    }
}
