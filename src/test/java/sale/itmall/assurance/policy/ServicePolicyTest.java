package sale.itmall.assurance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sale.itmall.assurance.policy.FreightLeg.Direction;
import sale.itmall.assurance.policy.FreightLeg.Payer;
import sale.itmall.assurance.policy.FreightLeg.Purpose;
import sale.itmall.assurance.policy.RmaDeadlines.ReturnStanding;

class ServicePolicyTest {

  static final PolicyTerms TERMS = PublishedTerms.load();
  static final ServicePolicy POLICY = new ServicePolicy(TERMS);
  static final LocalDate SHIPPED = LocalDate.of(2025, 1, 15);

  static AssetFacts asset(AssetCategory category) {
    return new AssetFacts("SN-1", category, SHIPPED, new BigDecimal("1000.00"), false, null);
  }

  @Test
  void configuredTermsAreThoseOfThePublishedPolicy() {
    assertThat(TERMS.revision()).isEqualTo("ITM-POL-2026.04");
    assertThat(TERMS.warrantyTerms())
        .containsEntry(AssetCategory.ENTERPRISE_INFRASTRUCTURE, Period.ofMonths(36))
        .containsEntry(AssetCategory.END_USER_TERMINAL, Period.ofMonths(12))
        .containsEntry(AssetCategory.ACCESSORY, Period.ofMonths(12));
    assertThat(TERMS.maintenanceTerm()).isEqualTo(Period.ofMonths(36));
    assertThat(TERMS.maintenanceCategories())
        .containsExactlyInAnyOrder(AssetCategory.ENTERPRISE_INFRASTRUCTURE, AssetCategory.END_USER_TERMINAL);
    assertThat(TERMS.advanceReplacementWindow()).isEqualTo(Period.ofMonths(12));
    assertThat(TERMS.replacementMinimumTerm()).isEqualTo(Period.ofMonths(3));
    assertThat(TERMS.returnWindow()).isEqualTo(Duration.ofDays(10));
    assertThat(TERMS.complianceLimit()).isEqualTo(Duration.ofDays(20));
  }

  @Nested
  class WarrantyTerm {
    @ParameterizedTest(name = "{0}: covered through {1}, not on {2}")
    @CsvSource({
        "ENTERPRISE_INFRASTRUCTURE, 2028-01-14, 2028-01-15",
        "END_USER_TERMINAL, 2026-01-14, 2026-01-15",
        "ACCESSORY, 2026-01-14, 2026-01-15"})
    void runsFromTheShippingDateThroughTheDayBeforeTheAnniversary(AssetCategory category, LocalDate lastDay,
        LocalDate anniversary) {
      AssetFacts a = asset(category);
      assertThat(POLICY.warrantyEndsOn(a)).isEqualTo(lastDay);
      assertThat(POLICY.entitlement(a, false, lastDay).status()).isEqualTo(EntitlementStatus.WARRANTY);
      assertThat(POLICY.entitlement(a, false, anniversary).status()).isNotEqualTo(EntitlementStatus.WARRANTY);
    }

    @Test
    void coversTheShippingDayItself() {
      assertThat(POLICY.entitlement(asset(AssetCategory.ACCESSORY), false, SHIPPED).status())
          .isEqualTo(EntitlementStatus.WARRANTY);
    }

    @Test
    void aLeapDayShipmentsAnniversaryFallsOnTheTwentyEighth() {
      AssetFacts a = new AssetFacts("SN-L", AssetCategory.END_USER_TERMINAL, LocalDate.of(2024, 2, 29),
          BigDecimal.ONE, false, null);
      assertThat(POLICY.warrantyEndsOn(a)).isEqualTo(LocalDate.of(2025, 2, 27));
    }
  }

  @Nested
  class Maintenance {
    @Test
    void terminalsKeepRemoteDiagnosisForThreeYearsAfterTheirOneYearWarranty() {
      AssetFacts terminal = asset(AssetCategory.END_USER_TERMINAL);
      Entitlement e = POLICY.entitlement(terminal, false, LocalDate.of(2026, 1, 15));
      assertThat(e.status()).isEqualTo(EntitlementStatus.MAINTENANCE_ONLY);
      assertThat(e.maintenanceEndsOn()).isEqualTo(LocalDate.of(2028, 1, 14));
      assertThat(e.diagnosable()).isTrue();
      assertThat(POLICY.entitlement(terminal, false, LocalDate.of(2028, 1, 14)).status())
          .isEqualTo(EntitlementStatus.MAINTENANCE_ONLY);
      assertThat(POLICY.entitlement(terminal, false, LocalDate.of(2028, 1, 15)).status())
          .isEqualTo(EntitlementStatus.OUT_OF_COVERAGE);
    }

