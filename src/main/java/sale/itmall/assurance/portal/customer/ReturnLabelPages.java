package sale.itmall.assurance.portal.customer;

import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sale.itmall.assurance.portal.Downloads;
import sale.itmall.assurance.portal.identity.PortalAccounts;
import sale.itmall.assurance.returns.ReturnLabels;

/** The return label of an authorized RMA, for the customer to print: a PDF in their language and time zone. */
@Controller
public class ReturnLabelPages {

    private final ReturnLabels labels;
    private final PortalAccounts accounts;

    ReturnLabelPages(ReturnLabels labels, PortalAccounts accounts) {
        this.labels = labels;
        this.accounts = accounts;
    }

    @GetMapping("/returns/{caseRef}/label.pdf")
    ResponseEntity<byte[]> label(Principal me, @PathVariable String caseRef) {
        // another customer's case is not found, as on every page of a case
        return Downloads.label(labels.forCustomer(accounts.customerOf(me), caseRef));
    }
}
