package sale.itmall.assurance.policy;

import java.io.IOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The policy terms exactly as application.yml publishes them. */
public final class PublishedTerms {
  private PublishedTerms() {}

  public static PolicyTerms load() {
    try {
      StandardEnvironment env = new StandardEnvironment();
      new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
          .forEach(source -> env.getPropertySources().addLast(source));
      ConfigurationPropertySources.attach(env);
      return Binder.get(env).bind("itmall.policy", PolicyTerms.class).get();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
