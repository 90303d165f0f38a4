package sale.itmall.assurance.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sale.itmall.assurance.policy.FreightLeg.Direction;
import sale.itmall.assurance.policy.FreightLeg.Payer;
import sale.itmall.assurance.policy.FreightLeg.Purpose;

/**
 * The rules of ITM-POL-2026.04, one method per rule, with no framework. Workers and the portal call these; nothing
 * else decides entitlement, deadlines, freight or warranty terms. The numbers come in as {@link PolicyTerms}: those a
 * case evaluated from the policy decision when it started, or for the portal those of the deployed decision. One
 * instance applies the terms of one asset category.
 *
 * <p>Coverage convention: a term of N months from a commencement date covers every day from that date through the
 * day before its N-month anniversary.
 */
public final class ServicePolicy {

    private final PolicyTerms terms;

    public ServicePolicy(PolicyTerms terms) {
        this.terms = terms;
    }

    public PolicyTerms terms() {
        return terms;
    }

    public String revision() {
        return terms.policyRevision();
    }

    /** The last day covered by a term that commences on {@code start} (§2.1: through the day before the anniversary). */
    static LocalDate lastCoveredDay(LocalDate start, Period term) {
        return start.plus(term).minusDays(1);
    }

    /** Last day of hardware warranty (§2.1), or the end set by a repair or exchange (§3.1). */
    public LocalDate warrantyEndsOn(AssetFacts asset) {
        if (asset.warrantyEndOverride() != null) {
            return asset.warrantyEndOverride();
        }
        return lastCoveredDay(asset.coverageStart(), terms.warrantyTerm());
    }

    /** Last day of premium maintenance (§1.1) for qualified terminals and infrastructure; empty for other categories. */
    public Optional<LocalDate> maintenanceEndsOn(AssetFacts asset) {
        return terms.maintenanceTerm().map(term -> lastCoveredDay(asset.coverageStart(), term));
    }

    /** Whether a hardware defect confirmed on {@code day} gets an advance replacement (§3.1: within the initial period). */
    public boolean advanceReplacementEligible(AssetFacts asset, LocalDate day) {
        return !day.isBefore(asset.coverageStart())
                && !day.isAfter(lastCoveredDay(asset.coverageStart(), terms.advanceReplacementWindow()));
    }

    /** The entitlement of an asset on a day (§1.1, §2.1, §2.2; suspended accounts open no RMA, §3.2). */
    public Entitlement entitlement(AssetFacts asset, boolean accountSuspended, LocalDate day) {
        LocalDate warrantyEnd = warrantyEndsOn(asset);
        LocalDate maintenanceEnd = maintenanceEndsOn(asset).orElse(null);
        boolean advance = advanceReplacementEligible(asset, day);
        EntitlementStatus status;
        if (accountSuspended) {
            status = EntitlementStatus.ACCOUNT_SUSPENDED;
        } else if (asset.manufacturerPlan()) {
            status = EntitlementStatus.MANUFACTURER_PLAN;
        } else if (!day.isAfter(warrantyEnd)) {
            status = EntitlementStatus.WARRANTY;
        } else if (maintenanceEnd != null && !day.isAfter(maintenanceEnd)) {
            status = EntitlementStatus.MAINTENANCE_ONLY;
        } else {
            status = EntitlementStatus.OUT_OF_COVERAGE;
        }
        return new Entitlement(
                status,
                warrantyEnd,
                maintenanceEnd,
                advance && status == EntitlementStatus.WARRANTY,
                terms.policyRevision());
    }

    /** The case outcome when entitlement alone ends the case before diagnosis; empty when it goes on to diagnosis. */
    public Optional<CaseOutcome> closeBeforeDiagnosis(Entitlement entitlement) {
        return switch (entitlement.status()) {
            // out of coverage still gets remote diagnosis: the one way to a paid repair quote (docs/POLICY.md)
            case WARRANTY, MAINTENANCE_ONLY, OUT_OF_COVERAGE -> Optional.empty();
            case MANUFACTURER_PLAN -> Optional.of(CaseOutcome.MANUFACTURER_REFERRAL);
            case ACCOUNT_SUSPENDED -> Optional.of(CaseOutcome.ACCOUNT_SUSPENDED_NO_NEW_RMA);
        };
    }

