package sale.itmall.assurance.engine;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Optional;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.DiagnosisDecision;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.process.Decisions;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.ProcessContract.Jobs;
import sale.itmall.assurance.process.ProcessContract.Route;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.process.Variables.CaseRef;
import sale.itmall.assurance.process.Variables.DiagnosisForm;
import sale.itmall.assurance.process.Variables.DiagnosisRecorded;
import sale.itmall.assurance.process.Variables.EntitlementChecked;
import sale.itmall.assurance.process.Variables.QuestionSettled;
import sale.itmall.assurance.process.Variables.RepairQuoteSettled;
import sale.itmall.assurance.process.Variables.RequestRef;
import sale.itmall.assurance.process.Variables.RmaDecided;
import sale.itmall.assurance.process.Variables.RmaForm;
import sale.itmall.assurance.process.Variables.TermsApplied;
import sale.itmall.assurance.returns.ClosingSteps;
import sale.itmall.assurance.returns.CustomerQuestions;
import sale.itmall.assurance.returns.DiagnosisSteps;
import sale.itmall.assurance.returns.EntitlementSteps;
import sale.itmall.assurance.returns.RmaSteps;

/**
 * The job workers of a request and a case's first steps: the request acknowledged and summarized, the policy terms,
 * the entitlement check, the remote diagnosis (its escalation, its paid repair quote settled, its questions to the
 * customer reminded and settled) and the RMA decision.
 * Each is thin: it reads its typed variables, calls one step and answers the typed variables the model's gateways
 * and forms read ({@link Variables}); {@link JobFailurePolicy} turns its failures into what Operate shows.
 */
@Component
public class OpeningWorkers {

    private final EntitlementSteps entitlementSteps;
    private final DiagnosisSteps diagnosisSteps;
    private final CustomerQuestions customerQuestions;
    private final RmaSteps rmaSteps;
    private final ClosingSteps closingSteps;
    private final JobFailurePolicy steps;
    private final EngineOutbox engine;

    OpeningWorkers(
            EntitlementSteps entitlementSteps,
            DiagnosisSteps diagnosisSteps,
            CustomerQuestions customerQuestions,
            RmaSteps rmaSteps,
            ClosingSteps closingSteps,
            JobFailurePolicy steps,
            EngineOutbox engine) {
        this.entitlementSteps = entitlementSteps;
        this.diagnosisSteps = diagnosisSteps;
        this.customerQuestions = customerQuestions;
        this.rmaSteps = rmaSteps;
        this.closingSteps = closingSteps;
        this.steps = steps;
        this.engine = engine;
    }

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

    /** The business rule task: the case evaluates the policy decision once and keeps its terms. */
    @JobWorker(type = Jobs.POLICY_TERMS)
    public TermsApplied applyPolicyTerms(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            EntitlementSteps.KeptTerms kept = entitlementSteps.applyTerms(c.caseRef(), job.getProcessInstanceKey());
            return new TermsApplied(
                    kept.terms(),
                    kept.policyRevision(),
                    ProcessContract.POLICY_DECISION_ID + " v" + kept.decisionVersion());
        });
    }

    @JobWorker(type = Jobs.ENTITLEMENT_CHECK)
    public EntitlementChecked checkEntitlement(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            EntitlementSteps.EntitlementResult result = entitlementSteps.checkEntitlement(c.caseRef());
            Entitlement e = result.entitlement();
            return new EntitlementChecked(
                    e.status(),
                    e.explanation(),
                    e.warrantyEndsOn(),
                    e.maintenanceEndsOn(),
                    result.diagnosisDueAt(),
                    result.closeWith().isPresent() ? Route.CLOSE : Route.CONTINUE,
                    result.closeWith().orElse(null),
                    result.currency());
        });
    }

    @JobWorker(type = Jobs.DIAGNOSIS_ESCALATE)
    public void escalateDiagnosis(ActivatedJob job, @VariablesAsType CaseRef c) {
        steps.run(job, () -> diagnosisSteps.escalateDiagnosis(c.caseRef()));
    }

    /** TAC's conclusion, or a question to the customer the case then waits on (route QUESTION). */
    @JobWorker(type = Jobs.DIAGNOSIS_RECORD)
    public DiagnosisRecorded recordDiagnosis(ActivatedJob job, @VariablesAsType DiagnosisForm form) {
        return steps.run(job, () -> {
            if (form.asksCustomer()) {
                CustomerQuestions.Asked asked = customerQuestions.ask(
                        form.caseRef(), form.customerQuestion(), form.topics(), "tasklist:tac-engineers");
                return new DiagnosisRecorded(
                        Route.QUESTION,
                        false,
                        null,
                        null,
                        null,
                        asked.questionKey(),
                        asked.question().remindAt(),
                        asked.question().closesAt());
            }
            DiagnosisSteps.Diagnosed diagnosed = diagnosisSteps.recordDiagnosis(
                    form.caseRef(),
                    form.outcome(),
                    form.exclusionReason(),
                    form.diagnosisNotes(),
                    "tasklist:tac-engineers",
                    form.repairQuoteAmount(),
                    form.repairQuoteCurrency());
            DiagnosisDecision d = diagnosed.decision();
            return new DiagnosisRecorded(
                    d.paidRepairQuote() ? Route.QUOTE : d.goesToRmaApproval() ? Route.CONTINUE : Route.CLOSE,
                    d.advanceReplacement(),
                    d.exclusion(),
                    d.closeWith(),
                    diagnosed.quote() == null ? null : diagnosed.quote().validUntil());
        });
    }

    /** The customer's answer arrived, or the quote's validity ran out: an unanswered quote expires here. */
    @JobWorker(type = Jobs.REPAIR_QUOTE_SETTLE)
    public RepairQuoteSettled settleRepairQuote(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            RepairQuote.Answer answer = diagnosisSteps.settleRepairQuote(c.caseRef());
            return new RepairQuoteSettled(answer, answer.closesAs());
        });
    }

    @JobWorker(type = Jobs.QUESTION_REMIND)
    public void remindCustomer(ActivatedJob job, @VariablesAsType CaseRef c) {
        steps.run(job, () -> customerQuestions.remind(c.caseRef()));
    }

    /** The customer's answer arrived, or the question's time ran out: answered goes back to TAC, else the case closes. */
    @JobWorker(type = Jobs.QUESTION_SETTLE)
    public QuestionSettled settleQuestion(ActivatedJob job, @VariablesAsType CaseRef c) {
        return steps.run(job, () -> {
            CustomerQuestions.Settled settled = customerQuestions.settle(c.caseRef());
            return new QuestionSettled(
                    settled.answered(), settled.closeWith(), settled.diagnosisDueAt(), settled.exchange());
        });
    }

    @JobWorker(type = Jobs.RMA_DECIDE)
    public RmaDecided decideRma(ActivatedJob job, @VariablesAsType RmaForm form) {
        return steps.run(job, () -> {
            Boolean approved =
                    form.decision().map(d -> d == Decisions.RmaDecision.APPROVE).orElse(null);
            Optional<RmaSteps.Authorized> authorized =
                    rmaSteps.decideRma(form.caseRef(), approved, form.approvalNotes(), "tasklist:rma-approvers");
            if (authorized.isEmpty()) {
                return new RmaDecided(false, false, null, null, null, null, CaseOutcome.RMA_REJECTED);
            }
            RmaSteps.Authorized rma = authorized.get();
            return new RmaDecided(
                    true, false, rma.rmaNumber(), rma.authorizedAt(), rma.returnDueAt(), rma.complianceLimitAt(), null);
        });
    }
}
