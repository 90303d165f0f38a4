package sale.itmall.assurance.policy;

/**
 * Where a case goes after remote diagnosis.
 *
 * @param closeWith the outcome that closes the case, or null when the case goes on
 * @param exclusion the exclusion found, or null
 * @param advanceReplacement whether the confirmed defect qualifies for advance replacement
 * @param paidRepairQuote whether the case waits for the customer's answer to a paid repair quote
 */
public record DiagnosisDecision(
        CaseOutcome closeWith, ExclusionReason exclusion, boolean advanceReplacement, boolean paidRepairQuote) {

    public DiagnosisDecision(CaseOutcome closeWith, ExclusionReason exclusion, boolean advanceReplacement) {
        this(closeWith, exclusion, advanceReplacement, false);
    }

    public boolean goesToRmaApproval() {
        return closeWith == null && !paidRepairQuote;
    }
}
