package sale.itmall.assurance.policy;

/** The policy's three resolutions of a valid claim (§3.0 step 04). */
public enum Resolution {
    REPAIR,
    REPLACEMENT,
    CREDIT
}
