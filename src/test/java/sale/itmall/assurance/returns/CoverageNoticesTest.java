package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;

/** Customers are told once before a warranty or maintenance term ends, with whom to agree an extension. */
@ApplicationTest
class CoverageNoticesTest {

    @Autowired
    CoverageNotices notices;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    CustomerAccounts customerAccounts;

    @Autowired
    WarrantyLookup warrantyLookup;

    List<String> mails(String customer) {
        return jdbc.sql("select subject || '\n' || body from notifications n join customers c on c.id = n.customer_id"
                        + " where c.customer_number = ? and n.step like 'coverage-%' order by n.id")
                .param(customer)
                .query(String.class)
                .list();
    }

    @Test
    void aTermEndingWithinTheNoticePeriodIsToldOnceWithTheGovernanceContact() {
        String customer = fixtures.customer(true);
        String endingWarranty = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 345, false);
        String endingMaintenance =
                fixtures.asset(customer, AssetCategory.ENTERPRISE_INFRASTRUCTURE, 3 * 365 - 9, false);
        fixtures.asset(customer, AssetCategory.ENTERPRISE_INFRASTRUCTURE, 60, false); // years of cover left
        fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 345, true); // the manufacturer's plan applies
        fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 300, false); // ends in 65 days: not yet

        notices.sendDue();
        notices.sendDue(); // the next run tells nobody again

        List<String> mails = mails(customer);
        assertThat(mails).hasSize(3);
        LocalDate warrantyEnd =
                warrantyLookup
                        .assets(customerAccounts.customerByNumber(customer).orElseThrow())
                        .stream()
                        .filter(a -> a.serialNumber().equals(endingWarranty))
                        .findFirst()
                        .orElseThrow()
                        .warrantyEndsOn();
        assertThat(warrantyEnd).isBetween(today().plusDays(1), today().plusDays(30));
        assertThat(mails).anySatisfy(m -> assertThat(m)
                .startsWith("Model END_USER_TERMINAL " + endingWarranty + ": hardware warranty ends on " + warrantyEnd)
                .contains("services@itmall.sale, +1-626-655-0998")
                .contains("My equipment"));
        // infrastructure has 36 months of both: warranty and maintenance end together
        assertThat(mails.stream().filter(m -> m.contains(endingMaintenance)))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("premium maintenance (remote diagnosis by TAC) ends on"));
        // the notice is on the customer's Messages page too
        assertThat(jdbc.sql("select count(*) from coverage_notices n join customers c on c.id = n.customer_id"
                                + " where c.customer_number = ?")
                        .param(customer)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
