package sale.itmall.assurance.policy;

/** How a return case ends. */
public enum CaseOutcome {
    RESOLVED_REMOTELY(true),
    MANUFACTURER_REFERRAL(false),
    OUT_OF_WARRANTY(false),
    ACCOUNT_SUSPENDED_NO_NEW_RMA(false),
    NO_FAULT_FOUND(false),
    EXCLUDED(false),
    RMA_REJECTED(false),
    REPAIRED(true),
    REPLACED(true),
    CREDITED(true),
    CHARGED_FULL_UNIT_PRICE(false),
    ACCOUNT_SUSPENDED(false),
    RMA_EXPIRED(false),
    CANCELLED(false),
    /** A paid repair: not a warranty claim, so the client pays both freight legs. */
    PAID_REPAIR(false),
    REPAIR_QUOTE_DECLINED(false),
    REPAIR_QUOTE_EXPIRED(false),
    /** TAC asked the customer during remote diagnosis and no answer came in the terms' time. */
    CUSTOMER_NO_ANSWER(false);

    private final boolean validClaim;

    CaseOutcome(boolean validClaim) {
        this.validClaim = validClaim;
    }

    /** A valid warranty claim: ITMall pays outbound freight. */
    public boolean validClaim() {
        return validClaim;
    }
}
