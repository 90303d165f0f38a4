package sale.itmall.assurance.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for the application in a JVM of its own: starts the embedded PostgreSQL on a data directory, writes a row,
 * says READY and waits to be killed (SIGKILL), which leaves its PostgreSQL running, as a killed application does.
 */
@SuppressWarnings({"PMD.SystemPrintln", "PMD.CloseResource"
}) // it tells the test READY on standard output, and leaves its PostgreSQL running as a killed application does
public final class KilledApplication {

    private KilledApplication() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresConfig config = new EmbeddedPostgresConfig();
        EmbeddedPostgres postgres = config.embeddedPostgres(Path.of(args[0]), 0);
        JdbcClient.create(postgres.getPostgresDatabase())
                .sql("create table kept (v text); insert into kept values ('written before the kill')")
                .update();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
