package sale.itmall.assurance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application (web server on a random port) on the embedded engine and an embedded PostgreSQL in a fresh
 * temporary directory. Every test class that runs job workers uses exactly this, so all share one context: two contexts
 * with workers on one engine would take each other's jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // static so that the mail auto-configuration's condition sees it; the port comes from TestInfrastructure
        properties = "spring.mail.host=127.0.0.1")
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@Import(TestInfrastructure.class)
public @interface ApplicationTest {}
