package sale.itmall.assurance.portal.customer;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.portal.Redirects;
import sale.itmall.assurance.portal.identity.PortalAccounts;
import sale.itmall.assurance.returns.CustomerQuestions;
import sale.itmall.assurance.shared.Labels;

/**
 * The customer's answer to a question TAC asked during remote diagnosis: text and files (the proofs' rules) from the
 * return's page, back to the page with what it did or why it was refused (keeping what they typed).
 */
@Controller
public class QuestionPages {

    private final CustomerQuestions questions;
    private final PortalAccounts accounts;
    private final Labels labels;

    QuestionPages(CustomerQuestions questions, PortalAccounts accounts, Labels labels) {
        this.questions = questions;
        this.accounts = accounts;
        this.labels = labels;
    }

    @PostMapping("/returns/{caseRef}/answer")
    String answer(
            Principal me,
            @PathVariable String caseRef,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        String next = Redirects.after(redirect, "/returns/" + caseRef, () -> {
            questions.answer(
                    accounts.customerOf(me),
                    caseRef,
                    answer,
                    Uploads.proofs("files", files),
                    "customer:" + me.getName());
            return labels.text(Labels.current(), "notice.answered");
        });
        if (redirect.getFlashAttributes().containsKey("error")) {
            // refused: what the customer typed is back in the field (the files are chosen again, the error names them)
            redirect.addFlashAttribute("answerDraft", answer);
        }
        return next;
    }
}
