package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.PolicyTerms;

/**
 * A return case as the other modules see it: the facts a customer, a mail or a staff page shows, and nothing of the
 * process engine or the payment details.
 *
 * @param terms the policy terms the case runs under; null until its first step has evaluated them
 */
public record CaseFacts(
        CaseId id,
        String reference,
        String requestReference,
        CustomerId customerId,
        String customerNumber,
        String customerName,
        String customerEmail,
        String serialNumber,
        String model,
        AssetCategory category,
        LocalDate shippedOn,
        String faultDescription,
        String policyRevision,
        PolicyTerms terms,
        CaseStatus status,
        boolean advanceReplacement,
        String rmaNumber,
        Instant rmaAuthorizedAt,
        Instant returnDueAt,
        Instant complianceLimitAt,
        Instant receivedAt,
        BigDecimal unitPrice,
        String currency,
        CaseOutcome outcome,
        LocalDate newWarrantyEndsOn,
        Instant createdAt,
        Instant closedAt) {

    public boolean closed() {
        return closedAt != null;
    }
}