    /**
     * Where a case goes after remote diagnosis. A hardware defect goes to RMA approval only under warranty; otherwise
     * (premium maintenance alone, or out of coverage) it waits for the customer's answer when TAC quoted a paid repair,
     * and closes out of warranty when they did not.
     */
    public DiagnosisDecision afterDiagnosis(
            AssetFacts asset,
            EntitlementStatus entitlement,
            DiagnosisOutcome outcome,
            String exclusionCode,
            LocalDate confirmedOn,
            boolean repairQuoted) {
        if (outcome == null) {
            throw new PolicyViolation("The diagnosis has no outcome");
        }
        return switch (outcome) {
            case RESOLVED_REMOTELY -> new DiagnosisDecision(CaseOutcome.RESOLVED_REMOTELY, null, false);
            case NO_FAULT_FOUND -> new DiagnosisDecision(CaseOutcome.NO_FAULT_FOUND, null, false);
            case EXCLUDED -> new DiagnosisDecision(CaseOutcome.EXCLUDED, ExclusionReason.parse(exclusionCode), false);
            case HARDWARE_DEFECT ->
                entitlement == EntitlementStatus.WARRANTY
                        ? new DiagnosisDecision(null, null, advanceReplacementEligible(asset, confirmedOn))
                        : repairQuoted
                                ? new DiagnosisDecision(null, null, false, true)
                                : new DiagnosisDecision(CaseOutcome.OUT_OF_WARRANTY, null, false);
        };
    }

    /** A warranty or premium-maintenance term of an asset that ends soon, and its last covered day. */
    public record CoverageEnd(CoverTerm term, LocalDate lastDay) {}

    public enum CoverTerm {
        WARRANTY,
        MAINTENANCE
    }

    /**
     * The ITMall terms of an asset that end within the terms' notice period from {@code day} (last day included):
     * the customer is told once, with whom to agree an extension. An asset under a manufacturer's plan follows the
     * manufacturer's terms, so none.
     */
    public List<CoverageEnd> coverageEnding(AssetFacts asset, LocalDate day) {
        if (asset.manufacturerPlan()) {
            return List.of();
        }
        LocalDate noticeFrom = day.plusDays(terms.coverageNoticeDays());
        List<CoverageEnd> ending = new ArrayList<>();
        LocalDate warrantyEnd = warrantyEndsOn(asset);
        if (!warrantyEnd.isBefore(day) && !warrantyEnd.isAfter(noticeFrom)) {
            ending.add(new CoverageEnd(CoverTerm.WARRANTY, warrantyEnd));
        }
        maintenanceEndsOn(asset)
                .filter(end -> !end.isBefore(day) && !end.isAfter(noticeFrom))
                .ifPresent(end -> ending.add(new CoverageEnd(CoverTerm.MAINTENANCE, end)));
        return ending;
    }

    /** The return-by and compliance-limit instants of an RMA authorized at {@code authorizedAt} (§3.2). */
    public RmaDeadlines deadlines(Instant authorizedAt) {
        return new RmaDeadlines(
                authorizedAt, authorizedAt.plus(terms.returnWindow()), authorizedAt.plus(terms.complianceLimit()));
    }

    /** When remote diagnosis is due for a case submitted at {@code submittedAt} (§1.2 SLA). */
    public Instant diagnosisDueAt(Instant submittedAt) {
        return submittedAt.plus(terms.diagnosisSla());
    }

    /**
     * What happens past the compliance limit (§3.2): a customer who holds an advance unit is charged its full unit price
     * (and suspended if that charge is declined); a standard RMA simply expires.
     */
    public ComplianceAction complianceAction(boolean advanceReplacementShipped) {
        return advanceReplacementShipped ? ComplianceAction.CHARGE_FULL_UNIT_PRICE : ComplianceAction.EXPIRE_RMA;
    }

    public enum ComplianceAction {
        CHARGE_FULL_UNIT_PRICE,
        EXPIRE_RMA
    }

    /**
     * Warranty of a repaired or replacement unit (§3.1): the original end stays, but at least the minimum term from the
     * repair/exchange date.
     */
    public LocalDate warrantyAfterService(LocalDate originalWarrantyEnd, LocalDate serviceDate) {
        LocalDate floor = lastCoveredDay(serviceDate, terms.replacementMinimumTerm());
        return originalWarrantyEnd.isBefore(floor) ? floor : originalWarrantyEnd;
    }

    /** The client always pays inbound freight (§3.0). */
    public static FreightLeg inboundLeg() {
        return new FreightLeg(Direction.INBOUND, Purpose.FAULTY_UNIT, Payer.CLIENT);
    }

