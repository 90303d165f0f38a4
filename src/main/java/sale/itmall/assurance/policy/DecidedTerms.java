package sale.itmall.assurance.policy;

/** Terms as one evaluation of the deployed policy decision gave them, with the decision version that gave them. */
public record DecidedTerms(PolicyTerms terms, String decisionId, long decisionKey, int decisionVersion) {

    /** How the audit trail and Operate name the decision: "itmall-policy-terms v2 (key 2251799813685312)". */
    public String decisionLabel() {
        return decisionId + " v" + decisionVersion + " (key " + decisionKey + ")";
    }
}
