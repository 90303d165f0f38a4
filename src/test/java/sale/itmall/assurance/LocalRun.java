package sale.itmall.assurance;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default behind {@code bin/run}: the application with the demo data on an in-memory Zeebe engine and
 * the embedded PostgreSQL, no Docker and nothing to install. The engine keeps no state across restarts (PostgreSQL
 * does); Tasklist and Operate need the real local stack of issue #5 or docker-compose.yml.
 */
public final class LocalRun {

  private LocalRun() {}

  public static void main(String[] args) {
    long started = System.nanoTime();
    // a configured gateway (bin/run starts the local stack) wins; else an in-memory engine (bin/run --in-memory)
    String gateway = System.getenv("CAMUNDA_GRPC_ADDRESS");
    ZeebeTestEngine engine = null;
    if (gateway == null || gateway.isBlank()) {
      engine = EngineFactory.create();
      engine.start();
      System.setProperty("camunda.client.grpc-address", "http://" + engine.getGatewayAddress());
      gateway = engine.getGatewayAddress() + " (in memory: no process state across restarts, no Tasklist or Operate)";
    }
    // notifications go to a real SMTP server in this JVM; customers also read them on the portal's Messages page
    com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
        new com.icegreen.greenmail.util.ServerSetup(3025, "127.0.0.1", "smtp"));
    smtp.start();
    System.setProperty("spring.mail.host", "127.0.0.1");
    System.setProperty("spring.mail.port", "3025");
    SpringApplication app = new SpringApplication(Application.class);
    app.setAdditionalProfiles("demo");
    ConfigurableApplicationContext context = app.run(args);
    if (engine != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(engine::stop));
    }
    String port = context.getEnvironment().getProperty("local.server.port", "8080");
    System.out.printf("""

        ITMall Service Assurance is running (ready in %.1f s)
          Process engine : Zeebe at %s, bpmn/ and forms/ deployed
          Database       : embedded PostgreSQL, data in %s
          Customers      : http://localhost:%4$s/  Self-Service Returns Center; sign in as northwind, contoso
                           or fabrikam, password "demo"
          API docs       : http://localhost:%4$s/swagger-ui.html (warehouse receipts: user "warehouse", password "demo")
          Staff          : http://localhost:%4$s/staff/reports  reports and audit trails; user "warehouse", password "demo"
          Metrics        : http://localhost:%4$s/actuator/prometheus
          Mail           : in-process SMTP on 127.0.0.1:3025; customers read every notification under "Messages"
          Health         : http://localhost:%4$s/actuator/health
          Tasklist       : http://localhost:8081/tasklist  (demo/demo; with the local stack)
          Operate        : http://localhost:8081/operate   (demo/demo; with the local stack)
        Stop with Ctrl+C.
        """, (System.nanoTime() - started) / 1e9, gateway,
        context.getEnvironment().getProperty("itmall.embedded-postgres.data-dir"), port);
  }
}
