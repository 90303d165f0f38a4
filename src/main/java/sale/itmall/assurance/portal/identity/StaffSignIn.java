package sale.itmall.assurance.portal.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.process.StaffRole;

/**
 * Staff sign in through the organisation's OpenID Connect provider: its roles claim (configured, {@code groups} by
 * default; Keycloak's group paths such as {@code /tac-engineers} are accepted) names their {@link StaffRole}s, the same names as the candidate groups of the Tasklist tasks. Someone the
 * provider knows but who holds no staff role is refused with a reason, not let in without rights.
 */
@Component
public class StaffSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a sign-in refused for want of a staff role; the sign-in page says so. */
    static final String NO_STAFF_ROLE = "no_staff_role";

    private static final Logger LOG = LoggerFactory.getLogger(StaffSignIn.class);

    private final OidcUserService provider = new OidcUserService();
    private final String rolesClaim;

    StaffSignIn(@Value("${itmall.staff-sign-in.roles-claim:groups}") String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        List<String> values = claimValues(user.getClaims().get(rolesClaim));
        Set<StaffRole> roles = StaffAuthorities.roles(values);
        if (roles.isEmpty()) {
            LOG.warn(
                    "Staff sign-in of {} refused: the identity provider's claim '{}' names no staff role ({})",
                    user.getName(),
                    rolesClaim,
                    values);
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    NO_STAFF_ROLE, user.getName() + " holds no ITMall staff role in the claim " + rolesClaim, null));
        }
        List<GrantedAuthority> authorities = StaffAuthorities.of(roles);
        String nameAttribute = request.getClientRegistration()
                .getProviderDetails()
                .getUserInfoEndpoint()
                .getUserNameAttributeName();
        return nameAttribute == null || nameAttribute.isBlank()
                ? new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo())
                : new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
    }

    /** A claim holds a list of names, one name, or (Keycloak's realm_access) an object with a "roles" list. */
    static List<String> claimValues(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof Map<?, ?> object && object.get("roles") instanceof Collection<?> roles) {
            roles.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String one) {
            values.add(one);
        }
        return values;
    }
}
