package sale.itmall.assurance.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the policy decides once the returned unit has been inspected.
 *
 * @param resolution the resolution of a valid claim, or null for an invalid one
 * @param newWarrantyEndsOn the warranty end of the repaired or replacement unit, or null
 * @param issueReplacement whether a replacement unit is issued now (not when one was sent in advance)
 * @param transferOwnership whether the returned unit becomes ITMall's now
 * @param creditAmount the credit note for the customer, or zero
 * @param advanceUnitCharge the charge for an advance unit the customer keeps on an invalid claim, or zero
 * @param repairCharge the price of a paid repair the customer accepted, or zero
 * @param outbound the outbound shipment, if any, with its payer
 */
public record ResolutionPlan(
        CaseOutcome outcome,
        Resolution resolution,
        ExclusionReason exclusion,
        LocalDate newWarrantyEndsOn,
        boolean issueReplacement,
        boolean transferOwnership,
        BigDecimal creditAmount,
        BigDecimal advanceUnitCharge,
        BigDecimal repairCharge,
        Optional<FreightLeg> outbound) {}
