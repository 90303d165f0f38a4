package sale.itmall.assurance.returns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.AssetFacts;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.EntitlementStatus;
import sale.itmall.assurance.policy.PolicyTerms;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.RmaDeadlines;
import sale.itmall.assurance.policy.ServicePolicy;

/**
 * One return case joined with its asset and customer, as the case steps read it. Internal to the returns module: other
 * modules see {@link CaseFacts}.
 */
record CaseRecord(
        CaseId id,
        String reference,
        String requestReference,
        CaseStatus status,
        String policyRevision,
        String faultDescription,
        Long processInstanceKey,
        CustomerId customerId,
        String customerNumber,
        String customerName,
        String customerEmail,
        boolean accountSuspended,
        boolean paymentMethodOnFile,
        AssetId assetId,
        String serialNumber,
        String model,
        AssetCategory category,
        LocalDate shippedOn,
        LocalDate coverageStart,
        LocalDate warrantyEndsOverride,
        BigDecimal unitPrice,
        String currency,
        boolean manufacturerPlan,
        String manufacturerName,
        EntitlementStatus entitlement,
        LocalDate warrantyEndsOn,
        Instant diagnosisDueAt,
        boolean advanceReplacement,
        String rmaNumber,
        Instant rmaAuthorizedAt,
        Instant returnDueAt,
        Instant complianceLimitAt,
        Instant receivedAt,
        CaseOutcome outcome,
        LocalDate newWarrantyEndsOn,
        Instant closedAt,
        Instant createdAt,
        String policyTermsJson,
        Long policyDecisionKey,
        Integer policyDecisionVersion,
        LocalDate maintenanceEndsOn) {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The terms this case evaluated when it started; every later step applies these, whatever is deployed since. */
    public PolicyTerms terms() {
        if (policyTermsJson == null) {
            throw new PolicyViolation("Case " + reference
                    + " has no policy terms yet: its 'Determine policy terms' step" + " has not run");
        }
        try {
            return JSON.readValue(policyTermsJson, PolicyTerms.class);
        } catch (JsonProcessingException e) {
            throw new PolicyViolation(
                    "The policy terms kept for case " + reference + " cannot be read: " + e.getMessage());
        }
    }

    /** The rules of the policy under this case's own terms. */
    public ServicePolicy policy() {
        return new ServicePolicy(terms());
    }

    public AssetFacts assetFacts() {
        return new AssetFacts(serialNumber, category, coverageStart, unitPrice, manufacturerPlan, warrantyEndsOverride);
    }

    /** The day the case was submitted: entitlement is judged on that day. */
    public LocalDate createdOn() {
        return LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
    }

    /** The RMA's compliance dates (§3.2); null before the RMA is authorized. */
    RmaDeadlines deadlines() {
        return returnDueAt == null ? null : new RmaDeadlines(rmaAuthorizedAt, returnDueAt, complianceLimitAt);
    }

    /** Whether a unit received at that moment came after its return-by date (the policy's standing, not on time). */
    boolean lateAt(Instant receivedAt) {
        return returnDueAt != null && deadlines().standingAt(receivedAt) != RmaDeadlines.ReturnStanding.ON_TIME;
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** What other modules may know of this case (no engine keys, no payment details). */
    CaseFacts facts() {
        return new CaseFacts(
                id,
                reference,
                requestReference,
                customerId,
                customerNumber,
                customerName,
                customerEmail,
                serialNumber,
                model,
                category,
                shippedOn,
                faultDescription,
                policyRevision,
                policyTermsJson == null ? null : terms(),
                status,
                advanceReplacement,
                rmaNumber,
                rmaAuthorizedAt,
                returnDueAt,
                complianceLimitAt,
                receivedAt,
                unitPrice,
                currency,
                outcome,
                newWarrantyEndsOn,
                createdAt,
                closedAt);
    }
}