    @Test
    void accessoriesHaveNoMaintenance() {
      AssetFacts spare = asset(AssetCategory.ACCESSORY);
      assertThat(POLICY.maintenanceEndsOn(spare)).isEmpty();
      assertThat(POLICY.entitlement(spare, false, LocalDate.of(2026, 1, 15)).status())
          .isEqualTo(EntitlementStatus.OUT_OF_COVERAGE);
    }

    @Test
    void aDefectUnderMaintenanceAloneClosesOutOfWarrantyInsteadOfGoingToRma() {
      DiagnosisDecision d = POLICY.afterDiagnosis(asset(AssetCategory.END_USER_TERMINAL),
          EntitlementStatus.MAINTENANCE_ONLY, DiagnosisOutcome.HARDWARE_DEFECT, null, LocalDate.of(2026, 6, 1));
      assertThat(d.closeWith()).isEqualTo(CaseOutcome.OUT_OF_WARRANTY);
      assertThat(d.advanceReplacement()).isFalse();
    }
  }

  @Nested
  class ReferralsAndSuspension {
    @Test
    void aManufacturerPlanIsReferredEvenInsideTheItmallWarranty() {
      AssetFacts planned = new AssetFacts("SN-M", AssetCategory.END_USER_TERMINAL, SHIPPED, BigDecimal.TEN, true, null);
      Entitlement e = POLICY.entitlement(planned, false, SHIPPED.plusDays(10));
      assertThat(e.status()).isEqualTo(EntitlementStatus.MANUFACTURER_PLAN);
      assertThat(POLICY.closeBeforeDiagnosis(e)).contains(CaseOutcome.MANUFACTURER_REFERRAL);
    }

    @Test
    void aSuspendedAccountOpensNoRma() {
      Entitlement e = POLICY.entitlement(asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE), true, SHIPPED.plusDays(1));
      assertThat(e.status()).isEqualTo(EntitlementStatus.ACCOUNT_SUSPENDED);
      assertThat(POLICY.closeBeforeDiagnosis(e)).contains(CaseOutcome.ACCOUNT_SUSPENDED_NO_NEW_RMA);
    }

