package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.support.DatabaseSlice;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.support.TestClock;

/**
 * The returns module's stores on a real PostgreSQL (database slice): every write a job may repeat lands once and the
 * repeat answers what the first wrote; the late-returns report counts whole days on the application clock.
 */
@DatabaseSlice
@Import({CaseStore.class, AssetStore.class, CaseFindings.class, ReturnReports.class})
class CaseStoreTest {

    @Autowired
    CaseStore store;

    @Autowired
    AssetStore assetStore;

    @Autowired
    CaseFindings caseFindings;

    @Autowired
    ReturnReports reports;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    /** A submitted case of a new customer's asset, inserted as the submission would. */
    CaseRecord newCase(boolean paymentMethodOnFile) {
        String customer = fixtures.customer(paymentMethodOnFile);
        String serial = fixtures.asset(customer, AssetCategory.ENTERPRISE_INFRASTRUCTURE, 100, false);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long requestId = jdbc.sql(
                        """
                insert into return_requests (reference, customer_id)
                select ?, id from customers where customer_number = ? returning id""")
                .params("RR-T-" + suffix, customer)
                .query(Long.class)
                .single();
        jdbc.sql(
                        """
                insert into return_cases (reference, request_id, asset_id, fault_description, policy_revision, status)
                select ?, ?, id, 'No power', 'ITM-POL-2026.04', 'SUBMITTED' from assets where serial_number = ?""")
                .params("RC-T-" + suffix, requestId, serial)
                .update();
        return store.require("RC-T-" + suffix);
    }

    @Test
    void aRepeatedChargeKeepsTheFirstAttemptsStatusAndSaysItWroteNothing() {
        CaseRecord c = newCase(false);
        Instant now = clock.instant();
        CaseFindings.ChargeRow first = caseFindings.charge(
                c.id(),
                c.customerId(),
                ChargeReason.UNRETURNED_ADVANCE_UNIT,
                new BigDecimal("2500.00"),
                "USD",
                ChargeStatus.DECLINED,
                now);
        CaseFindings.ChargeRow again = caseFindings.charge(
                c.id(),
                c.customerId(),
                ChargeReason.UNRETURNED_ADVANCE_UNIT,
                new BigDecimal("2500.00"),
                "USD",
                ChargeStatus.CAPTURED,
                now);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.status()).isEqualTo(ChargeStatus.DECLINED);
        assertThat(caseFindings.charges(c.id())).hasSize(1);
    }

    @Test
    void aReplacementIsIssuedOnceAndACaseClosesOnceWithItsFirstOutcome() {
        CaseRecord c = newCase(true);
        Instant now = clock.instant();
        ReplacementUnit first =
                assetStore.issueReplacement(c, ReplacementKind.ADVANCE, LocalDate.parse("2027-06-01"), now);
        ReplacementUnit again =
                assetStore.issueReplacement(c, ReplacementKind.STANDARD, LocalDate.parse("2028-01-01"), now);
        assertThat(again.serialNumber()).isEqualTo(first.serialNumber());
        assertThat(again.advance()).isTrue();

        assertThat(store.close(c.id(), CaseOutcome.REPLACED, now)).isTrue();
        assertThat(store.close(c.id(), CaseOutcome.CANCELLED, now)).isFalse();
        CaseRecord closed = store.require(c.reference());
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.REPLACED);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void anRmaIsNumberedOnceAndALateUnreceivedReturnIsReportedWithItsDaysLate() {
        CaseRecord c = newCase(true);
        Instant authorized = clock.instant().minus(Duration.ofDays(13));
        store.authorizeRma(
                c.id(),
                "RMA-T-" + c.id(),
                authorized,
                authorized.plus(Duration.ofDays(10)),
                authorized.plus(Duration.ofDays(20)));
        store.authorizeRma(c.id(), "RMA-T-OTHER", clock.instant(), clock.instant(), clock.instant());
        assertThat(store.require(c.reference()).rmaNumber()).isEqualTo("RMA-T-" + c.id());

        ReturnReports.Report late = reports.report("late-returns");
        int caseColumn = late.headers().indexOf("Case");
        List<String> row = late.rows().stream()
                .filter(r -> r.get(caseColumn).equals(c.reference()))
                .findFirst()
                .orElseThrow();
        assertThat(row.get(late.headers().indexOf("Days late"))).isEqualTo("3");
    }
}
