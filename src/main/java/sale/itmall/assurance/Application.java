package sale.itmall.assurance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * ITMall Service Assurance. The process owners' files from bpmn/ and forms/ are deployed at start
 * (engine/EngineDeployment). Its modules (Spring Modulith, verified by
 * {@code ModularityTest}): policy, process, engine, returns, tasks, notifications, portal, reporting, shared, config.
 */
@SpringBootApplication
@EnableScheduling
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
