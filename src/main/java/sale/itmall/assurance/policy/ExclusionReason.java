package sale.itmall.assurance.policy;

/**
 * Reason codes for the limitations and exclusions of ITM-POL-2026.04 §4.0, recorded at remote diagnosis or at bench
 * inspection. Each code belongs to one of the four published exclusion classes.
 */
public enum ExclusionReason {
  ACCIDENT_DROP(ExclusionClass.ACCIDENTS_AND_DAMAGE, "Dropped device"),
  ACCIDENT_LIQUID(ExclusionClass.ACCIDENTS_AND_DAMAGE, "Liquid ingress"),
  ACCIDENT_THERMAL(ExclusionClass.ACCIDENTS_AND_DAMAGE, "Thermal stress exceeding OEM specifications"),
  ACCIDENT_SURGE(ExclusionClass.ACCIDENTS_AND_DAMAGE, "Electrical instability (surge)"),
  MOD_DISASSEMBLY(ExclusionClass.UNAUTHORIZED_MODIFICATION, "Disassembly"),
  MOD_SELF_REPAIR(ExclusionClass.UNAUTHORIZED_MODIFICATION, "Self-repair attempt"),
  MOD_NON_CERTIFIED_COMPONENT(ExclusionClass.UNAUTHORIZED_MODIFICATION, "Non-certified component integration"),
  MOD_UNAPPROVED_SOFTWARE(ExclusionClass.UNAUTHORIZED_MODIFICATION, "Unapproved firmware/software"),
  WEAR_COSMETIC(ExclusionClass.FAIR_WEAR_AND_TEAR, "Standard cosmetic wear"),
  WEAR_PORTS_PLUGS(ExclusionClass.FAIR_WEAR_AND_TEAR, "Degradation of high-cycle ports/plugs"),
  FORCE_MAJEURE_NATURAL(ExclusionClass.FORCE_MAJEURE, "Flood, earthquake or lightning"),
  FORCE_MAJEURE_BIOLOGICAL(ExclusionClass.FORCE_MAJEURE, "Biological damage (insects/animals)");

  /** The four exclusion headings of the policy. */
  public enum ExclusionClass {
    ACCIDENTS_AND_DAMAGE,
    UNAUTHORIZED_MODIFICATION,
    FAIR_WEAR_AND_TEAR,
    FORCE_MAJEURE
  }

  private final ExclusionClass exclusionClass;
  private final String description;

  ExclusionReason(ExclusionClass exclusionClass, String description) {
    this.exclusionClass = exclusionClass;
    this.description = description;
  }

  public ExclusionClass exclusionClass() {
    return exclusionClass;
  }

  public String description() {
    return description;
  }

  /** Parses a reason code as a form submits it, with a message an operator can act on when it is not one. */
  public static ExclusionReason parse(String code) {
    if (code == null || code.isBlank()) {
      throw new PolicyViolation("An exclusion needs a reason code (one of " + java.util.Arrays.toString(values()) + ")");
    }
    return Codes.parse(ExclusionReason.class, code, "exclusion reason");
  }
}
