package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.policy.BenchFinding;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.LateUnitDecision;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.policy.Resolution;
import sale.itmall.assurance.policy.ResolutionPlan;
import sale.itmall.assurance.policy.RmaDeadlines;
import sale.itmall.assurance.policy.ServicePolicy;

/**
 * Receipt, inspection and resolution (§3): the unit received (also after the case closed), the bench's finding resolved under the case's terms, and the outbound shipment with its payer.
 * Each step applies a {@link ServicePolicy} rule, writes what it decided and the audit record in one transaction,
 * publishes it as a {@link ReturnEvent} in that transaction, and is safe to repeat (a redelivered job finds its
 * own rows and answers the same).
 */
@Service
@Transactional
public class ResolutionSteps {

    private final CaseStore store;
    private final AssetStore assetStore;
    private final CaseFindings caseFindings;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseMetrics metrics;

    ResolutionSteps(
            CaseStore store,
            AssetStore assetStore,
            CaseFindings caseFindings,
            AuditTrail audit,
            Clock clock,
            ApplicationEventPublisher events,
            CaseMetrics metrics) {
        this.store = store;
        this.assetStore = assetStore;
        this.caseFindings = caseFindings;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public RmaDeadlines.ReturnStanding recordReceipt(String caseRef, Instant receivedAt, String receiptId) {
        CaseRecord c = store.require(caseRef);
        Instant at = receivedAt != null ? receivedAt : clock.instant();
        store.recordReceipt(c.id(), at, receiptId);
        RmaDeadlines.ReturnStanding standing = c.deadlines().standingAt(at);
        audit.record(c, "UNIT_RECEIVED", warehouse(receiptId), c.rmaNumber() + " received " + standing, at);
        events.publishEvent(new ReturnEvent.UnitReceived(c.facts(), clock.instant(), standing));
        return standing;
    }

    /**
     * A unit that arrives after its case closed (RMA expired, unit price charged, account suspended, cancelled): the
     * receipt is kept with the case, written to its audit trail and the customer is told; the case stays closed until
     * staff decide (the late-unit process). Answers whether this call recorded it (false for a repeated receipt).
     */
    boolean recordReceiptAfterClose(String caseRef, Instant receivedAt, String receiptId) {
        CaseRecord c = store.require(caseRef);
        Instant at = receivedAt != null ? receivedAt : clock.instant();
        if (!store.recordReceiptAfterClose(c.id(), at, receiptId)) {
            return false;
        }
        audit.record(
                c,
                "UNIT_RECEIVED_AFTER_CLOSE",
                warehouse(receiptId),
                c.rmaNumber() + " received after the case closed as " + c.outcome()
                        + "; held at the warehouse until staff decide",
                at);
        metrics.lateUnit();
        events.publishEvent(new ReturnEvent.LateUnitReceived(
                store.require(caseRef).facts(), clock.instant(), LateUnitDecision.after(c.outcome())));
        return true;
    }

    /** The warehouse as the actor of a receipt, with the receipt id it gave. */
    private static String warehouse(String receiptId) {
        return "warehouse" + (receiptId == null ? "" : ":" + receiptId);
    }

    public ResolutionPlan recordInspection(
            String caseRef,
            BenchFinding parsedFinding,
            Resolution parsedResolution,
            String exclusionCode,
            String notes,
            String inspectedBy) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        Optional<ReplacementUnit> advance = assetStore.findReplacement(c.id()).filter(ReplacementUnit::advance);
        LocalDate exchangeDate = advance.map(r -> LocalDate.ofInstant(r.issuedAt(), ZoneOffset.UTC))
                .orElse(today());
        Optional<RepairQuote> paidRepair = acceptedQuote(c);
        ResolutionPlan plan = resolution(
                c, paidRepair, parsedFinding, parsedResolution, exclusionCode, advance.isPresent(), exchangeDate);
        caseFindings.insertInspection(
                c.id(),
                parsedFinding.name(),
                plan.resolution() == null ? null : plan.resolution().name(),
                plan.exclusion() == null ? null : plan.exclusion().name(),
                notes,
                inspectedBy,
                now);
        if (plan.issueReplacement()) {
            assetStore.issueReplacement(c, ReplacementKind.STANDARD, plan.newWarrantyEndsOn(), now);
        } else if (plan.resolution() == Resolution.REPAIR && plan.newWarrantyEndsOn() != null) {
            assetStore.overrideWarrantyEnd(c.assetId(), plan.newWarrantyEndsOn());
        }
        if (plan.transferOwnership()) {
            assetStore.transferOwnership(c, now);
        }
        if (plan.creditAmount().signum() > 0) {
            caseFindings.charge(
                    c.id(),
                    c.customerId(),
                    ChargeReason.CREDIT_NOTE,
                    plan.creditAmount().negate(),
                    c.currency(),
                    ChargeStatus.ISSUED,
                    now);
        }
        if (plan.advanceUnitCharge().signum() > 0) {
            caseFindings.charge(
                    c.id(),
                    c.customerId(),
                    ChargeReason.ADVANCE_UNIT_ON_INVALID_CLAIM,
                    plan.advanceUnitCharge(),
                    c.currency(),
                    c.paymentMethodOnFile() ? ChargeStatus.CAPTURED : ChargeStatus.DECLINED,
                    now);
        }
        boolean repairCharged = false;
        if (plan.repairCharge().signum() > 0) {
            CaseFindings.ChargeRow charge = caseFindings.charge(
                    c.id(),
                    c.customerId(),
                    ChargeReason.PAID_REPAIR,
                    plan.repairCharge(),
                    paidRepair.orElseThrow().currency(),
                    c.paymentMethodOnFile() ? ChargeStatus.CAPTURED : ChargeStatus.DECLINED,
                    now);
            if (charge.created()) {
                metrics.charge(charge.reason(), charge.status());
            }
            repairCharged = true;
        }
        if (plan.newWarrantyEndsOn() != null) {
            store.setNewWarrantyEnd(c.id(), plan.newWarrantyEndsOn());
        }
        store.setStatus(c.id(), CaseStatus.RESOLVING);
        audit.record(
                c,
                "INSPECTION_RECORDED",
                inspectedBy,
                parsedFinding + " → " + plan.outcome()
                        + (plan.exclusion() == null ? "" : " (" + plan.exclusion() + ")")
                        + (plan.newWarrantyEndsOn() == null ? "" : "; warranty through " + plan.newWarrantyEndsOn())
                        + (plan.creditAmount().signum() > 0
                                ? "; credit " + plan.creditAmount() + " " + c.currency()
                                : "")
                        + (plan.advanceUnitCharge().signum() > 0
                                ? "; advance unit charged " + plan.advanceUnitCharge() + " " + c.currency()
                                : "")
                        + (repairCharged
                                ? "; paid repair charged " + plan.repairCharge() + " "
                                        + paidRepair.orElseThrow().currency()
                                : ""),
                now);
        events.publishEvent(new ReturnEvent.ResolutionDecided(
                c.facts(),
                now,
                plan.outcome(),
                plan.exclusion(),
                plan.newWarrantyEndsOn(),
                plan.creditAmount(),
                plan.advanceUnitCharge(),
                repairCharged ? paidRepair.orElseThrow() : null));
        return plan;
    }

