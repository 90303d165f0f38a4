package sale.itmall.assurance.portal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.process.StaffRole;

/**
 * Machine credentials: an ERP imports the installed base, a warehouse system records receipts, each with an API key
 * that holds one integration role and opens only that API. Service administrators issue a key (shown once; only its
 * SHA-256 hash is stored) and revoke it; who did either, and when a key was last used, is kept.
 */
@Service
public class ApiKeys {

    /** The request header that carries a key. */
    public static final String HEADER = "X-API-Key";

    static final String PREFIX = "itm_";

    /** What a key may do: one API, as one role. */
    public enum Integration {
        INSTALLED_BASE_IMPORT("installed-base-import", "Installed-base import (ERP)", "INSTALLED_BASE_IMPORT"),
        WAREHOUSE_RECEIPTS("warehouse-receipts", "Warehouse receipts", StaffRole.WAREHOUSE.role());

        private final String id;
        private final String label;
        private final String role;

        Integration(String id, String label, String role) {
            this.id = id;
            this.label = label;
            this.role = role;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        /** The Spring Security role a key of this integration acts with. */
        public String role() {
            return role;
        }

        static Integration of(String id) {
            return Arrays.stream(values())
                    .filter(i -> i.id.equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No integration " + id));
        }
    }

    public record Key(
            long id,
            String name,
            String prefix,
            Integration integration,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt,
            String revokedBy) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A key just made: the secret is in the answer once and nowhere else. */
    public record Issued(Key key, String secret) {}

    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Last use is written at most this often per key: a busy integration does not write on every call. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Issued issue(String actor, String nameInput, Integration integration) {
        String name = nameInput == null ? "" : nameInput.trim();
        if (name.isEmpty() || name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new Refused("Give the key a name of 1 to 100 characters (who uses it, e.g. 'ERP nightly import')");
        }
        String secret = PREFIX + Secrets.newSecret();
        try {
            long id = jdbc.sql(
                            """
                    insert into api_keys (name, key_hash, key_prefix, integration, created_by, created_at)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            name,
                            Secrets.hash(secret),
                            secret.substring(0, PREFIX.length() + 6),
                            integration.id(),
                            actor,
                            Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            return new Issued(key(id).orElseThrow(), secret);
        } catch (DuplicateKeyException e) {
            throw new Refused("A key named '" + name + "' exists already; choose another name");
        }
    }

    public List<Key> all() {
        return jdbc.sql(SELECT + " order by revoked_at is not null, name")
                .query((rs, n) -> key(rs))
                .list();
    }

    Optional<Key> key(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query((rs, n) -> key(rs))
                .optional();
    }

    public boolean revoke(String actor, long id) {
        return jdbc.sql("update api_keys set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                        .params(Timestamp.from(clock.instant()), actor, id)
                        .update()
                == 1;
    }

    /**
     * The sign-in of a presented key, while it is not revoked: its principal is {@code api-key:<name>} (what imports
     * and receipts record as their actor), its one role its integration's.
     */
    Optional<Authentication> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Optional<Key> key = jdbc.sql(SELECT + " where key_hash = ? and revoked_at is null")
                .param(Secrets.hash(presented))
                .query((rs, n) -> key(rs))
                .optional();
        key.ifPresent(k -> {
            Instant now = clock.instant();
            jdbc.sql("update api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                    .params(Timestamp.from(now), k.id(), Timestamp.from(now.minus(LAST_USED_PRECISION)))
                    .update();
        });
        return key.map(k -> UsernamePasswordAuthenticationToken.authenticated(
                "api-key:" + k.name(),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + k.integration().role()))));
    }

    private static final String SELECT =
            """
            select id, name, key_prefix, integration, created_by, created_at, last_used_at, revoked_at, revoked_by
              from api_keys""";

    private static Key key(ResultSet rs) throws SQLException {
        return new Key(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Integration.of(rs.getString(4)),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)),
                rs.getString(9));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
