package sale.itmall.assurance.process;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.BenchFinding;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.Codes;
import sale.itmall.assurance.policy.CustomerQuestion;
import sale.itmall.assurance.policy.DiagnosisOutcome;
import sale.itmall.assurance.policy.EntitlementStatus;
import sale.itmall.assurance.policy.ExclusionReason;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.LateUnitDecision;
import sale.itmall.assurance.policy.PolicyTerms;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.policy.Resolution;
import sale.itmall.assurance.process.ProcessContract.Route;

/**
 * The process variables, as typed records: what each start and message carries, what each worker reads (its
 * parameter type, fetched by name) and answers (its return type). A record component is a variable name; the contract
 * test checks that every variable a model or form reads is produced by one of these, a form field or a mapping.
 * Variables carry references and the facts forms show, never payloads.
 */
public final class Variables {

    private Variables() {}

    // ---- starts and messages ---------------------------------------------------------------------------------------

    /** Starts {@value ProcessContract#REQUEST_PROCESS_ID}: one request, its items. */
    public record RequestStarted(String requestRef, String customerNumber, String customerName, List<Item> items) {}

    /** One item of a request, as the call activity hands it to its return case. */
    public record Item(
            String caseRef,
            String serialNumber,
            String assetModel,
            AssetCategory assetCategory,
            LocalDate shippedOn,
            String faultDescription,
            String proofSummary) {}

    /** What the request's call activity passes to each {@value ProcessContract#CASE_PROCESS_ID} (its input mappings). */
    public record CaseStarted(
            String caseRef,
            String requestRef,
            String customerNumber,
            String customerName,
            String serialNumber,
            String assetModel,
            AssetCategory assetCategory,
            LocalDate shippedOn,
            String faultDescription,
            String proofSummary) {}

    /** The warehouse receipt ({@value ProcessContract#MSG_ASSET_RECEIVED}, correlated by RMA number). */
    public record ReceiptMessage(String receiptId, Instant receivedAt) {
        public ReceiptMessage {
            receivedAt = seconds(receivedAt);
        }
    }

    /**
     * The customer's answer to a paid repair quote ({@value ProcessContract#MSG_REPAIR_QUOTE_ANSWERED}, correlated by
     * case reference): ACCEPTED or DECLINED, as recorded before it was sent.
     */
    public record RepairQuoteAnswer(RepairQuote.Answer repairQuoteAnswer) {}

    /**
     * The customer answered TAC's question ({@value ProcessContract#MSG_CUSTOMER_ANSWERED}, correlated by the question's
     * key), when it was recorded; the answer itself stays in the database.
     */
    public record CustomerAnswered(Instant customerAnsweredAt) {
        public CustomerAnswered {
            customerAnsweredAt = seconds(customerAnsweredAt);
        }
    }

    /** The customer's cancellation ({@value ProcessContract#MSG_CANCELLATION}, correlated by case reference). */
    public record CancellationMessage(String cancellationReason) {}

    /**
     * A case as the staff forms of the processes it starts show it: who, which asset, under which terms and cover.
     * Absent is absent: the entitlement before its check, maintenance the asset does not have.
     */
    public record CaseIdentity(
            String caseRef,
            String requestRef,
            String customerNumber,
            String customerName,
            String serialNumber,
            String assetModel,
            AssetCategory assetCategory,
            LocalDate shippedOn,
            String policyRevision,
            EntitlementStatus entitlement,
            String entitlementExplanation,
            LocalDate warrantyEndsOn,
            LocalDate maintenanceEndsOn) {}

    /**
     * Starts {@value ProcessContract#DISPUTE_PROCESS_ID}: the case facts the governance form shows, and a link;
     * {@code caseOutcome} is absent while the case is open.
     */
    public record DisputeRaised(
            @JsonUnwrapped CaseIdentity identity,
            CaseOutcome caseOutcome,
            String disputeStatement,
            String caseHistory,
            String caseLink) {}

    /**
     * Starts {@value ProcessContract#LATE_UNIT_PROCESS_ID}: a unit received after its case closed. The facts the
     * late-unit form shows, the decisions open after the way the case closed ({@code lateUnitOptions}, the form's
     * choices), and what the inspection form shows should the inspection resume.
     */
    public record LateUnitReceived(
            @JsonUnwrapped CaseIdentity identity,
            String faultDescription,
            String proofSummary,
            PolicyTerms terms,
            String rmaNumber,
            String receiptId,
            String receivedAt,
            CaseOutcome closedAs,
            String closedAsLabel,
            String closedAt,
            String complianceLimitAt,
            boolean advanceReplacementShipped,
            String replacementSerial,
            String chargeSummary,
            String accountStatus,
            List<Option> lateUnitOptions,
            String caseLink) {}

