package sale.itmall.assurance;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * ITMall Service Assurance. Deploys the process owners' files from bpmn/ and forms/ (copied onto the classpath at
 * build time) in one deployment, so each user task finds its linked form. Its modules (Spring Modulith, verified by
 * {@code ModularityTest}): policy, process, returns, notifications, portal, reporting, shared, config.
 */
@SpringBootApplication
@EnableScheduling
@Deployment(resources = {"classpath*:/bpmn/**/*.bpmn", "classpath*:/bpmn/**/*.dmn", "classpath*:/forms/**/*.form"})
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
