package sale.itmall.assurance.policy;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/**
 * The terms one asset's return runs under: the result of the policy decision {@code itmall-policy-terms}
 * (bpmn/itmall-policy-terms.dmn), evaluated for the asset's category. The component names are the decision's output
 * names, so this record is the typed contract of that decision; no number of the policy is written in Java.
 *
 * @param policyRevision the policy revision the decision carries (its version tag), e.g. ITM-POL-2026.04
 * @param warrantyMonths hardware warranty from the shipping date (§2.1)
 * @param premiumMaintenance whether premium maintenance covers the category (§1.1)
 * @param maintenanceMonths premium maintenance from the shipping date (§1.1); null where it does not apply
 * @param advanceReplacementMonths defects confirmed within this period from shipping get an advance unit (§3.1)
 * @param replacementMinimumMonths minimum remaining warranty of a repaired or replacement unit (§3.1)
 * @param returnWindowDays the faulty unit is due this long after RMA authorization (§3.2)
 * @param complianceLimitDays past this long after RMA authorization the compliance action applies (§3.2)
 * @param diagnosisSlaHours the time TAC has for remote diagnosis before Level-3 escalation (§1.2)
 * @param repairQuoteValidityDays how long the customer has to accept a paid repair quote (the policy is silent: the
 *     process owner sets it); null in terms a case kept before quotes existed
 * @param coverageNoticeDays how long before a warranty or premium-maintenance term ends the customer is told, with the
 *     Service Governance Team's contact for extended warranty agreements
 * @param questionReminderDays when TAC asks the customer during remote diagnosis (logs, photos, a remote-access window,
 *     §1.3), how long without an answer before the customer is reminded (the policy is silent: the process owner sets
 *     it); null in terms a case kept before questions existed
 * @param questionAnswerDays how long the customer has to answer before the case closes unanswered; longer than the
 *     reminder; null in terms a case kept before questions existed
 */
public record PolicyTerms(
        String policyRevision,
        Integer warrantyMonths,
        Boolean premiumMaintenance,
        Integer maintenanceMonths,
        Integer advanceReplacementMonths,
        Integer replacementMinimumMonths,
        Integer returnWindowDays,
        Integer complianceLimitDays,
        Integer diagnosisSlaHours,
        Integer repairQuoteValidityDays,
        Integer coverageNoticeDays,
        Integer questionReminderDays,
        Integer questionAnswerDays) {

    public PolicyTerms {
        require(policyRevision != null && !policyRevision.isBlank(), "policyRevision");
        require(warrantyMonths, "warrantyMonths");
        require(premiumMaintenance != null, "premiumMaintenance");
        if (premiumMaintenance) {
            require(maintenanceMonths, "maintenanceMonths");
        }
        require(advanceReplacementMonths, "advanceReplacementMonths");
        require(replacementMinimumMonths, "replacementMinimumMonths");
        require(returnWindowDays, "returnWindowDays");
        require(complianceLimitDays, "complianceLimitDays");
        require(diagnosisSlaHours, "diagnosisSlaHours");
        if (complianceLimitDays <= returnWindowDays) {
            throw new PolicyViolation("The policy decision's complianceLimitDays (" + complianceLimitDays
                    + ") must be longer than its returnWindowDays (" + returnWindowDays + ")");
        }
    }

    /** The terms as the decision must give them today: every output, including those added after the first revision. */
    public PolicyTerms complete() {
        require(repairQuoteValidityDays != null && repairQuoteValidityDays > 0, "repairQuoteValidityDays");
        require(coverageNoticeDays != null && coverageNoticeDays > 0, "coverageNoticeDays");
        require(questionReminderDays != null && questionReminderDays > 0, "questionReminderDays");
        require(questionAnswerDays != null && questionAnswerDays > 0, "questionAnswerDays");
        if (questionAnswerDays <= questionReminderDays) {
            throw new PolicyViolation("The policy decision's questionAnswerDays (" + questionAnswerDays
                    + ") must be longer than its questionReminderDays (" + questionReminderDays + ")");
        }
        return this;
    }

    private static void require(Integer value, String output) {
        require(value != null && value >= 0, output);
    }

    private static void require(boolean present, String output) {
        if (!present) {
            throw new PolicyViolation("The policy decision itmall-policy-terms gave no valid '" + output
                    + "'; correct the decision in Camunda Modeler and deploy it");
        }
    }

    public Period warrantyTerm() {
        return Period.ofMonths(warrantyMonths);
    }

    public Optional<Period> maintenanceTerm() {
        return premiumMaintenance ? Optional.of(Period.ofMonths(maintenanceMonths)) : Optional.empty();
    }

    public Period advanceReplacementWindow() {
        return Period.ofMonths(advanceReplacementMonths);
    }

    public Period replacementMinimumTerm() {
        return Period.ofMonths(replacementMinimumMonths);
    }

    public Duration returnWindow() {
        return Duration.ofDays(returnWindowDays);
    }

    public Duration complianceLimit() {
        return Duration.ofDays(complianceLimitDays);
    }

    public Duration diagnosisSla() {
        return Duration.ofHours(diagnosisSlaHours);
    }

    public Duration repairQuoteValidity() {
        if (repairQuoteValidityDays == null) {
            throw new PolicyViolation(
                    "The terms this case kept (" + policyRevision + ") have no repairQuoteValidityDays:"
                            + " they predate paid repair quotes, so no quote can be offered on it");
        }
        return Duration.ofDays(repairQuoteValidityDays);
    }

    /** How long an unanswered question waits before the reminder, and before the case closes unanswered. */
    public Duration questionReminder() {
        return Duration.ofDays(questionTerm(questionReminderDays));
    }

    public Duration questionAnswerTime() {
        return Duration.ofDays(questionTerm(questionAnswerDays));
    }

    private int questionTerm(Integer days) {
        if (days == null) {
            throw new PolicyViolation(
                    "The terms this case kept (" + policyRevision + ") have no questionReminderDays or"
                            + " questionAnswerDays: they predate questions to the customer, so diagnose it without one");
        }
        return days;
    }
}
