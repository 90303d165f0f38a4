package sale.itmall.assurance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
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
        // static so that the mail and OAuth2 client auto-configurations' conditions see them; the ports (and the
        // identity provider's issuer) come from TestInfrastructure
        properties = {
            "spring.mail.host=127.0.0.1",
            // as on the demo engine: user tasks in the job-worker form, worked in the portal's task queue
            "itmall.engine.user-tasks=portal",
            "spring.security.oauth2.client.registration.staff.client-id=" + IdentityProvider.CLIENT_ID,
            "spring.security.oauth2.client.registration.staff.client-secret=" + IdentityProvider.CLIENT_SECRET,
            "spring.security.oauth2.client.registration.staff.client-name=ITMall Directory",
            "spring.security.oauth2.client.registration.staff.scope=openid,profile",
            "spring.security.oauth2.client.provider.staff.user-name-attribute=preferred_username"
        })
@AutoConfigureObservability
@AutoConfigureMockMvc
@Import(TestInfrastructure.class)
public @interface ApplicationTest {}
