package sale.itmall.assurance.returns;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.process.Variables;

/**
 * Facts of a case that the governance forms show (a dispute, a late unit), built in one place for every message that
 * starts such a process: the entitlement under the case's own terms and the link staff open the case with.
 */
@Component
class FormFacts {

    private final String staffBaseUrl;

    FormFacts(@Value("${itmall.staff.base-url:http://localhost:8080}") String staffBaseUrl) {
        this.staffBaseUrl = staffBaseUrl;
    }

    /**
     * The case as the staff forms of the processes it starts show it, with its entitlement under the case's own terms
     * (absent before they were applied).
     */
    static Variables.CaseIdentity identity(CaseRecord c) {
        Entitlement e = c.policyTermsJson() == null
                ? null
                : c.policy().entitlement(c.assetFacts(), c.accountSuspended(), c.createdOn());
        return new Variables.CaseIdentity(
                c.reference(),
                c.requestReference(),
                c.customerNumber(),
                c.customerName(),
                c.serialNumber(),
                c.model(),
                c.category(),
                c.shippedOn(),
                c.policyRevision(),
                e == null ? null : e.status(),
                e == null ? null : e.explanation(),
                e == null ? null : e.warrantyEndsOn(),
                e == null ? null : e.maintenanceEndsOn());
    }

    /** Where staff open the case from a Tasklist form. */
    String caseLink(CaseRecord c) {
        return staffBaseUrl + "/staff/cases/" + c.reference();
    }
}
