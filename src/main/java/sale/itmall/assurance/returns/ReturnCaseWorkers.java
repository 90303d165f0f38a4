package sale.itmall.assurance.returns;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.exception.CamundaError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.DiagnosisDecision;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.policy.ResolutionPlan;
import sale.itmall.assurance.policy.RmaDeadlines;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.ProcessContract.Jobs;
import sale.itmall.assurance.process.ProcessContract.Route;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.process.Variables.AdvanceDispatched;
import sale.itmall.assurance.process.Variables.Cancellation;
import sale.itmall.assurance.process.Variables.CaseRef;
import sale.itmall.assurance.process.Variables.CaseToClose;
import sale.itmall.assurance.process.Variables.DiagnosisForm;
import sale.itmall.assurance.process.Variables.DiagnosisRecorded;
import sale.itmall.assurance.process.Variables.DisputeForm;
import sale.itmall.assurance.process.Variables.EntitlementChecked;
import sale.itmall.assurance.process.Variables.ExtensionForm;
import sale.itmall.assurance.process.Variables.InspectionForm;
import sale.itmall.assurance.process.Variables.LateUnitDecided;
import sale.itmall.assurance.process.Variables.LateUnitForm;
import sale.itmall.assurance.process.Variables.OutboundArranged;
import sale.itmall.assurance.process.Variables.Outcome;
import sale.itmall.assurance.process.Variables.Receipt;
import sale.itmall.assurance.process.Variables.ReceiptRecorded;
import sale.itmall.assurance.process.Variables.RepairQuoteSettled;
import sale.itmall.assurance.process.Variables.RequestRef;
import sale.itmall.assurance.process.Variables.ResolutionRecorded;
import sale.itmall.assurance.process.Variables.RmaDecided;
import sale.itmall.assurance.process.Variables.RmaForm;
import sale.itmall.assurance.process.Variables.TermsApplied;
import sale.itmall.assurance.returns.AssetStore.ReplacementRow;

/**
 * The job workers of bpmn/. Each is thin: it reads its typed variables, calls one step of a phase ({@link EntitlementSteps}, {@link DiagnosisSteps},
 * {@link RmaSteps}, {@link LateUnitSteps}, {@link ResolutionSteps}, {@link ClosingSteps}) and answers
 * the typed variables the model's gateways and forms read ({@link Variables}). The job
 * type names the step as operators see it in Operate.
 */
@Component
public class ReturnCaseWorkers {

    private final EntitlementSteps entitlementSteps;
    private final DiagnosisSteps diagnosisSteps;
    private final RmaSteps rmaSteps;
    private final LateUnitSteps lateUnitSteps;
    private final ResolutionSteps resolutionSteps;
    private final ClosingSteps closingSteps;
    private final Steps steps;
    private final EngineOutbox engine;
    private final CoverageExtensions extensions;

    ReturnCaseWorkers(
            EntitlementSteps entitlementSteps,
            DiagnosisSteps diagnosisSteps,
            RmaSteps rmaSteps,
            LateUnitSteps lateUnitSteps,
            ResolutionSteps resolutionSteps,
            ClosingSteps closingSteps,
            Steps steps,
            EngineOutbox engine,
            CoverageExtensions extensions) {
        this.entitlementSteps = entitlementSteps;
        this.diagnosisSteps = diagnosisSteps;
        this.rmaSteps = rmaSteps;
        this.lateUnitSteps = lateUnitSteps;
        this.resolutionSteps = resolutionSteps;
        this.closingSteps = closingSteps;
        this.steps = steps;
        this.engine = engine;
        this.extensions = extensions;
    }

    // ---- the request -----------------------------------------------------------------------------------------------

    /** Claims the request for this instance and acknowledges it; a second instance of the same request is cancelled. */
    @JobWorker(type = Jobs.REQUEST_ACKNOWLEDGE, autoComplete = false)
    public void acknowledgeRequest(JobClient client, ActivatedJob job, @VariablesAsType RequestRef request) {
        if (steps.run(job, () -> closingSteps.acknowledgeRequest(request.requestRef(), job.getProcessInstanceKey()))) {
            client.newCompleteCommand(job).send().join();
        } else {
            engine.cancelDuplicate(job.getProcessInstanceKey(), request.requestRef());
        }
    }

    @JobWorker(type = Jobs.REQUEST_SUMMARY)
    public void summarizeRequest(ActivatedJob job, @VariablesAsType RequestRef request) {
        steps.run(job, () -> closingSteps.summarizeRequest(request.requestRef()));
    }

    // ---- one return case -------------------------------------------------------------------------------------------

