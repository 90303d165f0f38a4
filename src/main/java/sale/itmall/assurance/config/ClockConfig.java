package sale.itmall.assurance.config;

import java.net.URI;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The clock every date of the application comes from: the system clock, or, for a demo on the demo engine
 * ({@code itmall.demo-clock.enabled}, which {@code bin/run} sets), the engine's clock
 * (EngineClock). The demo clock exists only with the demo profile: a production start that asks for it does not start.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    static final String ENABLED = EngineClock.ENABLED;

    @Bean
    Clock clock(Environment env) {
        if (!env.getProperty(ENABLED, Boolean.class, false)) {
            return Clock.systemUTC();
        }
        if (!env.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException(ENABLED + " lets anyone with a staff sign-in move the application's time:"
                    + " it is for the demo profile only (--spring.profiles.active=demo), never for a production start."
                    + " Remove it from this start's settings");
        }
        return new EngineClock(URI.create(env.getRequiredProperty("itmall.demo-clock.engine-url")));
    }
}
