package sale.itmall.assurance.returns;

/** Where a return case stands; the portal's list and the {@code itmall_returns{state}} gauge show these. */
public enum CaseStatus {
    SUBMITTED,
    IN_DIAGNOSIS,
    AWAITING_QUOTE_ANSWER,
    AWAITING_RMA_APPROVAL,
    AWAITING_RETURN,
    RECEIVED,
    RESOLVING,
    CLOSING,
    CLOSED
}
