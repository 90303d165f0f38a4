package sale.itmall.assurance.policy;

/** What a customer is entitled to for one asset on one day. */
public enum EntitlementStatus {
    /** Hardware warranty in force: diagnosis, and free repair/replacement/credit for a confirmed defect. */
    WARRANTY,
    /** Warranty ended, premium maintenance still in force: remote diagnosis, but no free repair or replacement. */
    MAINTENANCE_ONLY,
    /** A manufacturer's protection plan covers the asset: the customer follows the manufacturer's guidelines. */
    MANUFACTURER_PLAN,
    /** Neither warranty nor maintenance. */
    OUT_OF_COVERAGE,
    /** The account is suspended and cannot open new RMAs. */
    ACCOUNT_SUSPENDED
}
