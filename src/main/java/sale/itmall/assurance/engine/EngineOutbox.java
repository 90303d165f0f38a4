package sale.itmall.assurance.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status.Code;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.returns.EngineCommands;
import sale.itmall.assurance.returns.RequestProcesses;
import sale.itmall.assurance.shared.Backoff;
import sale.itmall.assurance.shared.Faults;
import sale.itmall.assurance.shared.OutageLog;

/**
 * The transactional outbox between the database and the engine. What must reach the engine after a commit (start a
 * request's process; publish a cancellation, a dispute, a warehouse receipt) is written as a row in the same
 * transaction as the change that calls for it, tried once right after the commit, and otherwise delivered by a
 * scheduled dispatcher with exponential backoff (1 s doubling to 1 min) until the engine accepts it. Rows are claimed
 * {@code FOR UPDATE SKIP LOCKED}, so any number of instances deliver each once, and every delivery is idempotent at the
 * engine: a message carries a message id the engine refuses twice, and a request is bound to the first process
 * instance that claims it ({@link RequestProcesses#bind}); a second one is cancelled.
 */
@Component
class EngineOutbox implements EngineCommands {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Backoff BACKOFF = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(EngineOutbox.class);

    private final Executor afterCommit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final RequestProcesses requests;
    private final CamundaClient camunda;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration requestTimeout;
    private final OutageLog engineOutage;

    EngineOutbox(
            JdbcClient jdbc,
            TransactionTemplate tx,
            RequestProcesses requests,
            CamundaClient camunda,
            ObjectMapper json,
            Clock clock,
            MeterRegistry registry,
            @Value("${itmall.engine.request-timeout:5s}") Duration requestTimeout,
            @Qualifier("applicationTaskExecutor") Executor afterCommit) {
        this.afterCommit = afterCommit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.requests = requests;
        this.camunda = camunda;
        this.json = json;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.engineOutage = new OutageLog(LOG, "EngineOutbox.deliver", registry);
        Gauge.builder("itmall.engine.commands.pending", this, o -> o.pendingCount())
                .description("Commands for the engine not yet accepted by it (process starts, messages)")
                .register(registry);
    }

    private record Row(
            long id,
            String command,
            String reference,
            String messageName,
            String messageId,
            String variables,
            int attempts) {}

    @Override
    public void startRequest(String requestRef) {
        insert("START_REQUEST", requestRef, null, null, null).ifPresent(this::deliverAfterCommit);
    }

    /** {@inheritDoc} Without a message id, the row's own id is the message's. */
    @Override
    public void publish(String messageName, String correlationKey, String messageId, Object variables) {
        String variablesJson;
        try {
            variablesJson = json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the variables of " + messageName, e);
        }
        insert("PUBLISH_MESSAGE", correlationKey, messageName, messageId, variablesJson)
                .ifPresent(this::deliverAfterCommit);
    }

