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
        String policyRevision) {

    /**
     * The message key of why the entitlement is what it is ({@code explain.WARRANTY} in {@code messages*.properties});
     * its arguments are the warranty's and the maintenance's last day, in that order.
     */
    public String explanationKey() {
        return status == EntitlementStatus.OUT_OF_COVERAGE && maintenanceEndsOn != null
                ? "explain.OUT_OF_COVERAGE.maintenance"
                : "explain." + status.name();
    }

    /** The explanation in English, for the audit, the API and staff: "Under ITMall warranty through 2027-03-01." */
    public String explanation() {
        return English.text(explanationKey(), warrantyEndsOn, maintenanceEndsOn);
    }

    /** Whether the case goes on to remote diagnosis. */
    public boolean diagnosable() {
        return status == EntitlementStatus.WARRANTY || status == EntitlementStatus.MAINTENANCE_ONLY;
    }
}
