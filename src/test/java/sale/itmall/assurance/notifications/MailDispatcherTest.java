package sale.itmall.assurance.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.support.DatabaseSlice;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.support.TestClock;

/**
 * The mail dispatcher against real SMTP servers (GreenMail) and a real PostgreSQL: an outage is ridden out with
 * growing waits for about three days, after which staff see the mail and send it again; two dispatchers never send a
 * mail twice.
 */
@DatabaseSlice
// the dispatchers commit as in production; other threads must see the queued rows
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MailDispatcherTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TestClock clock;

    @Autowired
    Fixtures fixtures;

    int port;
    GreenMail smtp;
    long customerId;
    long requestId;

    @BeforeEach
    void aClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String customer = fixtures.customer(true);
        customerId = jdbc.sql("select id from customers where customer_number = ?")
                .param(customer)
                .query(Long.class)
                .single();
        requestId = jdbc.sql("insert into return_requests (reference, customer_id) values (?, ?) returning id")
                .params("RR-M-" + UUID.randomUUID(), customerId)
                .query(Long.class)
                .single();
        jdbc.sql("update notifications set sent_at = now() where sent_at is null")
                .update();
    }

    @AfterEach
    void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    void startServer() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    MailDispatcher dispatcher() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        // these mails carry no attachment, so no return labels are drawn
        return new MailDispatcher(jdbc, sender, tx, clock, new SimpleMeterRegistry(), null, "rma@itmall.sale");
    }

    long queue(String step) {
        return jdbc.sql(
                        """
                insert into notifications (request_id, reference, customer_id, step, recipient, subject, body,
                                           created_at)
                values (?, 'RR-M', ?, ?, 'ops@example.test', ?, 'body', ?) returning id""")
                .params(requestId, customerId, step, "Subject " + step, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    record Row(int attempts, Timestamp next, Timestamp sent) {}

    Row row(long id) {
        return jdbc.sql("select attempts, next_attempt_at, sent_at from notifications where id = ?")
                .param(id)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getTimestamp(2), rs.getTimestamp(3)))
                .single();
    }

    @Test
    void theRetriesSpanAboutThreeDaysWithGrowingWaits() {
        Duration total = IntStream.range(1, MailDispatcher.MAX_ATTEMPTS)
                .mapToObj(MailDispatcher::backoff)
                .reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofDays(3), Duration.ofDays(4));
        assertThat(MailDispatcher.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDispatcher.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailDispatcher.backoff(15)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aMailServerOutageIsRiddenOutAndTheMailGoesOnceTheServerIsBack() {
        long id = queue("outage");
        MailDispatcher dispatcher = dispatcher();

        dispatcher.dispatch();
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(row(id).next().toInstant()).isAfter(clock.instant().plus(Duration.ofSeconds(59)));
        dispatcher.dispatch(); // not due yet: no attempt
        assertThat(row(id).attempts()).isEqualTo(1);

        clock.shift(Duration.ofMinutes(1));
        dispatcher.dispatch();
        assertThat(row(id).attempts()).isEqualTo(2);
        assertThat(row(id).sent()).isNull();

        startServer();
        clock.shift(Duration.ofMinutes(2));
        dispatcher.dispatch();
        assertThat(row(id).sent()).isNotNull();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void afterTheRetryWindowStaffSeeTheMailAndSendItAgain() {
        long id = queue("undeliverable");
        jdbc.sql("update notifications set attempts = ? where id = ?")
                .params(MailDispatcher.MAX_ATTEMPTS - 1, id)
                .update();
        Notifications notifications =
                new Notifications(jdbc, new SimpleMeterRegistry(), new Outbox(jdbc, null, null, null));
        MailDispatcher dispatcher = dispatcher();

        dispatcher.dispatch();
        assertThat(notifications.undeliverable())
                .extracting(Notifications.Message::id)
                .contains(id);
        assertThat(notifications.undeliverable())
                .filteredOn(m -> m.id() == id)
                .singleElement()
                .satisfies(m -> assertThat(m.lastError()).isNotBlank());
        clock.shift(Duration.ofDays(1));
        dispatcher.dispatch(); // undeliverable: no further attempt on its own
        assertThat(row(id).attempts()).isEqualTo(MailDispatcher.MAX_ATTEMPTS);

        startServer();
        assertThat(notifications.retry(id)).isTrue();
        dispatcher.dispatch();
        assertThat(row(id).sent()).isNotNull();
        assertThat(notifications.undeliverable())
                .extracting(Notifications.Message::id)
                .doesNotContain(id);
        assertThat(notifications.retry(id)).isFalse();
    }

    @Test
    void twoDispatchersSendEveryMailOnce() {
        startServer();
        List<Long> ids =
                IntStream.range(0, 40).mapToObj(i -> queue("parallel-" + i)).toList();
        MailDispatcher one = dispatcher();
        MailDispatcher two = dispatcher();

        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> repeat(one)), CompletableFuture.runAsync(() -> repeat(two)))
                .join();

        assertThat(ids).allSatisfy(id -> assertThat(row(id).sent()).isNotNull());
        assertThat(smtp.getReceivedMessages()).hasSize(40);
        assertThat(ids).allSatisfy(id -> assertThat(row(id).attempts()).isEqualTo(1));
    }

    static void repeat(MailDispatcher dispatcher) {
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatch();
        }
    }
}
