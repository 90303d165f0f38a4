package sale.itmall.assurance.policy;

/**
 * Where a case goes after remote diagnosis.
 *
 * @param closeWith the outcome that closes the case, or null when the case goes on to RMA approval
 * @param exclusion the exclusion found, or null
 * @param advanceReplacement whether the confirmed defect qualifies for advance replacement
 */
public record DiagnosisDecision(CaseOutcome closeWith, ExclusionReason exclusion, boolean advanceReplacement) {

    public boolean goesToRmaApproval() {
        return closeWith == null;
    }
}
