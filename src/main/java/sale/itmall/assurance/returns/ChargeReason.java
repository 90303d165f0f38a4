package sale.itmall.assurance.returns;

/** Why money moves on a case; one charge per case and reason. */
public enum ChargeReason {
    /** §3.2: the faulty unit was not returned by the compliance limit while the customer holds an advance unit. */
    UNRETURNED_ADVANCE_UNIT,
    /** §2.3: a credit note instead of a repair or replacement. */
    CREDIT_NOTE,
    /** §3.1: an advance replacement was shipped but the returned unit's claim is not valid. */
    ADVANCE_UNIT_ON_INVALID_CLAIM,
    /** A paid repair the customer accepted: the quoted price, charged once repaired. */
    PAID_REPAIR
}
