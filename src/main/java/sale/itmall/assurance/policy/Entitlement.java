package sale.itmall.assurance.policy;

import java.time.LocalDate;

/**
 * The entitlement of one asset on one day.
 *
 * @param warrantyEndsOn last day of hardware warranty (inclusive)
 * @param maintenanceEndsOn last day of premium maintenance (inclusive), or null where the category has none
 * @param advanceReplacementWindowOpen whether a defect confirmed on that day would get an advance replacement
 */
public record Entitlement(
        EntitlementStatus status,
        LocalDate warrantyEndsOn,
        LocalDate maintenanceEndsOn,
        boolean advanceReplacementWindowOpen,
        String policyRevision,
        String explanation) {

    /** Whether the case goes on to remote diagnosis. */
    public boolean diagnosable() {
        return status == EntitlementStatus.WARRANTY || status == EntitlementStatus.MAINTENANCE_ONLY;
    }
}
