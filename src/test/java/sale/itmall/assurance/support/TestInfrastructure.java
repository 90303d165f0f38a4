package sale.itmall.assurance.support;

import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistrar;
import sale.itmall.assurance.returns.ReturnsTestSupport;

@TestConfiguration(proxyBeanMethods = false)
@Import(ReturnsTestSupport.class)
public class TestInfrastructure {

    @Bean
    @Primary
    public TestClock testClock() {
        return new TestClock();
    }

    @Bean
    public Fixtures fixtures(JdbcClient jdbc, TestClock clock) {
        return new Fixtures(jdbc, clock);
    }

    private static String databaseDir;

    /** One fresh directory per test JVM, the same each time the property is read. */
    private static synchronized String databaseDir() {
        if (databaseDir == null) {
            try {
                databaseDir = Files.createTempDirectory("itmall-test-pg")
                        .resolve("data")
                        .toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return databaseDir;
    }

    @Bean
    public static DynamicPropertyRegistrar engineAndDatabase() {
        return registry -> {
            // through a link a test can cut: an engine outage the application meets for real
            registry.add(
                    "camunda.client.grpc-address",
                    () -> "http://" + FaultyLink.toEngine().address());
            registry.add("camunda.client.rest-address", () -> "http://127.0.0.1:1");
            registry.add("camunda.client.worker.defaults.poll-interval", () -> "50ms");
            registry.add("itmall.embedded-postgres.port", () -> "0");
            registry.add(
                    "spring.mail.port",
                    () -> String.valueOf(TestMail.server().getSmtp().getPort()));
            registry.add("itmall.mail.dispatch-interval", () -> "200ms");
            registry.add("itmall.embedded-postgres.data-dir", TestInfrastructure::databaseDir);
            // staff sign in through a real OpenID Connect provider started for the tests
            registry.add("spring.security.oauth2.client.provider.staff.issuer-uri", IdentityProvider::issuer);
        };
    }
}
