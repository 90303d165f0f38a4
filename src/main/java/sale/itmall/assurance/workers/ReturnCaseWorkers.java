package sale.itmall.assurance.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.cases.CaseRecord;
import sale.itmall.assurance.cases.CaseService;
import sale.itmall.assurance.cases.CaseStore.ReplacementRow;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.DiagnosisDecision;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.ResolutionPlan;
import sale.itmall.assurance.policy.RmaDeadlines;

/**
 * The job workers of bpmn/itmall-return-case.bpmn. Each is thin: it reads the variables it needs, calls one
 * {@link CaseService} step and answers the variables the model's gateways and forms read. The job type names the
 * step as operators see it in Operate.
 */
@Component
public class ReturnCaseWorkers {

  private final CaseService cases;
  private final Steps steps;

  ReturnCaseWorkers(CaseService cases, Steps steps) {
    this.cases = cases;
    this.steps = steps;
  }

  @JobWorker(type = "entitlement-check")
  public Map<String, Object> checkEntitlement(ActivatedJob job, @Variable String caseRef) {
    return steps.run(job, () -> {
      CaseService.EntitlementResult result = cases.checkEntitlement(caseRef);
      Entitlement e = result.entitlement();
      Map<String, Object> vars = new HashMap<>();
      vars.put("entitlement", e.status().name());
      vars.put("entitlementExplanation", e.explanation());
      vars.put("warrantyEndsOn", e.warrantyEndsOn().toString());
      vars.put("maintenanceEndsOn", e.maintenanceEndsOn() == null ? "none" : e.maintenanceEndsOn().toString());
      vars.put("diagnosisDueAt", iso(result.diagnosisDueAt()));
      vars.put("caseOutcome", result.closeWith().map(Enum::name).orElse(null));
      return vars;
    });
  }

  @JobWorker(type = "diagnosis-escalate")
  public void escalateDiagnosis(ActivatedJob job, @Variable String caseRef) {
    steps.run(job, () -> cases.escalateDiagnosis(caseRef));
  }

  @JobWorker(type = "diagnosis-record")
  public Map<String, Object> recordDiagnosis(ActivatedJob job, @Variable String caseRef,
      @Variable String diagnosisOutcome, @Variable String exclusionReason, @Variable String diagnosisNotes) {
    return steps.run(job, () -> {
      DiagnosisDecision d = cases.recordDiagnosis(caseRef, diagnosisOutcome, exclusionReason, diagnosisNotes,
          "tasklist:tac-engineers");
      Map<String, Object> vars = new HashMap<>();
      vars.put("caseOutcome", d.closeWith() == null ? null : d.closeWith().name());
      vars.put("advanceReplacement", d.advanceReplacement());
      vars.put("exclusionReason", d.exclusion() == null ? null : d.exclusion().name());
      return vars;
    });
  }

  @JobWorker(type = "rma-decide")
  public Map<String, Object> decideRma(ActivatedJob job, @Variable String caseRef, @Variable String rmaDecision,
      @Variable String approvalNotes) {
    return steps.run(job, () -> {
      Boolean approved = rmaDecision == null ? null : switch (rmaDecision) {
        case "APPROVE" -> true;
        case "REJECT" -> false;
        default -> throw new PolicyViolation("Unknown RMA decision '" + rmaDecision + "'; expected APPROVE or REJECT");
      };
      Optional<CaseRecord> authorized = cases.decideRma(caseRef, approved, approvalNotes, "tasklist:rma-approvers");
      Map<String, Object> vars = new HashMap<>();
      vars.put("rmaApproved", authorized.isPresent());
      vars.put("advanceReplacementShipped", false);
      if (authorized.isEmpty()) {
        vars.put("caseOutcome", CaseOutcome.RMA_REJECTED.name());
        return vars;
      }
      CaseRecord rma = authorized.get();
      vars.put("rmaNumber", rma.rmaNumber());
      vars.put("rmaAuthorizedAt", iso(rma.rmaAuthorizedAt()));
      vars.put("returnDueAt", iso(rma.returnDueAt()));
      vars.put("complianceLimitAt", iso(rma.complianceLimitAt()));
      return vars;
    });
  }

  @JobWorker(type = "advance-replacement-dispatch")
  public Map<String, Object> dispatchAdvanceReplacement(ActivatedJob job, @Variable String caseRef) {
    return steps.run(job, () -> {
      ReplacementRow replacement = cases.dispatchAdvanceReplacement(caseRef);
      return Map.<String, Object>of(
          "advanceReplacementShipped", true,
          "replacementSerial", replacement.serialNumber(),
          "newWarrantyEndsOn", replacement.warrantyEndsOn().toString());
    });
  }

