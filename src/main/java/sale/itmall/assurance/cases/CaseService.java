package sale.itmall.assurance.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.decision.DecidedTerms;
import sale.itmall.assurance.decision.PolicyDecision;
import sale.itmall.assurance.notify.Notifications;
import sale.itmall.assurance.policy.BenchFinding;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.Codes;
import sale.itmall.assurance.policy.DiagnosisDecision;
import sale.itmall.assurance.policy.DiagnosisOutcome;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.PolicyTerms;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.Resolution;
import sale.itmall.assurance.policy.ResolutionPlan;
import sale.itmall.assurance.policy.RmaDeadlines;
import sale.itmall.assurance.policy.ServicePolicy;
import sale.itmall.assurance.policy.ServicePolicy.ComplianceAction;
import sale.itmall.assurance.text.Labels;

/**
 * The steps of a return case: each applies a {@link ServicePolicy} rule, writes what it decided and the audit record
 * in one transaction, and is safe to repeat (a redelivered job finds its own rows and answers the same).
 */
@Service
@Transactional
public class CaseService {

  private final CaseStore store;
  private final AuditTrail audit;
  private final PolicyDecision decision;
  private final Clock clock;
  private final Notifications notifications;
  private final CaseMetrics metrics;
  private final ObjectMapper json = new ObjectMapper();

