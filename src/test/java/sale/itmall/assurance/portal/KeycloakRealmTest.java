package sale.itmall.assurance.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sale.itmall.assurance.portal.identity.DemoAccounts;
import sale.itmall.assurance.process.StaffRole;

/**
 * The Keycloak realm docker-compose.yml imports for Operate, Tasklist and the app holds the staff roles as groups
 * (the candidate groups of the user tasks), one demo user per role as the embedded default has, and the clients the
 * compose file signs in with.
 */
class KeycloakRealmTest {

    static final Path REALM = Path.of("src/main/docker/keycloak/itmall-realm.json");

    final JsonNode realm = read();

    static JsonNode read() {
        try {
            return new ObjectMapper().readTree(REALM.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRealmsGroupsAreTheStaffRoles() {
        List<String> groups = new ArrayList<>();
        realm.get("groups").forEach(g -> groups.add(g.get("name").asText()));
        assertThat(groups)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(StaffRole.values()).map(StaffRole::group).toList());
    }

    @Test
    void eachDemoStaffMemberIsInTheGroupOfTheirRole() {
        Map<String, List<String>> users = new HashMap<>();
        realm.get("users").forEach(u -> {
            List<String> groups = new ArrayList<>();
            u.get("groups").forEach(g -> groups.add(g.asText()));
            users.put(u.get("username").asText(), groups);
        });
        DemoAccounts.STAFF.forEach(
                (username, role) -> assertThat(users.get(username)).containsExactly("/" + role.group()));
        // group paths are what Keycloak sends by default; the app reads them as roles too
        users.values().stream().flatMap(List::stream).forEach(path -> assertThat(StaffRole.ofGroup(path))
                .isPresent());
    }

    @Test
    void theComposeFileSignsInWithTheRealmsClientsAndTheirGroupsClaim() throws Exception {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertThat(compose).contains("./src/main/docker/keycloak:/opt/keycloak/data/import");
        for (JsonNode client : realm.get("clients")) {
            assertThat(compose)
                    .contains(client.get("clientId").asText())
                    .contains(client.get("secret").asText());
            assertThat(client.get("protocolMappers").findValuesAsText("claim.name"))
                    .contains("groups");
        }
        assertThat(compose)
                .contains("CAMUNDA_SECURITY_AUTHENTICATION_OIDC_GROUPSCLAIM: groups")
                .contains("CAMUNDA_SECURITY_AUTHENTICATION_METHOD: oidc")
                .contains("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_STAFF_CLIENT_ID: itmall-portal");
    }
}
