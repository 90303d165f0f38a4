package sale.itmall.assurance.process;

import java.util.Optional;
import sale.itmall.assurance.policy.Codes;

/**
 * The choices staff make in the forms, as the code reads them: parsed once at the process boundary, so a step works
 * with an enum and a value no rule can decide becomes an incident that names it and what was expected.
 */
public final class Decisions {

    private Decisions() {}

    /** The RMA approver's choice ({@code forms/rma-approval.form}, {@code rmaDecision}). */
    public enum RmaDecision {
        APPROVE,
        REJECT
    }

    /** The Service Governance Team's ruling on a policy dispute ({@code forms/policy-dispute.form}). */
    public enum DisputeDecision {
        UPHELD,
        DISMISSED
    }

    /** The Service Governance Team's answer to a request to extend an asset's cover ({@code forms/coverage-extension.form}). */
    public enum ExtensionDecision {
        OFFERED,
        DECLINED
    }

    /** The value as its enum; absent when the form left it empty; an incident's reason when it is none of them. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value, String what) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Codes.parse(type, value, what));
    }
}
