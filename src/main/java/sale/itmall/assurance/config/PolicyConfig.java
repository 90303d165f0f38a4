package sale.itmall.assurance.config;

import java.time.Clock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import sale.itmall.assurance.policy.PolicyTerms;
import sale.itmall.assurance.policy.ServicePolicy;

/** Binds the policy terms from {@code itmall.policy} (application.yml) into the plain-Java policy. */
@Configuration
public class PolicyConfig {

  @Bean
  public PolicyTerms policyTerms(Environment environment) {
    return Binder.get(environment).bind("itmall.policy", PolicyTerms.class)
        .orElseThrow(() -> new IllegalStateException("itmall.policy is not configured"));
  }

  @Bean
  public ServicePolicy servicePolicy(PolicyTerms terms) {
    return new ServicePolicy(terms);
  }

  @Bean
  public Clock clock() {
    return Clock.systemUTC();
  }
}