    /** The quote of a paid repair the customer accepted; empty for a warranty case. */
    private Optional<RepairQuote> acceptedQuote(CaseRecord c) {
        return caseFindings
                .repairQuote(c.id())
                .filter(q -> q.answer() == RepairQuote.Answer.ACCEPTED)
                .map(CaseFindings.QuoteRow::quote);
    }

    /** The bench's resolution under the case's terms: a paid repair's if the customer bought one, else the warranty's. */
    private static ResolutionPlan resolution(
            CaseRecord c,
            Optional<RepairQuote> paidRepair,
            BenchFinding finding,
            Resolution requested,
            String exclusionCode,
            boolean advanceShipped,
            LocalDate exchangeDate) {
        return paidRepair.isPresent()
                ? c.policy()
                        .resolvePaidRepair(
                                c.assetFacts(),
                                finding,
                                requested,
                                exclusionCode,
                                paidRepair.get().amount())
                : c.policy().resolve(c.assetFacts(), finding, requested, exclusionCode, advanceShipped, exchangeDate);
    }

    /** Arranges the outbound shipment the recorded resolution calls for, with its payer; empty when none ships. */
    public Optional<FreightLeg> arrangeOutboundShipment(String caseRef) {
        CaseRecord c = store.require(caseRef);
        CaseFindings.InspectionRow inspection = caseFindings
                .findInspection(c.id())
                .orElseThrow(() -> new PolicyViolation("Case " + caseRef + " has no inspection to ship against"));
        Optional<ReplacementUnit> replacement = assetStore.findReplacement(c.id());
        boolean advance = replacement.filter(ReplacementUnit::advance).isPresent();
        ResolutionPlan plan = resolution(
                c,
                acceptedQuote(c),
                BenchFinding.valueOf(inspection.finding()),
                inspection.resolution() == null ? null : Resolution.valueOf(inspection.resolution()),
                inspection.exclusionReason(),
                advance,
                LocalDate.ofInstant(inspection.inspectedAt(), ZoneOffset.UTC));
        Instant now = clock.instant();
        plan.outbound().ifPresent(leg -> {
            AssetId assetId = leg.purpose() == FreightLeg.Purpose.REPLACEMENT_UNIT
                    ? replacement.map(ReplacementUnit::assetId).orElse(null)
                    : c.assetId();
            caseFindings.insertShipment(c.id(), leg, assetId, now);
            audit.record(
                    c,
                    "OUTBOUND_SHIPMENT_ARRANGED",
                    "system:outbound-shipment",
                    leg.purpose() + " shipped, freight paid by " + leg.payer(),
                    now);
            events.publishEvent(new ReturnEvent.OutboundShipped(c.facts(), now, leg));
        });
        return plan.outbound();
    }
}
