package sale.itmall.assurance.policy;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The numbers of the published policy. They are not written in Java: the application binds them from
 * {@code itmall.policy} in {@code application.yml}, the one place a process owner changes them.
 *
 * @param revision the policy revision every case records (e.g. ITM-POL-2026.04)
 * @param warrantyTerms warranty term per asset category, counted from the shipping date (§2.1)
 * @param maintenanceTerm premium maintenance term from the shipping date (§1.1)
 * @param maintenanceCategories the "qualified terminals and infrastructure" that premium maintenance covers (§1.1)
 * @param advanceReplacementWindow defects confirmed within this period from shipping get advance replacement (§3.1)
 * @param replacementMinimumTerm the minimum remaining warranty of a repaired or replacement unit (§3.1)
 * @param returnWindow the faulty unit is due this long after RMA authorization (§3.2)
 * @param complianceLimit past this long after RMA authorization the full unit price is charged (§3.2)
 * @param diagnosisSla the time TAC has for remote diagnosis before Level-3 escalation (§1.2)
 */
public record PolicyTerms(
    String revision,
    Map<AssetCategory, Period> warrantyTerms,
    Period maintenanceTerm,
    Set<AssetCategory> maintenanceCategories,
    Period advanceReplacementWindow,
    Period replacementMinimumTerm,
    Duration returnWindow,
    Duration complianceLimit,
    Duration diagnosisSla) {

  public PolicyTerms {
    Objects.requireNonNull(revision, "policy revision");
    for (AssetCategory category : AssetCategory.values()) {
      if (warrantyTerms == null || !warrantyTerms.containsKey(category)) {
        throw new IllegalArgumentException("No warranty term configured for asset category " + category);
      }
    }
    warrantyTerms = Map.copyOf(warrantyTerms);
    maintenanceCategories = Set.copyOf(maintenanceCategories);
    Objects.requireNonNull(maintenanceTerm, "maintenance term");
    Objects.requireNonNull(advanceReplacementWindow, "advance replacement window");
    Objects.requireNonNull(replacementMinimumTerm, "replacement minimum term");
    Objects.requireNonNull(returnWindow, "return window");
    Objects.requireNonNull(complianceLimit, "compliance limit");
    Objects.requireNonNull(diagnosisSla, "diagnosis SLA");
    if (complianceLimit.compareTo(returnWindow) <= 0) {
      throw new IllegalArgumentException("The compliance limit must be longer than the return window");
    }
  }
}
