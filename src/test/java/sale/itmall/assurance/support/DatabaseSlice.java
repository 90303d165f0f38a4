package sale.itmall.assurance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistrar;
import sale.itmall.assurance.config.EmbeddedPostgresConfig;

/**
 * A database slice: JDBC and Flyway on a real (embedded) PostgreSQL in a fresh directory, with the stores under test
 * imported by the test class; no engine, no web, no workers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({EmbeddedPostgresConfig.class, DatabaseSlice.Beans.class})
public @interface DatabaseSlice {

    @TestConfiguration(proxyBeanMethods = false)
    class Beans {

        @Bean
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        Fixtures fixtures(JdbcClient jdbc, TestClock clock) {
            return new Fixtures(jdbc, clock);
        }

        @Bean
        static DynamicPropertyRegistrar freshDatabase() {
            return registry -> {
                registry.add("itmall.embedded-postgres.port", () -> "0");
                registry.add("itmall.embedded-postgres.data-dir", () -> {
                    try {
                        return Files.createTempDirectory("itmall-slice-pg")
                                .resolve("data")
                                .toString();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            };
        }
    }
}
