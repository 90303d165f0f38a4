package sale.itmall.assurance.portal.staff;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.portal.Redirects;
import sale.itmall.assurance.returns.CaseRequests;
import sale.itmall.assurance.returns.CustomerAccounts;

/**
 * The Service Governance Team's suspended accounts: why and since when each is suspended, and reinstatement with a
 * reason the customer reads (after payment, or once the unit came back).
 */
@Controller
class SuspendedAccountPages {

    private final CustomerAccounts customerAccounts;
    private final CaseRequests caseRequests;

    SuspendedAccountPages(CustomerAccounts customerAccounts, CaseRequests caseRequests) {
        this.customerAccounts = customerAccounts;
        this.caseRequests = caseRequests;
    }

    @GetMapping("/staff/accounts/suspended")
    String suspended(Model model) {
        model.addAttribute("suspensions", customerAccounts.suspendedAccounts());
        return "staff-suspended-accounts";
    }

    @PostMapping("/staff/accounts/{customerNumber}/reinstatement")
    String reinstate(
            Principal me,
            @PathVariable String customerNumber,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return Redirects.after(redirect, "/staff/accounts/suspended", () -> {
            caseRequests.reinstateAccount(customerNumber, reason, "staff:" + me.getName());
            return "Account " + customerNumber + " reinstated; the customer is told why.";
        });
    }
}