    @Test
    void outOfCoverageClosesBeforeDiagnosis() {
      Entitlement e = POLICY.entitlement(asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE), false, LocalDate.of(2028, 1, 15));
      assertThat(POLICY.closeBeforeDiagnosis(e)).contains(CaseOutcome.OUT_OF_WARRANTY);
    }
  }

  @Nested
  class AdvanceReplacement {
    @Test
    void aDefectConfirmedOnTheLastDayOfTheFirstTwelveMonthsQualifies() {
      AssetFacts a = asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE);
      assertThat(POLICY.advanceReplacementEligible(a, LocalDate.of(2026, 1, 14))).isTrue();
      assertThat(POLICY.advanceReplacementEligible(a, LocalDate.of(2026, 1, 15))).isFalse();
    }

    @Test
    void diagnosisRoutesAnEarlyDefectToRmaWithAdvanceReplacement() {
      AssetFacts a = asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE);
      DiagnosisDecision early = POLICY.afterDiagnosis(a, EntitlementStatus.WARRANTY, DiagnosisOutcome.HARDWARE_DEFECT,
          null, LocalDate.of(2026, 1, 14));
      DiagnosisDecision late = POLICY.afterDiagnosis(a, EntitlementStatus.WARRANTY, DiagnosisOutcome.HARDWARE_DEFECT,
          null, LocalDate.of(2026, 1, 15));
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
      DiagnosisDecision d = POLICY.afterDiagnosis(a, EntitlementStatus.WARRANTY, DiagnosisOutcome.EXCLUDED,
          "ACCIDENT_LIQUID", SHIPPED);
      assertThat(d.closeWith()).isEqualTo(CaseOutcome.EXCLUDED);
      assertThat(d.exclusion().exclusionClass()).isEqualTo(ExclusionReason.ExclusionClass.ACCIDENTS_AND_DAMAGE);
      assertThatThrownBy(() -> POLICY.afterDiagnosis(a, EntitlementStatus.WARRANTY, DiagnosisOutcome.EXCLUDED, null,
          SHIPPED)).isInstanceOf(PolicyViolation.class).hasMessageContaining("needs a reason code");
      assertThatThrownBy(() -> POLICY.afterDiagnosis(a, EntitlementStatus.WARRANTY, DiagnosisOutcome.EXCLUDED,
          "SPILLED_COFFEE", SHIPPED)).isInstanceOf(PolicyViolation.class).hasMessageContaining("SPILLED_COFFEE");
    }

    @Test
    void everyPublishedExclusionHeadingHasReasonCodes() {
      for (ExclusionReason.ExclusionClass heading : ExclusionReason.ExclusionClass.values()) {
        assertThat(java.util.Arrays.stream(ExclusionReason.values()).filter(r -> r.exclusionClass() == heading))
            .as(heading.name()).isNotEmpty();
      }
    }
  }

  @Nested
  class ReplacementWarranty {
    @Test
    void keepsTheOriginalEndWhenMoreThanThreeMonthsRemain() {
      assertThat(POLICY.warrantyAfterService(LocalDate.of(2027, 1, 14), LocalDate.of(2026, 6, 1)))
          .isEqualTo(LocalDate.of(2027, 1, 14));
    }

    @Test
    void givesThreeMonthsFromTheExchangeWhenTheOriginalEndsSooner() {
      // exchange 2026-06-01: three months run through 2026-08-31
      assertThat(POLICY.warrantyAfterService(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 1)))
          .isEqualTo(LocalDate.of(2026, 8, 31));
      assertThat(POLICY.warrantyAfterService(LocalDate.of(2026, 8, 30), LocalDate.of(2026, 6, 1)))
          .isEqualTo(LocalDate.of(2026, 8, 31));
      assertThat(POLICY.warrantyAfterService(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 6, 1)))
          .isEqualTo(LocalDate.of(2026, 9, 1));
    }
  }

  @Nested
  class ComplianceTimeframes {
    final Instant authorized = Instant.parse("2026-03-01T09:00:00Z");
    final RmaDeadlines deadlines = POLICY.deadlines(authorized);

    @Test
    void theUnitIsDueTenDaysAndTheLimitTwentyDaysAfterAuthorization() {
      assertThat(deadlines.returnDueAt()).isEqualTo(Instant.parse("2026-03-11T09:00:00Z"));
      assertThat(deadlines.complianceLimitAt()).isEqualTo(Instant.parse("2026-03-21T09:00:00Z"));
    }

    @Test
    void standingAtTheBoundaries() {
      assertThat(deadlines.standingAt(deadlines.returnDueAt())).isEqualTo(ReturnStanding.ON_TIME);
      assertThat(deadlines.standingAt(deadlines.returnDueAt().plusSeconds(1))).isEqualTo(ReturnStanding.OVERDUE);
      assertThat(deadlines.standingAt(deadlines.complianceLimitAt())).isEqualTo(ReturnStanding.OVERDUE);
      assertThat(deadlines.standingAt(deadlines.complianceLimitAt().plusSeconds(1)))
          .isEqualTo(ReturnStanding.BEYOND_COMPLIANCE_LIMIT);
    }

    @Test
    void pastTheLimitAnAdvanceUnitIsChargedAndAStandardRmaExpires() {
      assertThat(POLICY.complianceAction(true)).isEqualTo(ServicePolicy.ComplianceAction.CHARGE_FULL_UNIT_PRICE);
      assertThat(POLICY.complianceAction(false)).isEqualTo(ServicePolicy.ComplianceAction.EXPIRE_RMA);
    }

    @Test
    void diagnosisIsDueAfterTheConfiguredSla() {
      assertThat(POLICY.diagnosisDueAt(authorized)).isEqualTo(authorized.plus(TERMS.diagnosisSla()));
    }
  }

  @Nested
  class ResolutionAndFreight {
    final AssetFacts a = asset(AssetCategory.ENTERPRISE_INFRASTRUCTURE);
    final LocalDate today = LocalDate.of(2026, 6, 1);

    @Test
    void theClientPaysInboundAndItmallPaysTheAdvanceUnit() {
      assertThat(POLICY.inboundLeg()).isEqualTo(new FreightLeg(Direction.INBOUND, Purpose.FAULTY_UNIT, Payer.CLIENT));
      assertThat(POLICY.advanceReplacementLeg().payer()).isEqualTo(Payer.ITMALL);
    }

    @Test
    void repairShipsBackAtItmallsCostAndKeepsTheOriginalEnd() {
      ResolutionPlan p = POLICY.resolve(a, BenchFinding.DEFECT_CONFIRMED, Resolution.REPAIR, null, false, today);
      assertThat(p.outcome()).isEqualTo(CaseOutcome.REPAIRED);
      assertThat(p.newWarrantyEndsOn()).isEqualTo(LocalDate.of(2028, 1, 14));
      assertThat(p.outbound()).contains(new FreightLeg(Direction.OUTBOUND, Purpose.REPAIRED_UNIT, Payer.ITMALL));
      assertThat(p.transferOwnership()).isFalse();
    }

    @Test
    void replacementIssuesAUnitAndTakesOwnershipOfTheDefectiveOne() {
      ResolutionPlan p = POLICY.resolve(a, BenchFinding.DEFECT_CONFIRMED, Resolution.REPLACEMENT, null, false, today);
      assertThat(p.issueReplacement()).isTrue();
      assertThat(p.transferOwnership()).isTrue();
      assertThat(p.outbound()).contains(new FreightLeg(Direction.OUTBOUND, Purpose.REPLACEMENT_UNIT, Payer.ITMALL));
    }

    @Test
    void afterAnAdvanceReplacementNothingMoreShipsAndTheResolutionIsThatReplacement() {
      ResolutionPlan p = POLICY.resolve(a, BenchFinding.DEFECT_CONFIRMED, Resolution.REPAIR, null, true, today);
      assertThat(p.outcome()).isEqualTo(CaseOutcome.REPLACED);
      assertThat(p.issueReplacement()).isFalse();
      assertThat(p.outbound()).isEmpty();
    }

    @Test
    void creditRefundsTheUnitPrice() {
      ResolutionPlan p = POLICY.resolve(a, BenchFinding.DEFECT_CONFIRMED, Resolution.CREDIT, null, false, today);
      assertThat(p.outcome()).isEqualTo(CaseOutcome.CREDITED);
      assertThat(p.creditAmount()).isEqualByComparingTo("1000.00");
      assertThat(p.outbound()).isEmpty();
    }

    @Test
    void anInvalidClaimShipsBackAtTheClientsCost() {
      ResolutionPlan noFault = POLICY.resolve(a, BenchFinding.NO_FAULT_FOUND, null, null, false, today);
      assertThat(noFault.outcome()).isEqualTo(CaseOutcome.NO_FAULT_FOUND);
      assertThat(noFault.outbound()).contains(new FreightLeg(Direction.OUTBOUND, Purpose.UNREPAIRED_UNIT, Payer.CLIENT));
      ResolutionPlan excluded = POLICY.resolve(a, BenchFinding.EXCLUDED, null, "MOD_SELF_REPAIR", false, today);
      assertThat(excluded.outcome()).isEqualTo(CaseOutcome.EXCLUDED);
      assertThat(excluded.exclusion()).isEqualTo(ExclusionReason.MOD_SELF_REPAIR);
      assertThat(excluded.outbound().orElseThrow().payer()).isEqualTo(Payer.CLIENT);
    }

    @Test
    void anInvalidClaimAfterAnAdvanceUnitChargesThatUnit() {
      ResolutionPlan p = POLICY.resolve(a, BenchFinding.EXCLUDED, null, "ACCIDENT_SURGE", true, today);
      assertThat(p.advanceUnitCharge()).isEqualByComparingTo("1000.00");
      assertThat(p.outbound()).isEmpty();
    }

    @Test
    void aConfirmedDefectWithoutAResolutionIsRefusedWithAReadableMessage() {
      assertThatThrownBy(() -> POLICY.resolve(a, BenchFinding.DEFECT_CONFIRMED, null, null, false, today))
          .isInstanceOf(PolicyViolation.class).hasMessageContaining("REPAIR, REPLACEMENT or CREDIT");
    }
  }
}
