package sale.itmall.assurance.policy;

import java.time.Instant;

/** The compliance dates of one RMA (§3.2). */
public record RmaDeadlines(Instant authorizedAt, Instant returnDueAt, Instant complianceLimitAt) {

    /** Where a return stands at a moment: received then, or still outstanding then. */
    public ReturnStanding standingAt(Instant moment) {
        if (!moment.isAfter(returnDueAt)) {
            return ReturnStanding.ON_TIME;
        }
        if (!moment.isAfter(complianceLimitAt)) {
            return ReturnStanding.OVERDUE;
        }
        return ReturnStanding.BEYOND_COMPLIANCE_LIMIT;
    }

    public enum ReturnStanding {
        ON_TIME,
        OVERDUE,
        BEYOND_COMPLIANCE_LIMIT
    }
}
