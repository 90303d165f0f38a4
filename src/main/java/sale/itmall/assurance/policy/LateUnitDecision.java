package sale.itmall.assurance.policy;

import java.util.List;

/**
 * What staff may decide for a unit that reached the warehouse after its case closed (§3.2: past the compliance limit
 * the unit was charged, the account suspended or the RMA expired). Which decisions fit depends on how the case closed;
 * docs/POLICY.md states the interpretation. Who decides is the model's gateway (bpmn/itmall-late-unit.bpmn).
 */
public enum LateUnitDecision {
    /** The unit is back: the full-unit charge is refunded as a credit note. */
    REFUND_CHARGE,
    /** The charge stands (e.g. the unit came back damaged beyond the reported fault); ITMall keeps the unit it owns. */
    KEEP_CHARGE,
    /** The unit is back: the account suspended for it is reinstated. */
    REINSTATE_ACCOUNT,
    /** The account stays suspended until the customer settles with the Service Governance Team. */
    KEEP_SUSPENDED,
    /** The expired RMA's inspection goes ahead as if the unit had come in time. */
    RESUME_INSPECTION,
    /** The unit goes back to the client unrepaired, freight paid by the client (§3.0: not a valid warranty claim). */
    SHIP_BACK;

    /** The decisions open after a case closed as {@code closedAs}. */
    public static List<LateUnitDecision> after(CaseOutcome closedAs) {
        return switch (closedAs) {
            case CHARGED_FULL_UNIT_PRICE -> List.of(REFUND_CHARGE, KEEP_CHARGE);
            case ACCOUNT_SUSPENDED -> List.of(REINSTATE_ACCOUNT, KEEP_SUSPENDED);
            case RMA_EXPIRED -> List.of(RESUME_INSPECTION, SHIP_BACK);
            default -> List.of(SHIP_BACK);
        };
    }
}
