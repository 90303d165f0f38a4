package sale.itmall.assurance.portal.customer;

import java.security.Principal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
        return pdf(labels.forCustomer(accounts.customerOf(me), caseRef));
    }

    /** A label shown in the browser (to print) and saved under its file name. */
    public static ResponseEntity<byte[]> pdf(ReturnLabels.Pdf pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(pdf.fileName())
                                .build()
                                .toString())
                .body(pdf.content());
    }
}
