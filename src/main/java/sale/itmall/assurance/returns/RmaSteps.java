package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.RmaDeadlines;
import sale.itmall.assurance.policy.ServicePolicy;

/**
 * RMA approval (§1.4) and advance replacement (§2.1–2.2): the RMA number and deadlines, the replacement unit dispatched and the ownership transfer.
 * Each step applies a {@link ServicePolicy} rule, writes what it decided and the audit record in one transaction,
 * publishes it as a {@link ReturnEvent} in that transaction, and is safe to repeat (a redelivered job finds its
 * own rows and answers the same).
 */
@Service
@Transactional
public class RmaSteps {

    private final CaseStore store;
    private final AssetStore assetStore;
    private final CaseFindings caseFindings;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RmaSteps(
            CaseStore store,
            AssetStore assetStore,
            CaseFindings caseFindings,
            AuditTrail audit,
            Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.assetStore = assetStore;
        this.caseFindings = caseFindings;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** An authorized RMA: its number and deadlines. */
    public record Authorized(String rmaNumber, Instant authorizedAt, Instant returnDueAt, Instant complianceLimitAt) {}

    /** The RMA decision: the RMA number and deadlines when approved, empty when rejected. */
    public Optional<Authorized> decideRma(String caseRef, Boolean approved, String notes, String decidedBy) {
        if (approved == null) {
            throw new PolicyViolation(
                    "The RMA approval form was completed without a decision (rmaApproved is missing)");
        }
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        caseFindings.insertRmaDecision(c.id(), approved, notes, decidedBy, now);
        if (!approved) {
            store.setStatus(c.id(), CaseStatus.CLOSING);
            audit.record(c, "RMA_REJECTED", decidedBy, notes == null ? "RMA rejected" : notes, now);
            events.publishEvent(new ReturnEvent.RmaRejected(c.facts(), now, notes));
            return Optional.empty();
        }
        ServicePolicy policy = c.policy();
        RmaDeadlines deadlines = policy.deadlines(c.rmaAuthorizedAt() != null ? c.rmaAuthorizedAt() : now);
        store.authorizeRma(
                c.id(), rmaNumber(c), deadlines.authorizedAt(), deadlines.returnDueAt(), deadlines.complianceLimitAt());
        caseFindings.insertShipment(c.id(), policy.inboundLeg(), c.assetId(), now);
        CaseRecord authorized = store.require(caseRef);
        audit.record(
                c,
                "RMA_AUTHORIZED",
                decidedBy,
                authorized.rmaNumber() + ": return by " + authorized.returnDueAt() + ", compliance limit "
                        + authorized.complianceLimitAt() + "; inbound freight at the client's cost",
                now);
        events.publishEvent(new ReturnEvent.RmaAuthorized(authorized.facts(), now));
        return Optional.of(new Authorized(
                authorized.rmaNumber(),
                authorized.rmaAuthorizedAt(),
                authorized.returnDueAt(),
                authorized.complianceLimitAt()));
    }

    private static String rmaNumber(CaseRecord c) {
        return "RMA-%s-%06d".formatted(c.reference().replaceAll("[^0-9]", "").substring(0, 4), c.id().value());
    }

    public ReplacementUnit dispatchAdvanceReplacement(String caseRef) {
        CaseRecord c = store.require(caseRef);
        if (!c.advanceReplacement()) {
            throw new PolicyViolation("Case " + caseRef + " is not eligible for advance replacement");
        }
        Instant now = clock.instant();
        ServicePolicy policy = c.policy();
        LocalDate newEnd = policy.warrantyAfterService(policy.warrantyEndsOn(c.assetFacts()), today());
        ReplacementUnit replacement = assetStore.issueReplacement(c, ReplacementKind.ADVANCE, newEnd, now);
        caseFindings.insertShipment(c.id(), policy.advanceReplacementLeg(), replacement.assetId(), now);
        store.setNewWarrantyEnd(c.id(), replacement.warrantyEndsOn());
        audit.record(
                c,
                "ADVANCE_REPLACEMENT_SHIPPED",
                "system:advance-replacement-dispatch",
                "Replacement " + replacement.serialNumber() + " shipped at ITMall's cost, warranty through "
                        + replacement.warrantyEndsOn(),
                now);
        events.publishEvent(new ReturnEvent.AdvanceReplacementShipped(
                c.facts(), now, replacement.serialNumber(), replacement.warrantyEndsOn()));
        return replacement;
    }

    public void transferOwnership(String caseRef) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        assetStore.transferOwnership(c, now);
        audit.record(
                c,
                "OWNERSHIP_TRANSFERRED",
                "system:ownership-transfer",
                c.serialNumber() + " passes to ITMall upon replacement",
                now);
    }
}