    /**
     * Starts {@value ProcessContract#EXTENSION_PROCESS_ID}: a customer asks to extend an asset's cover; the asset's
     * facts the governance form shows and the customer's note (plain text, shown read-only).
     */
    public record ExtensionRequested(
            String extensionRef,
            String customerNumber,
            String customerName,
            String serialNumber,
            String assetModel,
            AssetCategory assetCategory,
            LocalDate shippedOn,
            EntitlementStatus entitlement,
            LocalDate warrantyEndsOn,
            LocalDate maintenanceEndsOn,
            String policyRevision,
            String customerNote) {}

    /** A choice of a form whose choices the process gives (a radio's {@code valuesKey}). */
    public record Option(String label, String value) {}

    // ---- what workers read -----------------------------------------------------------------------------------------

    public record RequestRef(String requestRef) {}

    public record CaseRef(String caseRef) {}

    /**
     * The remote diagnosis form; a price in {@code repairQuoteAmount} offers a paid repair when the warranty does not
     * pay; {@value ProcessContract#ASK_CUSTOMER} asks the customer {@code customerQuestion} instead of concluding.
     */
    public record DiagnosisForm(
            String caseRef,
            String diagnosisOutcome,
            String exclusionReason,
            String diagnosisNotes,
            BigDecimal repairQuoteAmount,
            String repairQuoteCurrency,
            String customerQuestion,
            List<String> questionTopics) {
        /** Whether TAC asks the customer first rather than concluding. */
        public boolean asksCustomer() {
            return ProcessContract.ASK_CUSTOMER.equals(diagnosisOutcome);
        }

        /** TAC's finding, parsed once (an incident's reason when it is missing or unknown). */
        public DiagnosisOutcome outcome() {
            return Codes.parse(DiagnosisOutcome.class, diagnosisOutcome, "diagnosis outcome");
        }

        /** What the question asks for, parsed once (an incident's reason when a topic is unknown). */
        public Set<CustomerQuestion.Topic> topics() {
            Set<CustomerQuestion.Topic> topics = EnumSet.noneOf(CustomerQuestion.Topic.class);
            if (questionTopics != null) {
                questionTopics.forEach(t -> topics.add(Codes.parse(CustomerQuestion.Topic.class, t, "question topic")));
            }
            return topics;
        }
    }

    public record RmaForm(String caseRef, String rmaDecision, String approvalNotes) {
        /** The approver's choice, parsed once; empty when the form left it out. */
        public Optional<Decisions.RmaDecision> decision() {
            return Decisions.parse(Decisions.RmaDecision.class, rmaDecision, "RMA decision");
        }
    }

    public record Receipt(String caseRef, String receiptId, Instant receivedAt) {}

    public record InspectionForm(
            String caseRef, String benchFinding, String resolution, String exclusionReason, String inspectionNotes) {
        /** The bench's finding, parsed once (an incident's reason when it is missing or unknown). */
        public BenchFinding finding() {
            return Codes.parse(BenchFinding.class, benchFinding, "bench finding");
        }

        /** The resolution chosen for a confirmed defect; empty when the form left it out. */
        public Optional<Resolution> chosenResolution() {
            return Decisions.parse(Resolution.class, resolution, "resolution");
        }
    }

    public record Cancellation(String caseRef, String cancellationReason) {}

    public record CaseToClose(String caseRef, String caseOutcome) {
        /** The outcome the model closes with, parsed once (an incident's reason when it is missing or unknown). */
        public CaseOutcome outcome() {
            return Codes.parse(CaseOutcome.class, caseOutcome, "case outcome");
        }
    }

    public record DisputeForm(String caseRef, String disputeDecision, String governanceRuling) {
        /** The ruling, parsed once; empty when the form left it out. */
        public Optional<Decisions.DisputeDecision> decision() {
            return Decisions.parse(Decisions.DisputeDecision.class, disputeDecision, "dispute decision");
        }
    }

    /** The late-unit form's answer; {@code lateUnitDecidedBy} is the deciding task's output mapping (its group). */
    public record LateUnitForm(
            String caseRef, String lateUnitDecision, String lateUnitReason, String lateUnitDecidedBy) {
        /** The decision, parsed once (an incident's reason when it is missing or unknown). */
        public LateUnitDecision decision() {
            return Codes.parse(LateUnitDecision.class, lateUnitDecision, "late unit decision");
        }
    }

