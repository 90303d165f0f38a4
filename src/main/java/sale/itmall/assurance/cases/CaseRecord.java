package sale.itmall.assurance.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.AssetFacts;
import sale.itmall.assurance.policy.EntitlementStatus;

/** One return case joined with its asset and customer, as the service reads it. */
public record CaseRecord(
    long id,
    String reference,
    String requestReference,
    String status,
    String policyRevision,
    String faultDescription,
    Long processInstanceKey,
    long customerId,
    String customerNumber,
    String customerName,
    String customerEmail,
    boolean accountSuspended,
    boolean paymentMethodOnFile,
    long assetId,
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
    String outcome,
    LocalDate newWarrantyEndsOn,
    Instant closedAt,
    Instant createdAt) {

  public AssetFacts assetFacts() {
    return new AssetFacts(serialNumber, category, coverageStart, unitPrice, manufacturerPlan, warrantyEndsOverride);
  }

  /** The day the case was submitted: entitlement is judged on that day. */
  public LocalDate createdOn() {
    return LocalDate.ofInstant(createdAt, java.time.ZoneOffset.UTC);
  }

  public boolean closed() {
    return closedAt != null;
  }
}
