package sale.itmall.assurance.policy;

import java.util.Arrays;

/**
 * Reason codes for the limitations and exclusions of ITM-POL-2026.04 §4.0, recorded at remote diagnosis or at bench
 * inspection. Each code belongs to one of the four published exclusion classes; how it reads is in
 * messages.properties.
 */
public enum ExclusionReason {
    ACCIDENT_DROP(ExclusionClass.ACCIDENTS_AND_DAMAGE),
    ACCIDENT_LIQUID(ExclusionClass.ACCIDENTS_AND_DAMAGE),
    ACCIDENT_THERMAL(ExclusionClass.ACCIDENTS_AND_DAMAGE),
    ACCIDENT_SURGE(ExclusionClass.ACCIDENTS_AND_DAMAGE),
    MOD_DISASSEMBLY(ExclusionClass.UNAUTHORIZED_MODIFICATION),
    MOD_SELF_REPAIR(ExclusionClass.UNAUTHORIZED_MODIFICATION),
    MOD_NON_CERTIFIED_COMPONENT(ExclusionClass.UNAUTHORIZED_MODIFICATION),
    MOD_UNAPPROVED_SOFTWARE(ExclusionClass.UNAUTHORIZED_MODIFICATION),
    WEAR_COSMETIC(ExclusionClass.FAIR_WEAR_AND_TEAR),
    WEAR_PORTS_PLUGS(ExclusionClass.FAIR_WEAR_AND_TEAR),
    FORCE_MAJEURE_NATURAL(ExclusionClass.FORCE_MAJEURE),
    FORCE_MAJEURE_BIOLOGICAL(ExclusionClass.FORCE_MAJEURE);

    /** The four exclusion headings of the policy. */
    public enum ExclusionClass {
        ACCIDENTS_AND_DAMAGE,
        UNAUTHORIZED_MODIFICATION,
        FAIR_WEAR_AND_TEAR,
        FORCE_MAJEURE
    }

    private final ExclusionClass exclusionClass;

    ExclusionReason(ExclusionClass exclusionClass) {
        this.exclusionClass = exclusionClass;
    }

    public ExclusionClass exclusionClass() {
        return exclusionClass;
    }

    /** Parses a reason code as a form submits it, with a message an operator can act on when it is not one. */
    public static ExclusionReason parse(String code) {
        if (code == null || code.isBlank()) {
            throw new PolicyViolation("An exclusion needs a reason code (one of " + Arrays.toString(values()) + ")");
        }
        return Codes.parse(ExclusionReason.class, code, "exclusion reason");
    }
}
