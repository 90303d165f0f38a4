package sale.itmall.assurance.portal.identity;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of people coming in, signed in or not: an invited person chooses a password from the mailed link; anyone
 * resets a forgotten password by e-mail.
 */
@Controller
class SignInPages {

    private final SignInLinks links;

    SignInPages(SignInLinks links) {
        this.links = links;
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        try {
            SignInLinks.Link link = links.open(token, "INVITATION");
            model.addAttribute("email", link.email());
            model.addAttribute("customerName", link.customerName());
            model.addAttribute(
                    "staffRoles", link.staffRoles().isEmpty() ? null : SignInLinks.labels(link.staffRoles()));
        } catch (SignInRefused e) {
            model.addAttribute("refused", e.message(LocaleContextHolder.getLocale()));
        }
        model.addAttribute("heading", "password.heading.welcome");
        model.addAttribute("action", "/invitations/" + token);
        return "set-password";
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam String password,
            @RequestParam String repeated,
            Model model,
            RedirectAttributes redirect) {
        try {
            links.accept(token, password, repeated);
            return "redirect:/login?welcome";
        } catch (SignInRefused e) {
            model.addAttribute("error", e.message(LocaleContextHolder.getLocale()));
            return invitation(token, model);
        }
    }

    @GetMapping("/password-reset")
    String resetRequest() {
        return "password-reset";
    }

    @PostMapping("/password-reset")
    String requestReset(@RequestParam String email, RedirectAttributes redirect) {
        links.requestReset(email);
        redirect.addFlashAttribute("resetSentTo", email.trim());
        return "redirect:/password-reset";
    }

    @GetMapping("/password-reset/{token}")
    String resetForm(@PathVariable String token, Model model) {
        try {
            model.addAttribute("email", links.open(token, "PASSWORD_RESET").email());
        } catch (SignInRefused e) {
            model.addAttribute("refused", e.message(LocaleContextHolder.getLocale()));
        }
        model.addAttribute("heading", "password.heading.new");
        model.addAttribute("action", "/password-reset/" + token);
        return "set-password";
    }

    @PostMapping("/password-reset/{token}")
    String reset(
            @PathVariable String token, @RequestParam String password, @RequestParam String repeated, Model model) {
        try {
            links.reset(token, password, repeated);
            return "redirect:/login?reset";
        } catch (SignInRefused e) {
            model.addAttribute("error", e.message(LocaleContextHolder.getLocale()));
            return resetForm(token, model);
        }
    }
}
