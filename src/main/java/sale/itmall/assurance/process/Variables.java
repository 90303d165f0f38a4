package sale.itmall.assurance.process;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import sale.itmall.assurance.policy.PolicyTerms;
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
            String assetCategory,
            String shippedOn,
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
            String assetCategory,
            String shippedOn,
            String faultDescription,
            String proofSummary) {}

    /** The warehouse receipt ({@value ProcessContract#MSG_ASSET_RECEIVED}, correlated by RMA number). */
    public record ReceiptMessage(String receiptId, String receivedAt) {}

    /**
     * The customer's answer to a paid repair quote ({@value ProcessContract#MSG_REPAIR_QUOTE_ANSWERED}, correlated by
     * case reference): ACCEPTED or DECLINED, as recorded before it was sent.
     */
    public record RepairQuoteAnswer(String repairQuoteAnswer) {}

    /** The customer's cancellation ({@value ProcessContract#MSG_CANCELLATION}, correlated by case reference). */
    public record CancellationMessage(String cancellationReason) {}

    /** Starts {@value ProcessContract#DISPUTE_PROCESS_ID}: the case facts the governance form shows, and a link. */
    public record DisputeRaised(
            String caseRef,
            String requestRef,
            String customerNumber,
            String customerName,
            String serialNumber,
            String assetModel,
            String assetCategory,
            String shippedOn,
            String policyRevision,
            String entitlement,
            String entitlementExplanation,
            String warrantyEndsOn,
            String maintenanceEndsOn,
            String caseOutcome,
            String disputeStatement,
            String caseHistory,
            String caseLink) {}

    /**
     * Starts {@value ProcessContract#LATE_UNIT_PROCESS_ID}: a unit received after its case closed. The facts the
     * late-unit form shows, the decisions open after the way the case closed ({@code lateUnitOptions}, the form's
     * choices), and what the inspection form shows should the inspection resume.
     */
    public record LateUnitReceived(
            String caseRef,
            String requestRef,
            String customerNumber,
            String customerName,
            String serialNumber,
            String assetModel,
            String assetCategory,
            String shippedOn,
            String faultDescription,
            String proofSummary,
            String policyRevision,
            PolicyTerms terms,
            String entitlement,
            String entitlementExplanation,
            String warrantyEndsOn,
            String maintenanceEndsOn,
            String rmaNumber,
            String receiptId,
            String receivedAt,
            String closedAs,
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
            String assetCategory,
            String shippedOn,
            String entitlement,
            String warrantyEndsOn,
            String maintenanceEndsOn,
            String policyRevision,
            String customerNote) {}

    /** A choice of a form whose choices the process gives (a radio's {@code valuesKey}). */
    public record Option(String label, String value) {}

    // ---- what workers read -----------------------------------------------------------------------------------------

    public record RequestRef(String requestRef) {}

    public record CaseRef(String caseRef) {}

    /** The remote diagnosis form; a price in {@code repairQuoteAmount} offers a paid repair when the warranty does not pay. */
    public record DiagnosisForm(
            String caseRef,
            String diagnosisOutcome,
            String exclusionReason,
            String diagnosisNotes,
            BigDecimal repairQuoteAmount,
            String repairQuoteCurrency) {}

    public record RmaForm(String caseRef, String rmaDecision, String approvalNotes) {
        /** The approver's choice, parsed once; empty when the form left it out. */
        public Optional<Decisions.RmaDecision> decision() {
            return Decisions.parse(Decisions.RmaDecision.class, rmaDecision, "RMA decision");
        }
    }

    public record Receipt(String caseRef, String receiptId, String receivedAt) {}

    public record InspectionForm(
            String caseRef, String benchFinding, String resolution, String exclusionReason, String inspectionNotes) {}

    public record Cancellation(String caseRef, String cancellationReason) {}

    public record CaseToClose(String caseRef, String caseOutcome) {}

    public record DisputeForm(String caseRef, String disputeDecision, String governanceRuling) {
        /** The ruling, parsed once; empty when the form left it out. */
        public Optional<Decisions.DisputeDecision> decision() {
            return Decisions.parse(Decisions.DisputeDecision.class, disputeDecision, "dispute decision");
        }
    }

    /** The late-unit form's answer; {@code lateUnitDecidedBy} is the deciding task's output mapping (its group). */
    public record LateUnitForm(
            String caseRef, String lateUnitDecision, String lateUnitReason, String lateUnitDecidedBy) {}

    /** The governance form's answer to an extension request (mapped out of the user task). */
    public record ExtensionForm(String extensionRef, String extensionDecision, String extensionAnswer) {}

    // ---- what workers answer ---------------------------------------------------------------------------------------

    /** The terms the case runs under, kept for all its later steps (forms show them: "within {{terms.returnWindowDays}} days"). */
    public record TermsApplied(PolicyTerms terms, String policyRevision, String policyDecision) {}

    public record EntitlementChecked(
            String entitlement,
            String entitlementExplanation,
            String warrantyEndsOn,
            String maintenanceEndsOn,
            String diagnosisDueAt,
            Route entitlementRoute,
            String caseOutcome,
            String repairQuoteCurrency) {}

    /** {@code repairQuoteValidUntil}: when an unanswered paid repair quote expires (the timer), or null. */
    public record DiagnosisRecorded(
            Route diagnosisRoute,
            boolean advanceReplacement,
            String exclusionReason,
            String caseOutcome,
            String repairQuoteValidUntil) {}

    /** ACCEPTED goes on to RMA approval; DECLINED and EXPIRED close with {@code caseOutcome}. */
    public record RepairQuoteSettled(String repairQuoteAnswer, String caseOutcome) {}

    public record RmaDecided(
            boolean rmaApproved,
            boolean advanceReplacementShipped,
            String rmaNumber,
            String rmaAuthorizedAt,
            String returnDueAt,
            String complianceLimitAt,
            String caseOutcome) {}

    public record AdvanceDispatched(
            boolean advanceReplacementShipped, String replacementSerial, String newWarrantyEndsOn) {}

    public record Outcome(String caseOutcome) {}

    public record ReceiptRecorded(boolean unitReceived, String returnStanding) {}

    public record ResolutionRecorded(String caseOutcome, String newWarrantyEndsOn) {}

    public record OutboundArranged(String outboundShipment, String outboundFreightPayer) {}

    /** CONTINUE: the inspection resumes; CLOSE: the decision is carried out and the case stays closed. */
    public record LateUnitDecided(Route lateUnitRoute) {}

    /** Dates as Operate, Tasklist and FEEL read them: ISO-8601 with offset, to the second. */
    public static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
