package sale.itmall.assurance.process;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The staff roles of service assurance. A role's {@link #group()} is at once the candidate group of its user tasks in
 * bpmn/ (what Tasklist offers), the value the organisation's identity provider sends in the roles claim, and what a
 * local staff sign-in holds; the portal's staff pages allow by the same roles, so both places agree on who does what.
 */
public enum StaffRole {
    /** Remote diagnosis of a reported fault (Tasklist: "Remote diagnosis"). */
    TAC_ENGINEER("tac-engineers", "TAC engineer"),
    /** Approves or refuses an RMA after diagnosis (Tasklist: "Approve RMA"). */
    RMA_APPROVER("rma-approvers", "RMA approver"),
    /** Inspects returned units on the bench (Tasklist: "Inspect and resolve"). */
    BENCH_TECHNICIAN("service-bench", "Bench technician"),
    /** Rules on disputes of a policy decision (Tasklist: "Review policy dispute"). */
    SERVICE_GOVERNANCE("service-governance", "Service governance"),
    /** Records units received at the warehouse (the receipts API). */
    WAREHOUSE("warehouse", "Warehouse"),
    /** Brings in the installed base, invites and deactivates users, issues API keys. */
    SERVICE_ADMINISTRATOR("service-administrators", "Service administrator");

    private final String group;
    private final String label;

    StaffRole(String group, String label) {
        this.group = group;
        this.label = label;
    }

    /** The candidate group in bpmn/, the identity provider's role value and the stored role. */
    public String group() {
        return group;
    }

    public String label() {
        return label;
    }

    /** The Spring Security role name (authority {@code ROLE_} + this). */
    public String role() {
        return name();
    }

    /**
     * The role a group value names. Identity providers may send a group as a path ({@code /tac-engineers}, Keycloak's
     * default) or in another case; both are accepted.
     */
    public static Optional<StaffRole> ofGroup(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        String last = name.substring(name.lastIndexOf('/') + 1);
        return Arrays.stream(values()).filter(r -> r.group.equals(last)).findFirst();
    }
}
