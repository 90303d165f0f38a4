package sale.itmall.assurance.portal.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import sale.itmall.assurance.process.StaffRole;

/**
 * What a staff member may do, from their roles' group names (a local sign-in's stored roles, or the identity
 * provider's roles claim): {@code ROLE_STAFF} for every staff member, and one {@code ROLE_<role>} for each
 * {@link StaffRole}. Values that name no staff role are ignored.
 */
final class StaffAuthorities {

    static final String STAFF = "STAFF";

    private StaffAuthorities() {}

    static List<GrantedAuthority> of(Collection<String> groups) {
        return of(roles(groups));
    }

    static List<GrantedAuthority> of(Set<StaffRole> roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + STAFF));
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.role())));
        return authorities;
    }

    static Set<StaffRole> roles(Collection<String> groups) {
        Set<StaffRole> roles = new LinkedHashSet<>();
        groups.forEach(g -> StaffRole.ofGroup(g).ifPresent(roles::add));
        return roles;
    }

    static String[] groups(Collection<StaffRole> roles) {
        return roles.stream().map(StaffRole::group).toArray(String[]::new);
    }
}
