package sale.itmall.assurance.policy;

/** Input that the policy cannot decide on (a missing or contradictory fact); its message is meant for a person. */
public class PolicyViolation extends RuntimeException {
    public PolicyViolation(String message) {
        super(message);
    }
}
