package sale.itmall.assurance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sale.itmall.assurance.policy.FreightLeg.Direction;
import sale.itmall.assurance.policy.FreightLeg.Payer;
import sale.itmall.assurance.policy.FreightLeg.Purpose;
import sale.itmall.assurance.policy.RmaDeadlines.ReturnStanding;

class ServicePolicyTest {

    static final PolicyTerms INFRA_TERMS = PublishedTerms.of(AssetCategory.ENTERPRISE_INFRASTRUCTURE);
    /** Rules that do not depend on the category (deadlines, replacement floor) under the published terms. */
    static final ServicePolicy INFRA = new ServicePolicy(INFRA_TERMS);

    static final LocalDate SHIPPED = LocalDate.of(2025, 1, 15);

    /** The rules under the published terms of the asset's category, as a case of that asset applies them. */
    static ServicePolicy policy(AssetFacts asset) {
        return PublishedTerms.policy(asset.category());
    }

    static AssetFacts asset(AssetCategory category) {
        return new AssetFacts("SN-1", category, SHIPPED, new BigDecimal("1000.00"), false, null);
    }

    @ParameterizedTest(name = "{0}: warranty {1} months, premium maintenance {2}")
    @CsvSource({"ENTERPRISE_INFRASTRUCTURE, 36, P36M", "END_USER_TERMINAL, 12, P36M", "ACCESSORY, 12, "})
    void theDecisionGivesTheTermsOfThePublishedPolicy(AssetCategory category, int warrantyMonths, Period maintenance) {
        PolicyTerms terms = PublishedTerms.of(category);
        assertThat(terms.policyRevision()).isEqualTo("ITM-POL-2026.04");
        assertThat(terms.warrantyTerm()).isEqualTo(Period.ofMonths(warrantyMonths));
        assertThat(terms.maintenanceTerm()).isEqualTo(Optional.ofNullable(maintenance));
        assertThat(terms.advanceReplacementWindow()).isEqualTo(Period.ofMonths(12));
        assertThat(terms.replacementMinimumTerm()).isEqualTo(Period.ofMonths(3));
        assertThat(terms.returnWindow()).isEqualTo(Duration.ofDays(10));
        assertThat(terms.complianceLimit()).isEqualTo(Duration.ofDays(20));
        assertThat(terms.diagnosisSla()).isEqualTo(Duration.ofHours(8));
    }

    @Nested
    class WarrantyTerm {
        @ParameterizedTest(name = "{0}: covered through {1}, not on {2}")
        @CsvSource({
            "ENTERPRISE_INFRASTRUCTURE, 2028-01-14, 2028-01-15",
            "END_USER_TERMINAL, 2026-01-14, 2026-01-15",
            "ACCESSORY, 2026-01-14, 2026-01-15"
        })
        void runsFromTheShippingDateThroughTheDayBeforeTheAnniversary(
                AssetCategory category, LocalDate lastDay, LocalDate anniversary) {
            AssetFacts a = asset(category);
            assertThat(policy(a).warrantyEndsOn(a)).isEqualTo(lastDay);
            assertThat(policy(a).entitlement(a, false, lastDay).status()).isEqualTo(EntitlementStatus.WARRANTY);
            assertThat(policy(a).entitlement(a, false, anniversary).status()).isNotEqualTo(EntitlementStatus.WARRANTY);
        }

        @Test
        void coversTheShippingDayItself() {
            assertThat(policy(asset(AssetCategory.ACCESSORY))
                            .entitlement(asset(AssetCategory.ACCESSORY), false, SHIPPED)
                            .status())
                    .isEqualTo(EntitlementStatus.WARRANTY);
        }

        @Test
        void aLeapDayShipmentsAnniversaryFallsOnTheTwentyEighth() {
            AssetFacts a = new AssetFacts(
                    "SN-L", AssetCategory.END_USER_TERMINAL, LocalDate.of(2024, 2, 29), BigDecimal.ONE, false, null);
            assertThat(policy(a).warrantyEndsOn(a)).isEqualTo(LocalDate.of(2025, 2, 27));
        }
    }