    private Optional<Long> insert(
            String command, String reference, String messageName, String messageId, String variables) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("An engine command is written in the transaction of the change it follows");
        }
        Instant now = clock.instant();
        return jdbc.sql(
                        """
                insert into engine_commands (command, reference, message_name, message_id, variables, created_at,
                                             next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (message_name, message_id) where message_id is not null do nothing
                returning id""")
                .params(command, reference, messageName, messageId, variables, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    /**
     * Right after the commit, on another thread: the caller's answer does not wait for the engine (its change and the
     * command are committed, which is what the answer promises); a command this does not deliver stays for the
     * dispatcher.
     */
    private void deliverAfterCommit(long id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    afterCommit.execute(() -> {
                        try {
                            deliver(id);
                        } catch (RuntimeException e) {
                            leftForDispatcher(id, e);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    leftForDispatcher(id, e);
                }
            }
        });
    }

    private static void leftForDispatcher(long id, RuntimeException e) {
        LOG.warn("Engine command {} left for the dispatcher: {}", id, e.getMessage());
    }

    /** Delivers one command now if it is still pending and no other instance holds it. */
    void deliver(long id) {
        tx.executeWithoutResult(status -> claim("id = ?", id, 1).forEach(this::attempt));
    }

    @Scheduled(fixedDelayString = "${itmall.engine.outbox-interval:1s}")
    void dispatch() {
        tx.executeWithoutResult(status -> claim("next_attempt_at <= ?", Timestamp.from(clock.instant()), BATCH)
                .forEach(this::attempt));
    }

    private List<Row> claim(String condition, Object value, int limit) {
        return jdbc.sql(
                        "select id, command, reference, message_name, message_id, variables, attempts from engine_commands"
                                + " where delivered_at is null and " + condition
                                + " order by id limit ? for update skip locked")
                .params(value, limit)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7)))
                .list();
    }

    private void attempt(Row row) {
        Instant now = clock.instant();
        try {
            if ("START_REQUEST".equals(row.command())) {
                start(row.reference());
            } else {
                send(row);
            }
            jdbc.sql(
                            "update engine_commands set delivered_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                    .params(Timestamp.from(now), row.id())
                    .update();
            engineOutage.worked();
        } catch (RuntimeException e) {
            int attempts = row.attempts() + 1; // the row is locked: no other instance counts meanwhile
            Instant next = now.plus(backoff(attempts));
            String reason = Faults.describe(e);
            if (Faults.isTechnical(e)) {
                engineOutage.failed(e); // one line per outage, not one per command and attempt
            }
            (Faults.isTechnical(e) ? LOG.atDebug() : LOG.atWarn())
                    .log(
                            "{} {} not accepted by the engine (attempt {}), next try at {}: {}",
                            row.messageName() == null ? row.command() : row.messageName(),
                            row.reference(),
                            attempts,
                            next,
                            reason);
            jdbc.sql("update engine_commands set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                    .params(attempts, Timestamp.from(next), reason, row.id())
                    .update();
        }
    }

    /** The wait after the given number of failed attempts: 1 s, 2, 4, … at most 1 minute apart, for as long as it takes. */
    static Duration backoff(int failedAttempts) {
        return BACKOFF.after(failedAttempts);
    }

    private void send(Row row) {
        try {
            camunda.newPublishMessageCommand()
                    .messageName(row.messageName())
                    .correlationKey(row.reference())
                    .messageId(row.messageId() != null ? row.messageId() : "outbox-" + row.id())
                    .variables(row.variables())
                    .requestTimeout(requestTimeout)
                    .send()
                    .join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Code.ALREADY_EXISTS) {
                throw e;
            }
            // the engine already holds this message (an earlier attempt got through): delivered
        }
    }

    /** Starts the request process for a recorded request that has none yet (its first step may have claimed it). */
    private void start(String requestRef) {
        Optional<Variables.RequestStarted> started = requests.toStart(requestRef);
        if (started.isEmpty()) {
            return;
        }
        ProcessInstanceEvent event = camunda.newCreateInstanceCommand()
                .bpmnProcessId(ProcessContract.REQUEST_PROCESS_ID)
                .latestVersion()
                .variables(started.get())
                .requestTimeout(requestTimeout)
                .send()
                .join();
        if (!requests.bind(requestRef, event.getProcessInstanceKey())) {
            cancelDuplicate(event.getProcessInstanceKey(), requestRef);
        }
    }

    /** Cancels a second process instance of a request that another instance already runs. */
    void cancelDuplicate(long processInstanceKey, String requestRef) {
        LOG.warn("Cancelling process instance {}: request {} already runs in another", processInstanceKey, requestRef);
        try {
            camunda.newCancelInstanceCommand(processInstanceKey)
                    .requestTimeout(requestTimeout)
                    .send()
                    .join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Code.NOT_FOUND) {
                throw e;
            }
        }
    }

    private long pendingCount() {
        return jdbc.sql("select count(*) from engine_commands where delivered_at is null")
                .query(Long.class)
                .single();
    }
}
