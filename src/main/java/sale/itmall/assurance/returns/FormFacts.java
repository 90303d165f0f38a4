package sale.itmall.assurance.returns;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.Entitlement;

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

    /** The entitlement under the case's own terms as the governance forms show it ("not checked yet" before them). */
    record EntitlementFacts(String status, String explanation, String warrantyEndsOn, String maintenanceEndsOn) {}

    static EntitlementFacts entitlementFacts(CaseRecord c) {
        if (c.policyTermsJson() == null) {
            return new EntitlementFacts("not checked yet", "", "", "none");
        }
        Entitlement e = c.policy().entitlement(c.assetFacts(), c.accountSuspended(), c.createdOn());
        return new EntitlementFacts(
                e.status().name(),
                e.explanation(),
                e.warrantyEndsOn().toString(),
                e.maintenanceEndsOn() == null ? "none" : e.maintenanceEndsOn().toString());
    }

    /** Where staff open the case from a Tasklist form. */
    String caseLink(CaseRecord c) {
        return staffBaseUrl + "/staff/cases/" + c.reference();
    }
}
