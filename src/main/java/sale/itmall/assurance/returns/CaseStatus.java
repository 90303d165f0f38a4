package sale.itmall.assurance.returns;

/** Where a return case stands; the portal's list and the {@code itmall_returns{state}} gauge show these. */
public enum CaseStatus {
    SUBMITTED,
    IN_DIAGNOSIS,
    /** TAC asked the customer a question; diagnosis resumes with the answer. */
    AWAITING_CUSTOMER_ANSWER,
    AWAITING_QUOTE_ANSWER,
    AWAITING_RMA_APPROVAL,
    AWAITING_RETURN,
    RECEIVED,
    RESOLVING,
    CLOSING,
    CLOSED
}
