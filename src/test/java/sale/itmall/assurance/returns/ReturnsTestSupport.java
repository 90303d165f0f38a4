package sale.itmall.assurance.returns;

import io.camunda.client.CamundaClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.support.TestClock;
import sale.itmall.assurance.tasks.TaskQueue;

/** The returns module's test helpers, built from its internals for tests of every module. */
@TestConfiguration(proxyBeanMethods = false)
public class ReturnsTestSupport {

    @Bean
    ProcessDriver processDriver(CamundaClient client, CaseStore store, TestClock clock, TaskQueue queue) {
        return new ProcessDriver(client, store, clock, queue);
    }

    @Bean
    Scenarios scenarios(
            ReturnRequests returnRequests, Fixtures fixtures, ProcessDriver driver, TransactionTemplate tx) {
        return new Scenarios(returnRequests, fixtures, driver, tx);
    }
}
