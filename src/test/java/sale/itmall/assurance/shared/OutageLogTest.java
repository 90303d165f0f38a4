package sale.itmall.assurance.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** An outage of an hour says so once, then every five minutes, then once when it heals; the metrics count the rest. */
class OutageLogTest {

    @Test
    void anHourLongOutageWritesAStartLineAReminderEveryFiveMinutesAndAHealLine() {
        Logger logger = (Logger) LoggerFactory.getLogger("outage-log-test");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        AtomicLong now = new AtomicLong();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutageLog outage = new OutageLog(logger, "EngineOutbox.dispatch", meters, now::get);
        Exception refused = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLException("refused", "08001", new ConnectException("Connection refused")));

        for (int second = 0; second < 3600; second++) { // one attempt a second for an hour
            now.set(Duration.ofSeconds(second).toNanos());
            outage.failed(refused);
        }
        assertThat(outage.failing()).isTrue();
        outage.worked();
        outage.worked();

        assertThat(lines.list).hasSize(1 + 11 + 1).allMatch(e -> e.getThrowableProxy() == null);
        assertThat(lines.list.get(0).getFormattedMessage())
                .startsWith("EngineOutbox.dispatch cannot reach the database, the engine or the mail server:")
                .contains("Connection refused");
        assertThat(lines.list.get(1).getFormattedMessage())
                .startsWith("EngineOutbox.dispatch still cannot reach")
                .contains("301 failed attempts");
        assertThat(lines.list.get(12).getFormattedMessage())
                .contains("works again")
                .contains("3600 failed attempts");
        assertThat(meters.counter("itmall.outage.faults", "source", "EngineOutbox.dispatch")
                        .count())
                .isEqualTo(3600);
        assertThat(meters.get("itmall.outage.active").gauge().value()).isZero();
        logger.detachAppender(lines);
    }
}
