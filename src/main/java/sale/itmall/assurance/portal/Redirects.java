package sale.itmall.assurance.portal;

import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.ReturnRejected;

/** A page's action answered with a redirect: what it did reaches the next page as a notice, a refusal as an error. */
public final class Redirects {

    private Redirects() {}

    /** Runs {@code action} (which answers what it did, in words) and redirects to {@code path}. */
    public static String after(RedirectAttributes redirect, String path, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (ReturnRejected e) {
            redirect.addFlashAttribute("error", said(e));
        }
        return "redirect:" + path;
    }

    /** A refusal in the language of the request's reader (Spring's locale: the user's, the account's or the browser's). */
    public static String said(RuntimeException e) {
        return switch (e) {
            case ReturnRejected r -> r.message(LocaleContextHolder.getLocale());
            case CaseNotFound n -> n.message(LocaleContextHolder.getLocale());
            default -> e.getMessage();
        };
    }
}