  public CaseService(CaseStore store, AuditTrail audit, PolicyDecision decision, Clock clock,
      Notifications notifications, CaseMetrics metrics) {
    this.store = store;
    this.audit = audit;
    this.decision = decision;
    this.clock = clock;
    this.notifications = notifications;
    this.metrics = metrics;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  // ---- 0. the terms the case runs under -------------------------------------------------------------------------

  /**
   * Evaluates the policy decision for the case's asset once, when the case starts, and keeps the result with the
   * decision version: every later step applies these terms. A redelivered job answers the terms already kept.
   */
  public CaseRecord applyTerms(String caseRef, long processInstanceKey) {
    CaseRecord c = store.require(caseRef);
    if (c.policyTermsJson() != null) {
      return c;
    }
    DecidedTerms decided = decision.evaluate(c.category());
    String termsJson;
    try {
      termsJson = json.writeValueAsString(decided.terms());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (store.keepTerms(c.id(), termsJson, decided.terms().policyRevision(), decided.decisionKey(),
        decided.decisionVersion(), processInstanceKey)) {
      CaseRecord kept = store.require(caseRef);
      PolicyTerms t = decided.terms();
      audit.record(kept, "POLICY_TERMS_APPLIED", "system:policy-terms",
          t.policyRevision() + " from decision " + decided.decisionLabel() + ": warranty " + t.warrantyMonths()
              + " months, premium maintenance " + (t.premiumMaintenance() ? t.maintenanceMonths() + " months" : "none")
              + ", advance replacement within " + t.advanceReplacementMonths() + " months, return window "
              + t.returnWindowDays() + " days, compliance limit " + t.complianceLimitDays()
              + " days, replacement minimum " + t.replacementMinimumMonths() + " months, diagnosis SLA "
              + t.diagnosisSlaHours() + " hours",
          clock.instant());
    }
    return store.require(caseRef);
  }

  // ---- 1. entitlement -------------------------------------------------------------------------------------------

  public record EntitlementResult(Entitlement entitlement, Optional<CaseOutcome> closeWith, Instant diagnosisDueAt) {}

  public EntitlementResult checkEntitlement(String caseRef) {
    CaseRecord c = store.require(caseRef);
    ServicePolicy policy = c.policy();
    Instant now = clock.instant();
    LocalDate submittedOn = c.createdOn();
    Entitlement e = policy.entitlement(c.assetFacts(), c.accountSuspended(), submittedOn);
    Optional<CaseOutcome> close = policy.closeBeforeDiagnosis(e);
    Instant due = c.diagnosisDueAt() != null ? c.diagnosisDueAt() : policy.diagnosisDueAt(now);
    store.recordEntitlement(c.id(), e.status(), e.warrantyEndsOn(), e.maintenanceEndsOn(), due,
        close.isPresent() ? "CLOSING" : "IN_DIAGNOSIS");
    audit.record(c, "ENTITLEMENT_CHECKED", "system:entitlement-check",
        e.status() + ": " + e.explanation(), now);
    close.ifPresent(outcome -> notifications.queue(c, "entitlement-closed",
        Map.of("outcomeText", Labels.words(outcome.name()), "explanation", e.explanation()), now));
    return new EntitlementResult(e, close, due);
  }

  // ---- 2. remote diagnosis ----------------------------------------------------------------------------------------

  public DiagnosisDecision recordDiagnosis(String caseRef, String outcome, String exclusionCode, String notes,
      String decidedBy) {
    CaseRecord c = store.require(caseRef);
    DiagnosisOutcome parsed = Codes.parse(DiagnosisOutcome.class, outcome, "diagnosis outcome");
    Instant now = clock.instant();
    DiagnosisDecision decision =
        c.policy().afterDiagnosis(c.assetFacts(), c.entitlement(), parsed, exclusionCode, today());
    String exclusion = decision.exclusion() == null ? null : decision.exclusion().name();
    store.insertDiagnosis(c.id(), parsed.name(), exclusion, notes, decidedBy, now);
    store.setAdvanceReplacement(c.id(), decision.advanceReplacement());
    store.setStatus(c.id(), decision.goesToRmaApproval() ? "AWAITING_RMA_APPROVAL" : "CLOSING");
    audit.record(c, "DIAGNOSIS_RECORDED", decidedBy,
        parsed + (exclusion == null ? "" : " (" + exclusion + ")")
            + (decision.goesToRmaApproval() ? "; to RMA approval, advance replacement "
                + (decision.advanceReplacement() ? "eligible" : "not eligible") : "; closes as " + decision.closeWith()),
        now);
    notifications.queue(c, "diagnosis-result", Map.of(
        "diagnosisText", Labels.words(parsed.name())
            + (exclusion == null ? "" : " (" + decision.exclusion().description() + ", not covered under §4.0)"),
        "nextText", decision.goesToRmaApproval()
            ? "Next: our support team authorizes the RMA; you then return the unit."
                + (decision.advanceReplacement() ? " As the defect was confirmed within the first "
                    + c.terms().advanceReplacementMonths() + " months, a replacement ships in advance." : "")
            : decision.closeWith() == CaseOutcome.OUT_OF_WARRANTY
                ? "The hardware warranty has ended: premium maintenance covers remote diagnosis, not a free repair or replacement. The case is closed."
                : "The case is closed."), now);
    return decision;
  }

  public void escalateDiagnosis(String caseRef) {
    CaseRecord c = store.require(caseRef);
    Instant now = clock.instant();
    if (store.markDiagnosisEscalated(c.id(), now)) {
      metrics.diagnosisSlaBreach();
    }
    audit.record(c, "DIAGNOSIS_SLA_BREACHED", "system:diagnosis-sla-timer",
        "Remote diagnosis not done by " + c.diagnosisDueAt() + "; escalated to Level-3", now);
  }

  // ---- 3. RMA approval --------------------------------------------------------------------------------------------

  /** The RMA decision: the authorized case (RMA number and deadlines) when approved, empty when rejected. */
  public Optional<CaseRecord> decideRma(String caseRef, Boolean approved, String notes, String decidedBy) {
    if (approved == null) {
      throw new PolicyViolation("The RMA approval form was completed without a decision (rmaApproved is missing)");
    }
    CaseRecord c = store.require(caseRef);
    Instant now = clock.instant();
    store.insertRmaDecision(c.id(), approved, notes, decidedBy, now);
    if (!approved) {
      store.setStatus(c.id(), "CLOSING");
      audit.record(c, "RMA_REJECTED", decidedBy, notes == null ? "RMA rejected" : notes, now);
      notifications.queue(c, "rma-rejected",
          Map.of("reason", notes == null || notes.isBlank() ? "not given" : notes), now);
      return Optional.empty();
    }
    ServicePolicy policy = c.policy();
    RmaDeadlines deadlines = policy.deadlines(c.rmaAuthorizedAt() != null ? c.rmaAuthorizedAt() : now);
    store.authorizeRma(c.id(), rmaNumber(c), deadlines.authorizedAt(), deadlines.returnDueAt(),
        deadlines.complianceLimitAt());
    store.insertShipment(c.id(), policy.inboundLeg(), c.assetId(), now);
    CaseRecord authorized = store.require(caseRef);
    audit.record(c, "RMA_AUTHORIZED", decidedBy,
        authorized.rmaNumber() + ": return by " + authorized.returnDueAt() + ", compliance limit "
            + authorized.complianceLimitAt() + "; inbound freight at the client's cost",
        now);
    notifications.queue(authorized, "rma-authorized", Map.of("rmaNumber", authorized.rmaNumber(),
        "returnBy", Labels.when(authorized.returnDueAt()), "complianceLimit", Labels.when(authorized.complianceLimitAt()),
        "advance", authorized.advanceReplacement()), now);
    return Optional.of(authorized);
  }

  private static String rmaNumber(CaseRecord c) {
    return "RMA-%s-%06d".formatted(c.reference().replaceAll("[^0-9]", "").substring(0, 4), c.id());
  }

  // ---- 4. advance replacement and ownership -----------------------------------------------------------------------

  public CaseStore.ReplacementRow dispatchAdvanceReplacement(String caseRef) {
    CaseRecord c = store.require(caseRef);
    if (!c.advanceReplacement()) {
      throw new PolicyViolation("Case " + caseRef + " is not eligible for advance replacement");
    }
    Instant now = clock.instant();
    ServicePolicy policy = c.policy();
    LocalDate newEnd = policy.warrantyAfterService(policy.warrantyEndsOn(c.assetFacts()), today());
    CaseStore.ReplacementRow replacement = store.issueReplacement(c, "ADVANCE", newEnd, now);
    store.insertShipment(c.id(), policy.advanceReplacementLeg(), replacement.assetId(), now);
    store.setNewWarrantyEnd(c.id(), replacement.warrantyEndsOn());
    audit.record(c, "ADVANCE_REPLACEMENT_SHIPPED", "system:advance-replacement-dispatch",
        "Replacement " + replacement.serialNumber() + " shipped at ITMall's cost, warranty through "
            + replacement.warrantyEndsOn(),
        now);
    notifications.queue(c, "advance-shipped", Map.of("replacementSerial", replacement.serialNumber(),
        "warrantyEnd", replacement.warrantyEndsOn().toString(), "returnBy", Labels.when(c.returnDueAt())), now);
    return replacement;
  }

  public void transferOwnership(String caseRef) {
    CaseRecord c = store.require(caseRef);
    Instant now = clock.instant();
    store.transferOwnership(c, now);
    audit.record(c, "OWNERSHIP_TRANSFERRED", "system:ownership-transfer",
        c.serialNumber() + " passes to ITMall upon replacement", now);
  }

  // ---- 5. return window and compliance limit ----------------------------------------------------------------------

  public void sendOverdueNotice(String caseRef) {
    CaseRecord c = store.require(caseRef);
    Instant now = clock.instant();
    store.markOverdueNotice(c.id(), now);
    audit.record(c, "RETURN_OVERDUE", "system:return-window-timer",
        c.rmaNumber() + " not returned by " + c.returnDueAt() + "; compliance limit " + c.complianceLimitAt(), now);
    notifications.queue(c, "return-overdue", Map.of("returnBy", Labels.when(c.returnDueAt()),
        "complianceLimit", Labels.when(c.complianceLimitAt())), now);
  }

  /** The compliance action at day 20; for a charge, whether it was captured. */
  public ComplianceResult enforceComplianceLimit(String caseRef) {
    CaseRecord c = store.require(caseRef);
    Instant now = clock.instant();
    boolean advanceShipped = store.findReplacement(c.id()).filter(CaseStore.ReplacementRow::advance).isPresent();
    ComplianceAction action = c.policy().complianceAction(advanceShipped);
    if (action == ComplianceAction.EXPIRE_RMA) {
      audit.record(c, "RMA_EXPIRED", "system:compliance-limit-timer",
          c.rmaNumber() + " not returned by the compliance limit " + c.complianceLimitAt(), now);
      notifications.queue(c, "rma-expired", now);
      return new ComplianceResult(action, true, CaseOutcome.RMA_EXPIRED);
    }
    CaseStore.ChargeRow charge = store.charge(c.id(), c.customerId(), "UNRETURNED_ADVANCE_UNIT", c.unitPrice(),
        c.currency(), c.paymentMethodOnFile() ? "CAPTURED" : "DECLINED", now);
    boolean captured = "CAPTURED".equals(charge.status());
    audit.record(c, captured ? "CHARGE_CAPTURED" : "CHARGE_DECLINED", "system:unit-price-charge",
        "Full unit price " + charge.amount() + " " + charge.currency() + " for the unreturned unit of "
            + c.rmaNumber(),
        now);
    if (charge.created()) {
      metrics.charge(charge.reason(), charge.status());
    }
    if (captured) {
      notifications.queue(c, "charged", Map.of("amount", charge.amount().toPlainString()), now);
    }
    return new ComplianceResult(action, captured, CaseOutcome.CHARGED_FULL_UNIT_PRICE);
  }

  public record ComplianceResult(ComplianceAction action, boolean chargeCaptured, CaseOutcome outcome) {}

  public void suspendAccount(String caseRef) {
    CaseRecord c = store.require(caseRef);
    Instant now = clock.instant();
    if (store.suspendAccount(c.customerId(), "Declined full-unit charge for " + c.rmaNumber(), now)) {
      metrics.suspension();
    }
    notifications.queue(c, "account-suspended", Map.of("amount", c.unitPrice().toPlainString()), now);
    audit.record(c, "ACCOUNT_SUSPENDED", "system:account-suspend",
        "Account " + c.customerNumber() + " suspended: the full-unit charge for " + c.rmaNumber() + " was declined",
        now);
  }

  // ---- 6. receipt, inspection, resolution -------------------------------------------------------------------------

  public RmaDeadlines.ReturnStanding recordReceipt(String caseRef, Instant receivedAt, String receiptId) {
    CaseRecord c = store.require(caseRef);
    Instant at = receivedAt != null ? receivedAt : clock.instant();
    store.recordReceipt(c.id(), at, receiptId);
    RmaDeadlines.ReturnStanding standing =
        new RmaDeadlines(c.rmaAuthorizedAt(), c.returnDueAt(), c.complianceLimitAt()).standingAt(at);
    audit.record(c, "UNIT_RECEIVED", "warehouse" + (receiptId == null ? "" : ":" + receiptId),
        c.rmaNumber() + " received " + standing, at);
    notifications.queue(c, "unit-received", Map.of("standing", standing == RmaDeadlines.ReturnStanding.ON_TIME
        ? "on time" : "after the return-by date"), clock.instant());
    return standing;
  }

  public ResolutionPlan recordInspection(String caseRef, String finding, String resolution, String exclusionCode,
      String notes, String inspectedBy) {
    CaseRecord c = store.require(caseRef);
    Instant now = clock.instant();
    BenchFinding parsedFinding = Codes.parse(BenchFinding.class, finding, "bench finding");
    Resolution parsedResolution =
        resolution == null || resolution.isBlank() ? null : Codes.parse(Resolution.class, resolution, "resolution");
    Optional<CaseStore.ReplacementRow> advance =
        store.findReplacement(c.id()).filter(CaseStore.ReplacementRow::advance);
    LocalDate exchangeDate = advance.map(r -> LocalDate.ofInstant(r.issuedAt(), ZoneOffset.UTC)).orElse(today());
    ResolutionPlan plan = c.policy().resolve(c.assetFacts(), parsedFinding, parsedResolution, exclusionCode,
        advance.isPresent(), exchangeDate);
    store.insertInspection(c.id(), parsedFinding.name(),
        plan.resolution() == null ? null : plan.resolution().name(),
        plan.exclusion() == null ? null : plan.exclusion().name(), notes, inspectedBy, now);
    if (plan.issueReplacement()) {
      store.issueReplacement(c, "STANDARD", plan.newWarrantyEndsOn(), now);
    } else if (plan.resolution() == Resolution.REPAIR) {
      store.overrideWarrantyEnd(c.assetId(), plan.newWarrantyEndsOn());
    }
    if (plan.transferOwnership()) {
      store.transferOwnership(c, now);
    }
    if (plan.creditAmount().signum() > 0) {
      store.charge(c.id(), c.customerId(), "CREDIT_NOTE", plan.creditAmount().negate(), c.currency(), "ISSUED", now);
    }
    if (plan.advanceUnitCharge().signum() > 0) {
      store.charge(c.id(), c.customerId(), "ADVANCE_UNIT_ON_INVALID_CLAIM", plan.advanceUnitCharge(), c.currency(),
          c.paymentMethodOnFile() ? "CAPTURED" : "DECLINED", now);
    }
    if (plan.newWarrantyEndsOn() != null) {
      store.setNewWarrantyEnd(c.id(), plan.newWarrantyEndsOn());
    }
    store.setStatus(c.id(), "RESOLVING");
    audit.record(c, "INSPECTION_RECORDED", inspectedBy,
        parsedFinding + " → " + plan.outcome()
            + (plan.exclusion() == null ? "" : " (" + plan.exclusion() + ")")
            + (plan.newWarrantyEndsOn() == null ? "" : "; warranty through " + plan.newWarrantyEndsOn())
            + (plan.creditAmount().signum() > 0 ? "; credit " + plan.creditAmount() + " " + c.currency() : "")
            + (plan.advanceUnitCharge().signum() > 0
                ? "; advance unit charged " + plan.advanceUnitCharge() + " " + c.currency() : ""),
        now);
    Map<String, Object> mail = new HashMap<>();
    mail.put("outcomeText", Labels.words(plan.outcome().name())
        + (plan.exclusion() == null ? "" : " (" + plan.exclusion().description() + ")"));
    mail.put("warrantyEnd", plan.newWarrantyEndsOn() == null ? null : plan.newWarrantyEndsOn().toString());
    mail.put("credit", plan.creditAmount().signum() > 0 ? plan.creditAmount().toPlainString() : null);
    mail.put("advanceCharge", plan.advanceUnitCharge().signum() > 0 ? plan.advanceUnitCharge().toPlainString() : null);
    notifications.queue(c, "resolution", mail, now);
    return plan;
  }

  /** Arranges the outbound shipment the recorded resolution calls for, with its payer; empty when none ships. */
  public Optional<FreightLeg> arrangeOutboundShipment(String caseRef) {
    CaseRecord c = store.require(caseRef);
    CaseStore.InspectionRow inspection = store.findInspection(c.id())
        .orElseThrow(() -> new PolicyViolation("Case " + caseRef + " has no inspection to ship against"));
    Optional<CaseStore.ReplacementRow> replacement = store.findReplacement(c.id());
    boolean advance = replacement.filter(CaseStore.ReplacementRow::advance).isPresent();
    ResolutionPlan plan = c.policy().resolve(c.assetFacts(), BenchFinding.valueOf(inspection.finding()),
        inspection.resolution() == null ? null : Resolution.valueOf(inspection.resolution()),
        inspection.exclusionReason(), advance, LocalDate.ofInstant(inspection.inspectedAt(), ZoneOffset.UTC));
    Instant now = clock.instant();
    plan.outbound().ifPresent(leg -> {
      Long assetId = leg.purpose() == FreightLeg.Purpose.REPLACEMENT_UNIT
          ? replacement.map(CaseStore.ReplacementRow::assetId).orElse(null) : c.assetId();
      store.insertShipment(c.id(), leg, assetId, now);
      audit.record(c, "OUTBOUND_SHIPMENT_ARRANGED", "system:outbound-shipment",
          leg.purpose() + " shipped, freight paid by " + leg.payer(), now);
      notifications.queue(c, "outbound-shipped", Map.of("whatText", Labels.words(leg.purpose().name()).toLowerCase(),
          "payerText", leg.payer() == FreightLeg.Payer.ITMALL ? "ITMall" : "you"), now);
    });
    return plan.outbound();
  }

  // ---- 7. cancellation and closing --------------------------------------------------------------------------------

  public void cancel(String caseRef, String reason) {
    CaseRecord c = store.require(caseRef);
    Instant now = clock.instant();
    audit.record(c, "RETURN_CANCELLED", "customer:" + c.customerNumber(),
        reason == null || reason.isBlank() ? "Cancelled by the customer" : reason, now);
    notifications.queue(c, "cancelled", now);
  }

  /**
   * Records the governance ruling on a dispute once per dispute: the audit and mail key is the dispute's process
   * instance, so a redelivered job records and mails nothing twice.
   */
  public void recordDisputeRuling(String caseRef, String decision, String ruling, long disputeInstanceKey) {
    CaseRecord c = store.require(caseRef);
    if (decision == null || decision.isBlank()) {
      throw new PolicyViolation("The policy dispute form was completed without a ruling (disputeDecision is missing)");
    }
    Instant now = clock.instant();
    String step = "DISPUTE_RULING:" + disputeInstanceKey;
    audit.record(c, "POLICY_DISPUTE_RULED", step, "tasklist:service-governance",
        decision + ": " + (ruling == null ? "" : ruling), now);
    notifications.queue(c, "dispute-ruling", step, Map.of("decisionText", "UPHELD".equals(decision)
        ? "your dispute is upheld and the case is reviewed in your favour" : "the policy was applied correctly",
        "ruling", ruling == null ? "" : ruling), now);
  }

  public void close(String caseRef, String outcome) {
    CaseRecord c = store.require(caseRef);
    CaseOutcome parsed = Codes.parse(CaseOutcome.class, outcome, "case outcome");
    Instant now = clock.instant();
    if (store.close(c.id(), parsed.name(), now)) {
      audit.record(c, "CASE_CLOSED", "system:case-close", parsed.name(), now);
      metrics.closed(parsed);
    }
  }


  // ---- 8. the request as a whole ---------------------------------------------------------------------------------

  /** Acknowledges a request once: one "request received" message that lists all its items. */
  public RequestRecord acknowledgeRequest(String requestRef) {
    RequestRecord r = store.requireRequest(requestRef);
    notifications.queueForRequest(r, "request-received", Map.of(), clock.instant());
    return r;
  }

  /** Tells the customer how each item of a request ended, once all its cases are closed. */
  public RequestRecord summarizeRequest(String requestRef) {
    RequestRecord r = store.requireRequest(requestRef);
    List<Map<String, String>> items = r.cases().stream().map(c -> Map.of(
        "caseRef", c.reference(), "model", c.model(), "serial", c.serialNumber(),
        "outcome", c.outcome() == null ? "still open" : Labels.words(c.outcome()))).toList();
    notifications.queueForRequest(r, "request-summary", Map.of("items", items), clock.instant());
    return r;
  }
}
