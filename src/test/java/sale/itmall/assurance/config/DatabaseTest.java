package sale.itmall.assurance.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    void theDemoDataCoversEveryCategoryAgeAndPlan() throws Exception {
        Path dir = Files.createTempDirectory("itmall-pg-demo").resolve("data");
        try (EmbeddedPostgres pg = config.embeddedPostgres(dir, 0)) {
            DataSource ds = config.dataSource(pg);
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration", "classpath:db/demo")
                    .load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
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
            assertThat(jdbc.sql("select count(*) from customers where not payment_method_on_file")
                            .query(Long.class)
                            .single())
                    .isPositive();
        }
    }
}
