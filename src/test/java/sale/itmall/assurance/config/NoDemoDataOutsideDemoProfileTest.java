package sale.itmall.assurance.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.support.ApplicationTest;

/** Demo customers exist only where the demo profile asked for them, never in a production-like start. */
@ApplicationTest
class NoDemoDataOutsideDemoProfileTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void noDemoRowsAreLoadedWithoutTheDemoProfile() {
        assertThat(jdbc.sql(
                                "select count(*) from customers where customer_number in ('C-1001', 'C-1002', 'C-1003', 'C-1004')")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '1000'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
