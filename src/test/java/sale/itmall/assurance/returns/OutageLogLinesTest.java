package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.DatabaseOutage;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.tasks.StaffTask;

/**
 * What operations read in the log while the database is away for a minute (issue #26, item 2): a handful of lines (each
 * scheduled job and the job workers say once that they cannot reach it, and once that they work again), not one per
 * attempt, and no stack trace; the metrics count the attempts.
 */
@ApplicationTest
class OutageLogLinesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ProcessDriver driver;

    @Value("${itmall.embedded-postgres.data-dir}")
    Path dataDir;

    @Test
    void aMinuteWithoutTheDatabaseWritesAHandfulOfLinesAndNoStackTrace() throws Exception {
        String caseRef = scenarios.caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 100);
        StaffTask diagnosis = driver.userTask(caseRef, Elements.REMOTE_DIAGNOSIS);
        DatabaseOutage outage = new DatabaseOutage(dataDir);
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            outage.stop();
            try {
                // a step runs meanwhile and fails with backoff, as does every scheduled job each second
                driver.completeBypassingTheForm(
                        diagnosis, Map.of("diagnosisOutcome", "HARDWARE_DEFECT", "diagnosisNotes", "PSU fault"));
                Thread.sleep(Duration.ofMinutes(1));
            } finally {
                outage.start();
            }
            driver.awaitWaitingAt(caseRef, Elements.RMA_APPROVAL);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> lines(log).stream().anyMatch(l -> l.contains("EngineOutbox.dispatch works again")));
        } finally {
            root.detachAppender(log);
        }

        List<String> lines = lines(log);
        lines.forEach(System.out::println);
        assertThat(lines)
                .as("one line when each source fails, one when it works again")
                .anyMatch(l -> l.startsWith("WARN EngineOutbox.dispatch cannot reach the database"))
                .anyMatch(l -> l.startsWith("WARN MailDispatcher.dispatch cannot reach the database"))
                .anyMatch(l -> l.startsWith("WARN Job workers cannot reach the database"))
                .anyMatch(l -> l.startsWith("INFO Job workers works again"))
                .allMatch(l -> l.contains(" cannot reach the database") || l.contains(" works again after"));
        // every source (a scheduled job, the job workers, a library's logger) says it once when it fails and once when
        // it works again, however many attempts failed in the minute: a handful of lines, whichever sources ran
        Map<String, Long> perSource = lines.stream()
                .collect(Collectors.groupingBy(
                        l -> l.replaceFirst(" (cannot reach the database|works again after).*", "$1"),
                        Collectors.counting()));
        assertThat(perSource)
                .allSatisfy((sourceAndWhat, count) ->
                        assertThat(count).as(sourceAndWhat).isEqualTo(1));
        assertThat(log.list)
                .as("no stack trace for a fault classified as technical")
                .allMatch(e -> e.getThrowableProxy() == null);
    }

    /** The lines at INFO and above, as "LEVEL message". */
    private static List<String> lines(ListAppender<ILoggingEvent> log) {
        synchronized (log.list) {
            return log.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                    .toList();
        }
    }
}
