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
    ZeebeTestEngine engine = EngineFactory.create();
    engine.start();
    System.setProperty("camunda.client.grpc-address", "http://" + engine.getGatewayAddress());
    SpringApplication app = new SpringApplication(Application.class);
    app.setAdditionalProfiles("demo");
    ConfigurableApplicationContext context = app.run(args);
    Runtime.getRuntime().addShutdownHook(new Thread(engine::stop));
    String port = context.getEnvironment().getProperty("local.server.port", "8080");
    System.out.printf("""

        ITMall Service Assurance is running (ready in %.1f s)
          Process engine : embedded Zeebe at %s (in memory; process owners' bpmn/ and forms/ deployed)
          Database       : embedded PostgreSQL, data in %s
          Customers      : http://localhost:%4$s/  Self-Service Returns Center; sign in as northwind, contoso
                           or fabrikam, password "demo"
          API docs       : http://localhost:%4$s/swagger-ui.html (warehouse receipts: user "warehouse", password "demo")
          Health         : http://localhost:%4$s/actuator/health
          Tasklist/Operate: not in this embedded default (issue #5); user tasks wait in the engine
        Stop with Ctrl+C.
        """, (System.nanoTime() - started) / 1e9, engine.getGatewayAddress(),
        context.getEnvironment().getProperty("itmall.embedded-postgres.data-dir"), port);
  }
}
