package sale.itmall.assurance.policy;

/** What the TAC engineer concluded in remote diagnosis. */
public enum DiagnosisOutcome {
    RESOLVED_REMOTELY,
    HARDWARE_DEFECT,
    NO_FAULT_FOUND,
    EXCLUDED
}
