package sale.itmall.assurance.tasks;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import sale.itmall.assurance.process.StaffRole;

/** A signed-in staff member as the queue sees them: who, and which roles' tasks they may work. */
public record Staff(String username, Set<StaffRole> roles) {

    /** The signed-in person's staff roles, from their authorities ({@code ROLE_<role>}). */
    public static Staff of(Authentication auth) {
        Set<String> authorities =
                auth.getAuthorities().stream().map(a -> a.getAuthority()).collect(Collectors.toSet());
        return new Staff(
                auth.getName(),
                Arrays.stream(StaffRole.values())
                        .filter(r -> authorities.contains("ROLE_" + r.role()))
                        .collect(Collectors.toUnmodifiableSet()));
    }

    boolean mayWork(StaffTask task) {
        return task.candidateGroups().stream()
                .anyMatch(g -> StaffRole.ofGroup(g).filter(roles::contains).isPresent());
    }
}