  @JobWorker(type = "ownership-transfer")
  public void transferOwnership(ActivatedJob job, @Variable String caseRef) {
    steps.run(job, () -> cases.transferOwnership(caseRef));
  }

  @JobWorker(type = "return-overdue-notice")
  public void sendOverdueNotice(ActivatedJob job, @Variable String caseRef) {
    steps.run(job, () -> cases.sendOverdueNotice(caseRef));
  }

  /** Charges the unreturned advance unit; a declined charge is the BPMN error the model routes to suspension. */
  @JobWorker(type = "unit-price-charge")
  public Map<String, Object> chargeUnitPrice(ActivatedJob job, @Variable String caseRef) {
    CaseService.ComplianceResult result = steps.run(job, () -> cases.enforceComplianceLimit(caseRef));
    if (!result.chargeCaptured()) {
      throw CamundaError.bpmnError("CHARGE_DECLINED", "The full-unit charge for " + caseRef + " was declined");
    }
    return Map.of("caseOutcome", result.outcome().name());
  }

  @JobWorker(type = "account-suspend")
  public Map<String, Object> suspendAccount(ActivatedJob job, @Variable String caseRef) {
    steps.run(job, () -> cases.suspendAccount(caseRef));
    return Map.of("caseOutcome", CaseOutcome.ACCOUNT_SUSPENDED.name());
  }

  @JobWorker(type = "rma-expire")
  public Map<String, Object> expireRma(ActivatedJob job, @Variable String caseRef) {
    CaseService.ComplianceResult result = steps.run(job, () -> cases.enforceComplianceLimit(caseRef));
    return Map.of("caseOutcome", result.outcome().name());
  }

  @JobWorker(type = "receipt-record")
  public Map<String, Object> recordReceipt(ActivatedJob job, @Variable String caseRef, @Variable String receivedAt,
      @Variable String receiptId) {
    return steps.run(job, () -> {
      RmaDeadlines.ReturnStanding standing = cases.recordReceipt(caseRef,
          receivedAt == null ? null : Instant.parse(receivedAt), receiptId);
      return Map.<String, Object>of("unitReceived", true, "returnStanding", standing.name());
    });
  }

  @JobWorker(type = "resolution-record")
  public Map<String, Object> recordResolution(ActivatedJob job, @Variable String caseRef,
      @Variable String benchFinding, @Variable String resolution, @Variable String exclusionReason,
      @Variable String inspectionNotes) {
    return steps.run(job, () -> {
      ResolutionPlan plan = cases.recordInspection(caseRef, benchFinding, resolution, exclusionReason,
          inspectionNotes, "tasklist:service-bench");
      Map<String, Object> vars = new HashMap<>();
      vars.put("caseOutcome", plan.outcome().name());
      vars.put("newWarrantyEndsOn", plan.newWarrantyEndsOn() == null ? null : plan.newWarrantyEndsOn().toString());
      return vars;
    });
  }

  @JobWorker(type = "outbound-shipment")
  public Map<String, Object> arrangeOutboundShipment(ActivatedJob job, @Variable String caseRef) {
    return steps.run(job, () -> {
      Optional<FreightLeg> leg = cases.arrangeOutboundShipment(caseRef);
      Map<String, Object> vars = new HashMap<>();
      vars.put("outboundShipment", leg.map(l -> l.purpose().name()).orElse("NONE"));
      vars.put("outboundFreightPayer", leg.map(l -> l.payer().name()).orElse(null));
      return vars;
    });
  }

  @JobWorker(type = "return-cancel")
  public Map<String, Object> cancel(ActivatedJob job, @Variable String caseRef, @Variable String cancellationReason) {
    steps.run(job, () -> cases.cancel(caseRef, cancellationReason));
    return Map.of("caseOutcome", CaseOutcome.CANCELLED.name());
  }

  @JobWorker(type = "dispute-record")
  public void recordDisputeRuling(ActivatedJob job, @Variable String caseRef, @Variable String disputeDecision,
      @Variable String governanceRuling) {
    steps.run(job, () -> cases.recordDisputeRuling(caseRef, disputeDecision, governanceRuling));
  }

  @JobWorker(type = "case-close")
  public void close(ActivatedJob job, @Variable String caseRef, @Variable String caseOutcome) {
    steps.run(job, () -> cases.close(caseRef, caseOutcome));
  }

  /** Dates as Operate, Tasklist and FEEL read them: ISO-8601 with offset, to the second. */
  static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
