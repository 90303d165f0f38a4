package sale.itmall.assurance.engine;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.RmaDeadlines;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.ProcessContract.Jobs;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.process.Variables.AdvanceDispatched;
import sale.itmall.assurance.process.Variables.CaseRef;
import sale.itmall.assurance.process.Variables.Outcome;
import sale.itmall.assurance.process.Variables.Receipt;
import sale.itmall.assurance.process.Variables.ReceiptRecorded;
import sale.itmall.assurance.returns.LateUnitSteps;
import sale.itmall.assurance.returns.ReplacementUnit;
import sale.itmall.assurance.returns.ResolutionSteps;
import sale.itmall.assurance.returns.RmaSteps;

/**
 * The job workers while a unit is on its way back: the advance replacement and its ownership transfer, the overdue
 * notice, the compliance action past the limit (charge, suspension, RMA expiry) and the receipt.
 * Each is thin: it reads its typed variables, calls one step and answers the typed variables the model's gateways
 * and forms read ({@link Variables}); {@link JobFailurePolicy} turns its failures into what Operate shows.
 */
@Component
public class ReturnWindowWorkers {

    private final RmaSteps rmaSteps;
    private final LateUnitSteps lateUnitSteps;
    private final ResolutionSteps resolutionSteps;
    private final JobFailurePolicy steps;

    ReturnWindowWorkers(
            RmaSteps rmaSteps, LateUnitSteps lateUnitSteps, ResolutionSteps resolutionSteps, JobFailurePolicy steps) {
        this.rmaSteps = rmaSteps;
        this.lateUnitSteps = lateUnitSteps;
        this.resolutionSteps = resolutionSteps;
        this.steps = steps;
    }

    @JobWorker(type = Jobs.ADVANCE_DISPATCH)
    public AdvanceDispatched dispatchAdvanceReplacement(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            ReplacementUnit replacement = rmaSteps.dispatchAdvanceReplacement(c.caseRef());
            return new AdvanceDispatched(true, replacement.serialNumber(), replacement.warrantyEndsOn());
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
            return new Outcome(result.outcome());
        });
    }

    @JobWorker(type = Jobs.ACCOUNT_SUSPEND)
    public Outcome suspendAccount(ActivatedJob job, @VariablesAsType CaseRef c) {
        steps.run(job, () -> lateUnitSteps.suspendAccount(c.caseRef()));
        return new Outcome(CaseOutcome.ACCOUNT_SUSPENDED);
    }

    @JobWorker(type = Jobs.RMA_EXPIRE)
    public Outcome expireRma(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(
                job,
                () -> new Outcome(
                        lateUnitSteps.enforceComplianceLimit(c.caseRef()).outcome()));
    }

    @JobWorker(type = Jobs.RECEIPT_RECORD)
    public ReceiptRecorded recordReceipt(ActivatedJob job, @VariablesAsType Receipt receipt) {
        return steps.run(job, () -> {
            RmaDeadlines.ReturnStanding standing =
                    resolutionSteps.recordReceipt(receipt.caseRef(), receipt.receivedAt(), receipt.receiptId());
            return new ReceiptRecorded(true, standing.name());
        });
    }
}