    /** An advance replacement ships for a confirmed defect under warranty: a valid claim, so ITMall pays (§3.0, §3.1). */
    public static FreightLeg advanceReplacementLeg() {
        return new FreightLeg(Direction.OUTBOUND, Purpose.ADVANCE_REPLACEMENT, Payer.ITMALL);
    }

    /**
     * The resolution of a paid repair the customer accepted: the bench repairs (replacement and credit are warranty
     * remedies), the customer pays the quoted price and, not being a warranty claim, the outbound freight too (§3.0);
     * the asset's warranty does not change. A bench finding of no fault or an exclusion ends it like any invalid claim,
     * with nothing charged.
     */
    public ResolutionPlan resolvePaidRepair(
            AssetFacts asset, BenchFinding finding, Resolution requested, String exclusionCode, BigDecimal price) {
        if (finding != BenchFinding.DEFECT_CONFIRMED) {
            return resolve(asset, finding, null, exclusionCode, false, null);
        }
        if (requested != null && requested != Resolution.REPAIR) {
            throw new PolicyViolation("The customer accepted a paid repair: choose REPAIR (" + requested
                    + " is a warranty remedy the customer did not buy)");
        }
        return new ResolutionPlan(
                CaseOutcome.PAID_REPAIR,
                Resolution.REPAIR,
                null,
                null,
                false,
                false,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                price,
                Optional.of(new FreightLeg(Direction.OUTBOUND, Purpose.REPAIRED_UNIT, Payer.CLIENT)));
    }

    /**
     * The resolution after bench inspection (§3.0 step 04, §3.1, §4.0, freight policy).
     *
     * @param exchangeDate the day of the repair or exchange: the advance dispatch day if an advance unit was sent
     */
    public ResolutionPlan resolve(
            AssetFacts asset,
            BenchFinding finding,
            Resolution requested,
            String exclusionCode,
            boolean advanceReplacementShipped,
            LocalDate exchangeDate) {
        if (finding == null) {
            throw new PolicyViolation("The inspection has no bench finding");
        }
        if (finding != BenchFinding.DEFECT_CONFIRMED) {
            ExclusionReason exclusion = finding == BenchFinding.EXCLUDED ? ExclusionReason.parse(exclusionCode) : null;
            CaseOutcome outcome = exclusion != null ? CaseOutcome.EXCLUDED : CaseOutcome.NO_FAULT_FOUND;
            // with an advance unit shipped, the customer keeps it and pays for it, and the returned unit already became
            // ITMall's (§3.1): nothing ships back; otherwise the unit goes back unrepaired at the client's cost
            return new ResolutionPlan(
                    outcome,
                    null,
                    exclusion,
                    null,
                    false,
                    false,
                    BigDecimal.ZERO,
                    advanceReplacementShipped ? asset.unitPrice() : BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    advanceReplacementShipped
                            ? Optional.empty()
                            : Optional.of(new FreightLeg(Direction.OUTBOUND, Purpose.UNREPAIRED_UNIT, Payer.CLIENT)));
        }
        Resolution resolution = advanceReplacementShipped ? Resolution.REPLACEMENT : requested;
        if (resolution == null) {
            throw new PolicyViolation("A confirmed defect needs a resolution: REPAIR, REPLACEMENT or CREDIT");
        }
        LocalDate newEnd = warrantyAfterService(warrantyEndsOn(asset), exchangeDate);
        return switch (resolution) {
            case REPAIR ->
                new ResolutionPlan(
                        CaseOutcome.REPAIRED,
                        resolution,
                        null,
                        newEnd,
                        false,
                        false,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        Optional.of(new FreightLeg(Direction.OUTBOUND, Purpose.REPAIRED_UNIT, Payer.ITMALL)));
            case REPLACEMENT ->
                new ResolutionPlan(
                        CaseOutcome.REPLACED,
                        resolution,
                        null,
                        newEnd,
                        !advanceReplacementShipped,
                        !advanceReplacementShipped,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        advanceReplacementShipped
                                ? Optional.empty()
                                : Optional.of(
                                        new FreightLeg(Direction.OUTBOUND, Purpose.REPLACEMENT_UNIT, Payer.ITMALL)));
            case CREDIT ->
                new ResolutionPlan(
                        CaseOutcome.CREDITED,
                        resolution,
                        null,
                        null,
                        false,
                        true,
                        asset.unitPrice(),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        Optional.empty());
        };
    }
}