    @Nested
    class Maintenance {
        @Test
        void terminalsKeepRemoteDiagnosisForThreeYearsAfterTheirOneYearWarranty() {
            AssetFacts terminal = asset(AssetCategory.END_USER_TERMINAL);
            Entitlement e = policy(terminal).entitlement(terminal, false, LocalDate.of(2026, 1, 15));
            assertThat(e.status()).isEqualTo(EntitlementStatus.MAINTENANCE_ONLY);
            assertThat(e.maintenanceEndsOn()).isEqualTo(LocalDate.of(2028, 1, 14));
            assertThat(e.diagnosable()).isTrue();
            assertThat(policy(terminal)
                            .entitlement(terminal, false, LocalDate.of(2028, 1, 14))
                            .status())
                    .isEqualTo(EntitlementStatus.MAINTENANCE_ONLY);
            assertThat(policy(terminal)
                            .entitlement(terminal, false, LocalDate.of(2028, 1, 15))
                            .status())
                    .isEqualTo(EntitlementStatus.OUT_OF_COVERAGE);
        }

        @Test
        void accessoriesHaveNoMaintenance() {
            AssetFacts spare = asset(AssetCategory.ACCESSORY);
            assertThat(policy(spare).maintenanceEndsOn(spare)).isEmpty();
            assertThat(policy(spare)
                            .entitlement(spare, false, LocalDate.of(2026, 1, 15))
                            .status())
                    .isEqualTo(EntitlementStatus.OUT_OF_COVERAGE);
        }

        @Test
        void anUnquotedDefectUnderMaintenanceAloneClosesOutOfWarrantyInsteadOfGoingToRma() {
            DiagnosisDecision d = policy(asset(AssetCategory.END_USER_TERMINAL))
                    .afterDiagnosis(
                            asset(AssetCategory.END_USER_TERMINAL),
                            EntitlementStatus.MAINTENANCE_ONLY,
                            DiagnosisOutcome.HARDWARE_DEFECT,
                            null,
                            LocalDate.of(2026, 6, 1),
                            false);
            assertThat(d.closeWith()).isEqualTo(CaseOutcome.OUT_OF_WARRANTY);
            assertThat(d.advanceReplacement()).isFalse();
        }
    }

    @Nested
    class ReferralsAndSuspension {
        @Test
        void aManufacturerPlanIsReferredEvenInsideTheItmallWarranty() {
            AssetFacts planned =
                    new AssetFacts("SN-M", AssetCategory.END_USER_TERMINAL, SHIPPED, BigDecimal.TEN, true, null);
            Entitlement e = policy(planned).entitlement(planned, false, SHIPPED.plusDays(10));
            assertThat(e.status()).isEqualTo(EntitlementStatus.MANUFACTURER_PLAN);
            assertThat(INFRA.closeBeforeDiagnosis(e)).contains(CaseOutcome.MANUFACTURER_REFERRAL);
        }