    /** The governance form's answer to an extension request (mapped out of the user task). */
    public record ExtensionForm(String extensionRef, String extensionDecision, String extensionAnswer) {
        /** The decision, parsed once (an incident's reason when it is missing or unknown). */
        public Decisions.ExtensionDecision decision() {
            return Codes.parse(
                    Decisions.ExtensionDecision.class, extensionDecision, "extension decision (extensionDecision)");
        }
    }

    // ---- what workers answer ---------------------------------------------------------------------------------------

    /** The terms the case runs under, kept for all its later steps (forms show them: "within {{terms.returnWindowDays}} days"). */
    public record TermsApplied(PolicyTerms terms, String policyRevision, String policyDecision) {}

    /** {@code maintenanceEndsOn} absent without maintenance; {@code caseOutcome} only when the case closes here. */
    public record EntitlementChecked(
            EntitlementStatus entitlement,
            String entitlementExplanation,
            LocalDate warrantyEndsOn,
            LocalDate maintenanceEndsOn,
            Instant diagnosisDueAt,
            Route entitlementRoute,
            CaseOutcome caseOutcome,
            String repairQuoteCurrency) {
        public EntitlementChecked {
            diagnosisDueAt = seconds(diagnosisDueAt);
        }
    }

    /**
     * {@code repairQuoteValidUntil}: when an unanswered paid repair quote expires (the timer), or null. A question to
     * the customer (route QUESTION) names its {@code questionKey} (the message's correlation) and its two timers.
     */
    public record DiagnosisRecorded(
            Route diagnosisRoute,
            boolean advanceReplacement,
            ExclusionReason exclusionReason,
            CaseOutcome caseOutcome,
            Instant repairQuoteValidUntil,
            String questionKey,
            Instant questionRemindAt,
            Instant questionClosesAt) {
        public DiagnosisRecorded {
            repairQuoteValidUntil = seconds(repairQuoteValidUntil);
            questionRemindAt = seconds(questionRemindAt);
            questionClosesAt = seconds(questionClosesAt);
        }

        /** A diagnosis that asks nothing of the customer. */
        public DiagnosisRecorded(
                Route diagnosisRoute,
                boolean advanceReplacement,
                ExclusionReason exclusionReason,
                CaseOutcome caseOutcome,
                Instant repairQuoteValidUntil) {
            this(
                    diagnosisRoute,
                    advanceReplacement,
                    exclusionReason,
                    caseOutcome,
                    repairQuoteValidUntil,
                    null,
                    null,
                    null);
        }
    }

    /**
     * The question settled: answered goes back to remote diagnosis with the exchange for the form and the diagnosis
     * due date moved on by the customer's time; unanswered closes with {@code caseOutcome}.
     */
    public record QuestionSettled(
            boolean customerAnswered, CaseOutcome caseOutcome, Instant diagnosisDueAt, String customerExchange) {
        public QuestionSettled {
            diagnosisDueAt = seconds(diagnosisDueAt);
        }
    }

    /** ACCEPTED goes on to RMA approval; DECLINED and EXPIRED close with {@code caseOutcome}. */
    public record RepairQuoteSettled(RepairQuote.Answer repairQuoteAnswer, CaseOutcome caseOutcome) {}

    public record RmaDecided(
            boolean rmaApproved,
            boolean advanceReplacementShipped,
            String rmaNumber,
            Instant rmaAuthorizedAt,
            Instant returnDueAt,
            Instant complianceLimitAt,
            CaseOutcome caseOutcome) {
        public RmaDecided {
            rmaAuthorizedAt = seconds(rmaAuthorizedAt);
            returnDueAt = seconds(returnDueAt);
            complianceLimitAt = seconds(complianceLimitAt);
        }
    }

    public record AdvanceDispatched(
            boolean advanceReplacementShipped, String replacementSerial, LocalDate newWarrantyEndsOn) {}

    public record Outcome(CaseOutcome caseOutcome) {}

    public record ReceiptRecorded(boolean unitReceived, String returnStanding) {}

    public record ResolutionRecorded(CaseOutcome caseOutcome, LocalDate newWarrantyEndsOn) {}

    /** Both absent when nothing ships back (a credit). */
    public record OutboundArranged(FreightLeg.Purpose outboundShipment, FreightLeg.Payer outboundFreightPayer) {}

    /** CONTINUE: the inspection resumes; CLOSE: the decision is carried out and the case stays closed. */
    public record LateUnitDecided(Route lateUnitRoute) {}

    /**
     * Instants as Operate, Tasklist and FEEL read them: to the second (written ISO-8601 in UTC by the client's JSON
     * mapper, e.g. {@code 2027-06-11T09:30:00Z}).
     */
    static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
