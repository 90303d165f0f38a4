package sale.itmall.assurance.engine;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Optional;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.ResolutionPlan;
import sale.itmall.assurance.process.ProcessContract.Jobs;
import sale.itmall.assurance.process.ProcessContract.Route;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.process.Variables.Cancellation;
import sale.itmall.assurance.process.Variables.CaseRef;
import sale.itmall.assurance.process.Variables.CaseToClose;
import sale.itmall.assurance.process.Variables.DisputeForm;
import sale.itmall.assurance.process.Variables.ExtensionForm;
import sale.itmall.assurance.process.Variables.InspectionForm;
import sale.itmall.assurance.process.Variables.LateUnitDecided;
import sale.itmall.assurance.process.Variables.LateUnitForm;
import sale.itmall.assurance.process.Variables.OutboundArranged;
import sale.itmall.assurance.process.Variables.Outcome;
import sale.itmall.assurance.process.Variables.ResolutionRecorded;
import sale.itmall.assurance.returns.ClosingSteps;
import sale.itmall.assurance.returns.CoverageExtensions;
import sale.itmall.assurance.returns.LateUnitSteps;
import sale.itmall.assurance.returns.ResolutionSteps;

/**
 * The job workers of a case's end: the bench's resolution and its outbound shipment, a cancellation, a dispute's
 * ruling, a late unit's decision, a cover extension's answer, and closing.
 * Each is thin: it reads its typed variables, calls one step and answers the typed variables the model's gateways
 * and forms read ({@link Variables}); {@link JobFailurePolicy} turns its failures into what Operate shows.
 */
@Component
public class ResolutionWorkers {

    private final LateUnitSteps lateUnitSteps;
    private final ResolutionSteps resolutionSteps;
    private final ClosingSteps closingSteps;
    private final JobFailurePolicy steps;
    private final CoverageExtensions extensions;

    ResolutionWorkers(
            LateUnitSteps lateUnitSteps,
            ResolutionSteps resolutionSteps,
            ClosingSteps closingSteps,
            JobFailurePolicy steps,
            CoverageExtensions extensions) {
        this.lateUnitSteps = lateUnitSteps;
        this.resolutionSteps = resolutionSteps;
        this.closingSteps = closingSteps;
        this.steps = steps;
        this.extensions = extensions;
    }

    @JobWorker(type = Jobs.RESOLUTION_RECORD)
    public ResolutionRecorded recordResolution(ActivatedJob job, @VariablesAsType InspectionForm form) {
        return steps.run(job, () -> {
            ResolutionPlan plan = resolutionSteps.recordInspection(
                    form.caseRef(),
                    form.finding(),
                    form.chosenResolution().orElse(null),
                    form.exclusionReason(),
                    form.inspectionNotes(),
                    "tasklist:service-bench");
            return new ResolutionRecorded(plan.outcome(), plan.newWarrantyEndsOn());
        });
    }

    @JobWorker(type = Jobs.OUTBOUND_SHIPMENT)
    public OutboundArranged arrangeOutboundShipment(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            Optional<FreightLeg> leg = resolutionSteps.arrangeOutboundShipment(c.caseRef());
            return new OutboundArranged(
                    leg.map(FreightLeg::purpose).orElse(null),
                    leg.map(FreightLeg::payer).orElse(null));
        });
    }

    @JobWorker(type = Jobs.RETURN_CANCEL)
    public Outcome cancel(ActivatedJob job, @VariablesAsType Cancellation cancellation) {
        steps.run(job, () -> closingSteps.cancel(cancellation.caseRef(), cancellation.cancellationReason()));
        return new Outcome(CaseOutcome.CANCELLED);
    }

    @JobWorker(type = Jobs.DISPUTE_RECORD)
    public void recordDisputeRuling(ActivatedJob job, @VariablesAsType DisputeForm form) {
        steps.run(
                job,
                () -> closingSteps.recordDisputeRuling(
                        form.caseRef(),
                        form.decision().orElse(null),
                        form.governanceRuling(),
                        job.getProcessInstanceKey()));
    }

    @JobWorker(type = Jobs.LATE_UNIT_DECIDE)
    public LateUnitDecided decideLateUnit(ActivatedJob job, @VariablesAsType LateUnitForm form) {
        return steps.run(
                job,
                () -> new LateUnitDecided(
                        lateUnitSteps.decideLateUnit(
                                        form.caseRef(),
                                        form.decision(),
                                        form.lateUnitReason(),
                                        form.lateUnitDecidedBy())
                                ? Route.CONTINUE
                                : Route.CLOSE));
    }

    @JobWorker(type = Jobs.EXTENSION_ANSWER)
    public void answerExtension(ActivatedJob job, @VariablesAsType ExtensionForm form) {
        steps.run(job, () -> extensions.answer(form.extensionRef(), form.decision(), form.extensionAnswer()));
    }

    @JobWorker(type = Jobs.CASE_CLOSE)
    public void close(ActivatedJob job, @VariablesAsType CaseToClose c) {
        steps.run(job, () -> closingSteps.close(c.caseRef(), c.outcome()));
    }
}