        @Test
        void aSuspendedAccountOpensNoRma() {
            Entitlement e = policy(asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE))
                    .entitlement(asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE), true, SHIPPED.plusDays(1));
            assertThat(e.status()).isEqualTo(EntitlementStatus.ACCOUNT_SUSPENDED);
            assertThat(INFRA.closeBeforeDiagnosis(e)).contains(CaseOutcome.ACCOUNT_SUSPENDED_NO_NEW_RMA);
        }

        @Test
        void outOfCoverageStillGoesToDiagnosisWhereTacCanQuoteAPaidRepair() {
            Entitlement e = policy(asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE))
                    .entitlement(asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE), false, LocalDate.of(2028, 1, 15));
            assertThat(e.status()).isEqualTo(EntitlementStatus.OUT_OF_COVERAGE);
            assertThat(e.explanation()).contains("paid repair");
            assertThat(INFRA.closeBeforeDiagnosis(e)).isEmpty();
        }
    }

    @Nested
    class CoverageNotice {
        @Test
        void aTermIsDueForNoticeFromThirtyDaysBeforeItsLastDayThroughThatDay() {
            AssetFacts terminal = asset(AssetCategory.END_USER_TERMINAL);
            ServicePolicy p = policy(terminal);
            LocalDate lastDay = p.warrantyEndsOn(terminal);
            assertThat(p.terms().coverageNoticeDays()).isEqualTo(30);
            assertThat(p.coverageEnding(terminal, lastDay.minusDays(31))).isEmpty();
            assertThat(p.coverageEnding(terminal, lastDay.minusDays(30)))
                    .containsExactly(new ServicePolicy.CoverageEnd(ServicePolicy.CoverTerm.WARRANTY, lastDay));
            assertThat(p.coverageEnding(terminal, lastDay))
                    .containsExactly(new ServicePolicy.CoverageEnd(ServicePolicy.CoverTerm.WARRANTY, lastDay));
            assertThat(p.coverageEnding(terminal, lastDay.plusDays(1))).isEmpty();
            LocalDate maintenanceEnd = p.maintenanceEndsOn(terminal).orElseThrow();
            assertThat(p.coverageEnding(terminal, maintenanceEnd.minusDays(3)))
                    .containsExactly(
                            new ServicePolicy.CoverageEnd(ServicePolicy.CoverTerm.MAINTENANCE, maintenanceEnd));
            AssetFacts planned =
                    new AssetFacts("SN-P", AssetCategory.END_USER_TERMINAL, SHIPPED, BigDecimal.TEN, true, null);
            assertThat(p.coverageEnding(planned, lastDay)).isEmpty();
        }
    }

    @Nested
    class PaidRepair {
        final AssetFacts terminal = asset(AssetCategory.END_USER_TERMINAL);
        final Instant offeredAt = Instant.parse("2026-06-01T09:00:00Z");

        @Test
        void aQuotedDefectOutsideTheWarrantyWaitsForTheCustomerInsteadOfClosing() {
            for (EntitlementStatus notWarranty :
                    new EntitlementStatus[] {EntitlementStatus.MAINTENANCE_ONLY, EntitlementStatus.OUT_OF_COVERAGE}) {
                DiagnosisDecision d = policy(terminal)
                        .afterDiagnosis(terminal, notWarranty, DiagnosisOutcome.HARDWARE_DEFECT, null, SHIPPED, true);
                assertThat(d.paidRepairQuote()).isTrue();
                assertThat(d.closeWith()).isNull();
                assertThat(d.goesToRmaApproval()).isFalse();
            }
            // under warranty the repair is free: a quote typed by mistake changes nothing
            DiagnosisDecision free = policy(terminal)
                    .afterDiagnosis(
                            terminal,
                            EntitlementStatus.WARRANTY,
                            DiagnosisOutcome.HARDWARE_DEFECT,
                            null,
                            SHIPPED,
                            true);
            assertThat(free.goesToRmaApproval()).isTrue();
            assertThat(free.paidRepairQuote()).isFalse();
        }

        @Test
        void aQuoteIsOpenForTheTermsValidityInAnIsoCurrency() {
            PolicyTerms terms = PublishedTerms.of(AssetCategory.END_USER_TERMINAL);
            RepairQuote q = RepairQuote.offer(new BigDecimal("249.5"), " eur", offeredAt, terms);
            assertThat(q.amount()).isEqualByComparingTo("249.50");
            assertThat(q.currency()).isEqualTo("EUR");
            assertThat(q.validUntil()).isEqualTo(offeredAt.plus(Duration.ofDays(terms.repairQuoteValidityDays())));
            assertThat(terms.repairQuoteValidityDays()).isEqualTo(14);
            assertThat(q.openAt(q.validUntil().minusSeconds(1))).isTrue();
            assertThat(q.openAt(q.validUntil())).isFalse();
            assertThatThrownBy(() -> RepairQuote.offer(BigDecimal.ZERO, "EUR", offeredAt, terms))
                    .isInstanceOf(PolicyViolation.class)
                    .hasMessageContaining("above zero");
            assertThatThrownBy(() -> RepairQuote.offer(BigDecimal.TEN, "EURO", offeredAt, terms))
                    .isInstanceOf(PolicyViolation.class)
                    .hasMessageContaining("ISO 4217");
        }

        @Test
        void anAcceptedRepairIsChargedAtTheQuoteWithBothFreightLegsAtTheClientsCostAndNoNewWarranty() {
            ResolutionPlan plan = policy(terminal)
                    .resolvePaidRepair(terminal, BenchFinding.DEFECT_CONFIRMED, null, null, new BigDecimal("249.50"));
            assertThat(plan.outcome()).isEqualTo(CaseOutcome.PAID_REPAIR);
            assertThat(plan.outcome().validClaim()).isFalse();
            assertThat(plan.repairCharge()).isEqualByComparingTo("249.50");
            assertThat(plan.newWarrantyEndsOn()).isNull();
            assertThat(plan.outbound())
                    .contains(new FreightLeg(Direction.OUTBOUND, Purpose.REPAIRED_UNIT, Payer.CLIENT));
            assertThat(ServicePolicy.inboundLeg().payer()).isEqualTo(Payer.CLIENT);
            assertThatThrownBy(() -> policy(terminal)
                            .resolvePaidRepair(
                                    terminal,
                                    BenchFinding.DEFECT_CONFIRMED,
                                    Resolution.REPLACEMENT,
                                    null,
                                    BigDecimal.TEN))
                    .isInstanceOf(PolicyViolation.class)
                    .hasMessageContaining("choose REPAIR");
            // no fault on the bench: nothing charged, the unit goes back at the client's cost
            ResolutionPlan noFault = policy(terminal)
                    .resolvePaidRepair(terminal, BenchFinding.NO_FAULT_FOUND, null, null, BigDecimal.TEN);
            assertThat(noFault.outcome()).isEqualTo(CaseOutcome.NO_FAULT_FOUND);
            assertThat(noFault.repairCharge()).isZero();
        }

        @Test
        void aDeclinedOrExpiredQuoteClosesTheCase() {
            assertThat(RepairQuote.Answer.ACCEPTED.closesAs()).isNull();
            assertThat(RepairQuote.Answer.DECLINED.closesAs()).isEqualTo(CaseOutcome.REPAIR_QUOTE_DECLINED);
            assertThat(RepairQuote.Answer.EXPIRED.closesAs()).isEqualTo(CaseOutcome.REPAIR_QUOTE_EXPIRED);
        }
    }

    @Nested
    class AdvanceReplacement {
        @Test
        void aDefectConfirmedOnTheLastDayOfTheFirstTwelveMonthsQualifies() {
            AssetFacts a = asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE);
            assertThat(policy(a).advanceReplacementEligible(a, LocalDate.of(2026, 1, 14)))
                    .isTrue();
            assertThat(policy(a).advanceReplacementEligible(a, LocalDate.of(2026, 1, 15)))
                    .isFalse();
        }

        @Test
        void diagnosisRoutesAnEarlyDefectToRmaWithAdvanceReplacement() {
            AssetFacts a = asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE);
            DiagnosisDecision early = policy(a)
                    .afterDiagnosis(
                            a,
                            EntitlementStatus.WARRANTY,
                            DiagnosisOutcome.HARDWARE_DEFECT,
                            null,
                            LocalDate.of(2026, 1, 14),
                            false);
            DiagnosisDecision late = policy(a)
                    .afterDiagnosis(
                            a,
                            EntitlementStatus.WARRANTY,
                            DiagnosisOutcome.HARDWARE_DEFECT,
                            null,
                            LocalDate.of(2026, 1, 15),
                            false);
            assertThat(early.goesToRmaApproval()).isTrue();
            assertThat(early.advanceReplacement()).isTrue();
            assertThat(late.goesToRmaApproval()).isTrue();
            assertThat(late.advanceReplacement()).isFalse();
        }
    }

    @Nested
    class Exclusions {
        @Test
        void anExclusionAtDiagnosisNeedsAKnownReasonCode() {
            AssetFacts a = asset(AssetCategory.ACCESSORY);
            DiagnosisDecision d = policy(a)
                    .afterDiagnosis(
                            a,
                            EntitlementStatus.WARRANTY,
                            DiagnosisOutcome.EXCLUDED,
                            "ACCIDENT_LIQUID",
                            SHIPPED,
                            false);
            assertThat(d.closeWith()).isEqualTo(CaseOutcome.EXCLUDED);
            assertThat(d.exclusion().exclusionClass()).isEqualTo(ExclusionReason.ExclusionClass.ACCIDENTS_AND_DAMAGE);
            assertThatThrownBy(() -> policy(a)
                            .afterDiagnosis(
                                    a, EntitlementStatus.WARRANTY, DiagnosisOutcome.EXCLUDED, null, SHIPPED, false))
                    .isInstanceOf(PolicyViolation.class)
                    .hasMessageContaining("needs a reason code");
            assertThatThrownBy(() -> policy(a)
                            .afterDiagnosis(
                                    a,
                                    EntitlementStatus.WARRANTY,
                                    DiagnosisOutcome.EXCLUDED,
                                    "SPILLED_COFFEE",
                                    SHIPPED,
                                    false))
                    .isInstanceOf(PolicyViolation.class)
                    .hasMessageContaining("SPILLED_COFFEE");
        }

        @Test
        void everyPublishedExclusionHeadingHasReasonCodes() {
            for (ExclusionReason.ExclusionClass heading : ExclusionReason.ExclusionClass.values()) {
                assertThat(Arrays.stream(ExclusionReason.values()).filter(r -> r.exclusionClass() == heading))
                        .as(heading.name())
                        .isNotEmpty();
            }
        }
    }

    @Nested
    class ReplacementWarranty {
        @Test
        void keepsTheOriginalEndWhenMoreThanThreeMonthsRemain() {
            assertThat(INFRA.warrantyAfterService(LocalDate.of(2027, 1, 14), LocalDate.of(2026, 6, 1)))
                    .isEqualTo(LocalDate.of(2027, 1, 14));
        }

        @Test
        void givesThreeMonthsFromTheExchangeWhenTheOriginalEndsSooner() {
            // exchange 2026-06-01: three months run through 2026-08-31
            assertThat(INFRA.warrantyAfterService(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 1)))
                    .isEqualTo(LocalDate.of(2026, 8, 31));
            assertThat(INFRA.warrantyAfterService(LocalDate.of(2026, 8, 30), LocalDate.of(2026, 6, 1)))
                    .isEqualTo(LocalDate.of(2026, 8, 31));
            assertThat(INFRA.warrantyAfterService(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 6, 1)))
                    .isEqualTo(LocalDate.of(2026, 9, 1));
        }
    }

    @Nested
    class ComplianceTimeframes {
        final Instant authorized = Instant.parse("2026-03-01T09:00:00Z");
        final RmaDeadlines deadlines = INFRA.deadlines(authorized);

        @Test
        void theUnitIsDueTenDaysAndTheLimitTwentyDaysAfterAuthorization() {
            assertThat(deadlines.returnDueAt()).isEqualTo(Instant.parse("2026-03-11T09:00:00Z"));
            assertThat(deadlines.complianceLimitAt()).isEqualTo(Instant.parse("2026-03-21T09:00:00Z"));
        }

        @Test
        void standingAtTheBoundaries() {
            assertThat(deadlines.standingAt(deadlines.returnDueAt())).isEqualTo(ReturnStanding.ON_TIME);
            assertThat(deadlines.standingAt(deadlines.returnDueAt().plusSeconds(1)))
                    .isEqualTo(ReturnStanding.OVERDUE);
            assertThat(deadlines.standingAt(deadlines.complianceLimitAt())).isEqualTo(ReturnStanding.OVERDUE);
            assertThat(deadlines.standingAt(deadlines.complianceLimitAt().plusSeconds(1)))
                    .isEqualTo(ReturnStanding.BEYOND_COMPLIANCE_LIMIT);
        }

        @Test
        void pastTheLimitAnAdvanceUnitIsChargedAndAStandardRmaExpires() {
            assertThat(INFRA.complianceAction(true)).isEqualTo(ServicePolicy.ComplianceAction.CHARGE_FULL_UNIT_PRICE);
            assertThat(INFRA.complianceAction(false)).isEqualTo(ServicePolicy.ComplianceAction.EXPIRE_RMA);
        }

        @Test
        void diagnosisIsDueAfterTheConfiguredSla() {
            assertThat(INFRA.diagnosisDueAt(authorized)).isEqualTo(authorized.plus(INFRA_TERMS.diagnosisSla()));
        }
    }

    @Nested
    class ResolutionAndFreight {
        final AssetFacts a = asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE);
        final LocalDate today = LocalDate.of(2026, 6, 1);

        @Test
        void theClientPaysInboundAndItmallPaysTheAdvanceUnit() {
            assertThat(ServicePolicy.inboundLeg())
                    .isEqualTo(new FreightLeg(Direction.INBOUND, Purpose.FAULTY_UNIT, Payer.CLIENT));
            assertThat(ServicePolicy.advanceReplacementLeg().payer()).isEqualTo(Payer.ITMALL);
        }

        @Test
        void repairShipsBackAtItmallsCostAndKeepsTheOriginalEnd() {
            ResolutionPlan p =
                    policy(a).resolve(a, BenchFinding.DEFECT_CONFIRMED, Resolution.REPAIR, null, false, today);
            assertThat(p.outcome()).isEqualTo(CaseOutcome.REPAIRED);
            assertThat(p.newWarrantyEndsOn()).isEqualTo(LocalDate.of(2028, 1, 14));
            assertThat(p.outbound()).contains(new FreightLeg(Direction.OUTBOUND, Purpose.REPAIRED_UNIT, Payer.ITMALL));
            assertThat(p.transferOwnership()).isFalse();
        }

        @Test
        void replacementIssuesAUnitAndTakesOwnershipOfTheDefectiveOne() {
            ResolutionPlan p =
                    policy(a).resolve(a, BenchFinding.DEFECT_CONFIRMED, Resolution.REPLACEMENT, null, false, today);
            assertThat(p.issueReplacement()).isTrue();
            assertThat(p.transferOwnership()).isTrue();
            assertThat(p.outbound())
                    .contains(new FreightLeg(Direction.OUTBOUND, Purpose.REPLACEMENT_UNIT, Payer.ITMALL));
        }

        @Test
        void afterAnAdvanceReplacementNothingMoreShipsAndTheResolutionIsThatReplacement() {
            ResolutionPlan p =
                    policy(a).resolve(a, BenchFinding.DEFECT_CONFIRMED, Resolution.REPAIR, null, true, today);
            assertThat(p.outcome()).isEqualTo(CaseOutcome.REPLACED);
            assertThat(p.issueReplacement()).isFalse();
            assertThat(p.outbound()).isEmpty();
        }

        @Test
        void creditRefundsTheUnitPrice() {
            ResolutionPlan p =
                    policy(a).resolve(a, BenchFinding.DEFECT_CONFIRMED, Resolution.CREDIT, null, false, today);
            assertThat(p.outcome()).isEqualTo(CaseOutcome.CREDITED);
            assertThat(p.creditAmount()).isEqualByComparingTo("1000.00");
            assertThat(p.outbound()).isEmpty();
        }

        @Test
        void anInvalidClaimShipsBackAtTheClientsCost() {
            ResolutionPlan noFault = policy(a).resolve(a, BenchFinding.NO_FAULT_FOUND, null, null, false, today);
            assertThat(noFault.outcome()).isEqualTo(CaseOutcome.NO_FAULT_FOUND);
            assertThat(noFault.outbound())
                    .contains(new FreightLeg(Direction.OUTBOUND, Purpose.UNREPAIRED_UNIT, Payer.CLIENT));
            ResolutionPlan excluded =
                    policy(a).resolve(a, BenchFinding.EXCLUDED, null, "MOD_SELF_REPAIR", false, today);
            assertThat(excluded.outcome()).isEqualTo(CaseOutcome.EXCLUDED);
            assertThat(excluded.exclusion()).isEqualTo(ExclusionReason.MOD_SELF_REPAIR);
            assertThat(excluded.outbound().orElseThrow().payer()).isEqualTo(Payer.CLIENT);
        }

        @Test
        void anInvalidClaimAfterAnAdvanceUnitChargesThatUnit() {
            ResolutionPlan p = policy(a).resolve(a, BenchFinding.EXCLUDED, null, "ACCIDENT_SURGE", true, today);
            assertThat(p.advanceUnitCharge()).isEqualByComparingTo("1000.00");
            assertThat(p.outbound()).isEmpty();
        }

        @Test
        void aConfirmedDefectWithoutAResolutionIsRefusedWithAReadableMessage() {
            assertThatThrownBy(() -> policy(a).resolve(a, BenchFinding.DEFECT_CONFIRMED, null, null, false, today))
                    .isInstanceOf(PolicyViolation.class)
                    .hasMessageContaining("REPAIR, REPLACEMENT or CREDIT");
        }
    }
}