    /** The business rule task: the case evaluates the policy decision once and keeps its terms. */
    @JobWorker(type = Jobs.POLICY_TERMS)
    public TermsApplied applyPolicyTerms(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            CaseRecord kept = entitlementSteps.applyTerms(c.caseRef(), job.getProcessInstanceKey());
            return new TermsApplied(
                    kept.terms(),
                    kept.policyRevision(),
                    ProcessContract.POLICY_DECISION_ID + " v" + kept.policyDecisionVersion());
        });
    }

    @JobWorker(type = Jobs.ENTITLEMENT_CHECK)
    public EntitlementChecked checkEntitlement(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            EntitlementSteps.EntitlementResult result = entitlementSteps.checkEntitlement(c.caseRef());
            Entitlement e = result.entitlement();
            return new EntitlementChecked(
                    e.status().name(),
                    e.explanation(),
                    e.warrantyEndsOn().toString(),
                    e.maintenanceEndsOn() == null
                            ? "none"
                            : e.maintenanceEndsOn().toString(),
                    iso(result.diagnosisDueAt()),
                    result.closeWith().isPresent() ? Route.CLOSE : Route.CONTINUE,
                    result.closeWith().map(Enum::name).orElse(null),
                    result.currency());
        });
    }

    @JobWorker(type = Jobs.DIAGNOSIS_ESCALATE)
    public void escalateDiagnosis(ActivatedJob job, @VariablesAsType CaseRef c) {
        steps.run(job, () -> diagnosisSteps.escalateDiagnosis(c.caseRef()));
    }

    @JobWorker(type = Jobs.DIAGNOSIS_RECORD)
    public DiagnosisRecorded recordDiagnosis(ActivatedJob job, @VariablesAsType DiagnosisForm form) {
        return steps.run(job, () -> {
            DiagnosisSteps.Diagnosed diagnosed = diagnosisSteps.recordDiagnosis(
                    form.caseRef(),
                    form.diagnosisOutcome(),
                    form.exclusionReason(),
                    form.diagnosisNotes(),
                    "tasklist:tac-engineers",
                    form.repairQuoteAmount(),
                    form.repairQuoteCurrency());
            DiagnosisDecision d = diagnosed.decision();
            return new DiagnosisRecorded(
                    d.paidRepairQuote() ? Route.QUOTE : d.goesToRmaApproval() ? Route.CONTINUE : Route.CLOSE,
                    d.advanceReplacement(),
                    d.exclusion() == null ? null : d.exclusion().name(),
                    d.closeWith() == null ? null : d.closeWith().name(),
                    diagnosed.quote() == null ? null : iso(diagnosed.quote().validUntil()));
        });
    }

    /** The customer's answer arrived, or the quote's validity ran out: an unanswered quote expires here. */
    @JobWorker(type = Jobs.REPAIR_QUOTE_SETTLE)
    public RepairQuoteSettled settleRepairQuote(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            RepairQuote.Answer answer = diagnosisSteps.settleRepairQuote(c.caseRef());
            CaseOutcome closesAs = answer.closesAs();
            return new RepairQuoteSettled(answer.name(), closesAs == null ? null : closesAs.name());
        });
    }

    @JobWorker(type = Jobs.RMA_DECIDE)
    public RmaDecided decideRma(ActivatedJob job, @VariablesAsType RmaForm form) {
        return steps.run(job, () -> {
            Boolean approved = form.rmaDecision() == null
                    ? null
                    : switch (form.rmaDecision()) {
                        case "APPROVE" -> true;
                        case "REJECT" -> false;
                        default ->
                            throw new PolicyViolation(
                                    "Unknown RMA decision '" + form.rmaDecision() + "'; expected APPROVE or REJECT");
                    };
            Optional<CaseRecord> authorized =
                    rmaSteps.decideRma(form.caseRef(), approved, form.approvalNotes(), "tasklist:rma-approvers");
            if (authorized.isEmpty()) {
                return new RmaDecided(false, false, null, null, null, null, CaseOutcome.RMA_REJECTED.name());
            }
            CaseRecord rma = authorized.get();
            return new RmaDecided(
                    true,
                    false,
                    rma.rmaNumber(),
                    iso(rma.rmaAuthorizedAt()),
                    iso(rma.returnDueAt()),
                    iso(rma.complianceLimitAt()),
                    null);
        });
    }

    @JobWorker(type = Jobs.ADVANCE_DISPATCH)
    public AdvanceDispatched dispatchAdvanceReplacement(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            ReplacementRow replacement = rmaSteps.dispatchAdvanceReplacement(c.caseRef());
            return new AdvanceDispatched(
                    true,
                    replacement.serialNumber(),
                    replacement.warrantyEndsOn().toString());
        });
    }

    @JobWorker(type = Jobs.OWNERSHIP_TRANSFER)
    public void transferOwnership(ActivatedJob job, @VariablesAsType CaseRef c) {
        steps.run(job, () -> rmaSteps.transferOwnership(c.caseRef()));
    }

    @JobWorker(type = Jobs.OVERDUE_NOTICE)
    public void sendOverdueNotice(ActivatedJob job, @VariablesAsType CaseRef c) {
        steps.run(job, () -> lateUnitSteps.sendOverdueNotice(c.caseRef()));
    }

    /**
     * Charges the unreturned advance unit; a declined charge is the BPMN error the model routes to suspension, thrown
     * inside the step so that the step's metrics count it as such.
     */
    @JobWorker(type = Jobs.UNIT_PRICE_CHARGE)
    public Outcome chargeUnitPrice(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            LateUnitSteps.ComplianceResult result = lateUnitSteps.enforceComplianceLimit(c.caseRef());
            if (!result.chargeCaptured()) {
                throw CamundaError.bpmnError(
                        ProcessContract.ERROR_CHARGE_DECLINED,
                        "The full-unit charge for " + c.caseRef() + " was declined");
            }
            return new Outcome(result.outcome().name());
        });
    }

    @JobWorker(type = Jobs.ACCOUNT_SUSPEND)
    public Outcome suspendAccount(ActivatedJob job, @VariablesAsType CaseRef c) {
        steps.run(job, () -> lateUnitSteps.suspendAccount(c.caseRef()));
        return new Outcome(CaseOutcome.ACCOUNT_SUSPENDED.name());
    }

    @JobWorker(type = Jobs.RMA_EXPIRE)
    public Outcome expireRma(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(
                job,
                () -> new Outcome(lateUnitSteps
                        .enforceComplianceLimit(c.caseRef())
                        .outcome()
                        .name()));
    }

    @JobWorker(type = Jobs.RECEIPT_RECORD)
    public ReceiptRecorded recordReceipt(ActivatedJob job, @VariablesAsType Receipt receipt) {
        return steps.run(job, () -> {
            RmaDeadlines.ReturnStanding standing = resolutionSteps.recordReceipt(
                    receipt.caseRef(),
                    receipt.receivedAt() == null ? null : Instant.parse(receipt.receivedAt()),
                    receipt.receiptId());
            return new ReceiptRecorded(true, standing.name());
        });
    }

    @JobWorker(type = Jobs.RESOLUTION_RECORD)
    public ResolutionRecorded recordResolution(ActivatedJob job, @VariablesAsType InspectionForm form) {
        return steps.run(job, () -> {
            ResolutionPlan plan = resolutionSteps.recordInspection(
                    form.caseRef(),
                    form.benchFinding(),
                    form.resolution(),
                    form.exclusionReason(),
                    form.inspectionNotes(),
                    "tasklist:service-bench");
            return new ResolutionRecorded(
                    plan.outcome().name(),
                    plan.newWarrantyEndsOn() == null
                            ? null
                            : plan.newWarrantyEndsOn().toString());
        });
    }

    @JobWorker(type = Jobs.OUTBOUND_SHIPMENT)
    public OutboundArranged arrangeOutboundShipment(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            Optional<FreightLeg> leg = resolutionSteps.arrangeOutboundShipment(c.caseRef());
            return new OutboundArranged(
                    leg.map(l -> l.purpose().name()).orElse("NONE"),
                    leg.map(l -> l.payer().name()).orElse(null));
        });
    }

    @JobWorker(type = Jobs.RETURN_CANCEL)
    public Outcome cancel(ActivatedJob job, @VariablesAsType Cancellation cancellation) {
        steps.run(job, () -> closingSteps.cancel(cancellation.caseRef(), cancellation.cancellationReason()));
        return new Outcome(CaseOutcome.CANCELLED.name());
    }

    @JobWorker(type = Jobs.DISPUTE_RECORD)
    public void recordDisputeRuling(ActivatedJob job, @VariablesAsType DisputeForm form) {
        steps.run(
                job,
                () -> closingSteps.recordDisputeRuling(
                        form.caseRef(), form.disputeDecision(), form.governanceRuling(), job.getProcessInstanceKey()));
    }

    @JobWorker(type = Jobs.LATE_UNIT_DECIDE)
    public LateUnitDecided decideLateUnit(ActivatedJob job, @VariablesAsType LateUnitForm form) {
        return steps.run(
                job,
                () -> new LateUnitDecided(
                        lateUnitSteps.decideLateUnit(
                                        form.caseRef(),
                                        form.lateUnitDecision(),
                                        form.lateUnitReason(),
                                        form.lateUnitDecidedBy())
                                ? Route.CONTINUE
                                : Route.CLOSE));
    }

    @JobWorker(type = Jobs.EXTENSION_ANSWER)
    public void answerExtension(ActivatedJob job, @VariablesAsType ExtensionForm form) {
        steps.run(job, () -> extensions.answer(form.extensionRef(), form.extensionDecision(), form.extensionAnswer()));
    }

    @JobWorker(type = Jobs.CASE_CLOSE)
    public void close(ActivatedJob job, @VariablesAsType CaseToClose c) {
        steps.run(job, () -> closingSteps.close(c.caseRef(), c.caseOutcome()));
    }

    /** Dates as Operate, Tasklist and FEEL read them: ISO-8601 with offset, to the second. */
    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
