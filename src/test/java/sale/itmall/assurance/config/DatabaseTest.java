package sale.itmall.assurance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import sale.itmall.assurance.returns.DemoInstalledBase;
import sale.itmall.assurance.returns.InstalledBaseImport;

class DatabaseTest {

    final EmbeddedPostgresConfig config = new EmbeddedPostgresConfig();

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossRestarts() throws Exception {
        Path dir = Files.createTempDirectory("itmall-pg-restart").resolve("data");
        try (EmbeddedPostgres first = config.embeddedPostgres(dir, 0)) {
            Flyway.configure()
                    .dataSource(config.dataSource(first))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            JdbcClient.create(config.dataSource(first))
                    .sql(
                            "insert into customers (customer_number, name, email) values ('C-KEEP', 'Kept', 'k@example.test')")
                    .update();
        }
        try (EmbeddedPostgres second = config.embeddedPostgres(dir, 0)) {
            assertThat(JdbcClient.create(config.dataSource(second))
                            .sql("select name from customers where customer_number = 'C-KEEP'")
                            .query(String.class)
                            .single())
                    .isEqualTo("Kept");
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledRunIsStoppedAndTheNextStartOwnsTheData() throws Exception {
        Path dir = Files.createTempDirectory("itmall-pg-orphan").resolve("data");
        Process app = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledApplication.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line)
                    .as("the stand-in application started its PostgreSQL")
                    .isEqualTo("READY");
        }
        long orphanPid = Long.parseLong(
                Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
        // while that application lives, its database is no orphan: a second start refuses instead of stopping it
        assertThatThrownBy(() -> config.embeddedPostgres(dir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another running instance of the application (pid " + app.pid());
        assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isPresent();
        app.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                .as("left running")
                .isPresent();

        try (EmbeddedPostgres next = config.embeddedPostgres(dir, 0)) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                    .isEmpty();
            assertThat(Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid"))
                            .get(0)
                            .trim()))
                    .isNotEqualTo(orphanPid);
            assertThat(JdbcClient.create(config.dataSource(next))
                            .sql("select v from kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("written before the kill");
        }
    }

    @Test
    void theDemoDataComesThroughTheImporterAndCoversEveryCategoryAgeAndPlan() throws Exception {
        Path dir = Files.createTempDirectory("itmall-pg-demo").resolve("data");
        try (EmbeddedPostgres pg = config.embeddedPostgres(dir, 0)) {
            DataSource ds = config.dataSource(pg);
            Flyway.configure().dataSource(ds).load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            Clock clock = Clock.systemUTC();
            InstalledBaseImport importer =
                    new InstalledBaseImport(jdbc, new JdbcTemplate(ds), new DataSourceTransactionManager(ds), clock);
            InstalledBaseImport.Result result = DemoInstalledBase.load(importer, LocalDate.now(clock));
            assertThat(result.written()).isTrue();
            assertThat(result.assets().created()).isEqualTo(10);
            // one way in: the demo file is an import file like a vendor's, audited like one
            assertThat(jdbc.sql("select actor || ' ' || file_name || ' ' || status from installed_base_imports")
                            .query(String.class)
                            .single())
                    .isEqualTo("demo " + DemoInstalledBase.FILE + " WRITTEN");
            assertThat(jdbc.sql("select distinct category from assets order by 1")
                            .query(String.class)
                            .list())
                    .containsExactly("ACCESSORY", "END_USER_TERMINAL", "ENTERPRISE_INFRASTRUCTURE");
            assertThat(jdbc.sql("select count(*) from assets where manufacturer_plan")
                            .query(Long.class)
                            .single())
                    .isPositive();
            List<Integer> ages = jdbc.sql("select current_date - shipped_on from assets")
                    .query(Integer.class)
                    .list();
            assertThat(ages)
                    .anyMatch(a -> a < 365)
                    .anyMatch(a -> a > 365 && a < 1095)
                    .anyMatch(a -> a > 1095);
            assertThat(jdbc.sql("select customer_number from customers where not payment_method_on_file")
                            .query(String.class)
                            .list())
                    .containsExactly("C-1003");
            // one demo account reads German and Berlin time, as the file says
            assertThat(jdbc.sql("select customer_number || ' ' || language || ' ' || time_zone from customers"
                                    + " where language <> 'en' or time_zone <> 'UTC'")
                            .query(String.class)
                            .list())
                    .containsExactly("C-1004 de Europe/Berlin");
        }
    }
}
