package sale.itmall.assurance.config;

import java.lang.management.ManagementFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** With the demo profile, tells a new user where each person goes once the application is ready. */
@Component
@Profile("demo")
class DemoWelcome {

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", "8080");
        double seconds = (System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime())
                / 1000.0;
        String database = env.getProperty("spring.datasource.url", "").isBlank()
                ? "embedded PostgreSQL, data in " + env.getProperty("itmall.embedded-postgres.data-dir")
                : env.getProperty("spring.datasource.url");
        String mail = "true".equals(env.getProperty("itmall.mail.embedded-server.enabled"))
                ? "in-process SMTP on 127.0.0.1:" + env.getProperty("itmall.mail.embedded-server.port")
                        + "; customers read every notification under \"Messages\""
                : "SMTP at " + env.getProperty("spring.mail.host") + ":" + env.getProperty("spring.mail.port");
        System.out.printf(
                """

        ITMall Service Assurance is running (ready in %.1f s, demo profile)
          Process engine : Zeebe at %s, bpmn/ and forms/ deployed
          Database       : %s
          Customers      : http://localhost:%4$s/  Self-Service Returns Center; sign in as northwind, contoso
                           or fabrikam, password "demo"
          API docs       : http://localhost:%4$s/swagger-ui.html (warehouse receipts: user "warehouse", password "demo")
          Staff tasks    : http://localhost:%4$s/staff/tasks  one sign-in per role, password "demo": tac,
                           approver, bench, governance, warehouse, admin (installed base, staff, API keys)
          Reports        : http://localhost:%4$s/staff/reports
          Metrics        : http://localhost:%4$s/actuator/prometheus (staff sign-in)
          Mail           : %5$s
          Health         : http://localhost:%4$s/actuator/health
        %6$sStop with Ctrl+C.
        """,
                seconds,
                env.getProperty("camunda.client.grpc-address"),
                database,
                port,
                mail,
                "true".equals(env.getProperty(ClockConfig.ENABLED))
                        ? "  Demo clock     : http://localhost:" + port + "/staff/demo/clock (admin): move the engine's"
                                + " and the app's time forward by days\n"
                                + "  Incidents      : " + env.getProperty("itmall.demo-clock.engine-url")
                                + "/incidents (the demo engine's; POST .../incidents/<key>/retry)\n"
                        : "");
    }
}
