package sale.itmall.assurance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The demo clock moves time for everyone: it exists in the demo profile only, never in a production start. */
class DemoClockGuardTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(ClockConfig.class);

    @Test
    void aProductionStartThatAsksForTheDemoClockDoesNotStartAndSaysWhy() {
        runner.withPropertyValues("itmall.demo-clock.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("it is for the demo profile only")
                    .hasMessageContaining("never for a production start");
        });
    }

    @Test
    void withoutItTheApplicationKeepsTheSystemClock() {
        runner.run(context -> assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void inTheDemoProfileItNeedsTheDemoEngine() {
        // nothing listens on port 9 (discard): the start fails with the way out, not with a clock that never moves
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
                .withPropertyValues("itmall.demo-clock.enabled=true", "itmall.demo-clock.engine-url=http://127.0.0.1:9")
                .run(context -> {
                    assertThat(context).hasFailed();
                    StringBuilder messages = new StringBuilder();
                    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                        messages.append(t.getMessage()).append('\n');
                    }
                    assertThat(messages.toString())
                            .contains("did not answer")
                            .contains("start the demo engine first (bin/run does)");
                });
    }
}
