package sale.itmall.assurance.returns;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.policy.CaseOutcome;

/**
 * What the service assurance team watches at /actuator/prometheus: returns by state and overdue returns (read from
 * the database when scraped, at most every 5 s), charges, suspensions, SLA breaches and outcomes (counted where they
 * are decided). Worker latency and failures by job type are timed in the workers.
 */
@Component
class CaseMetrics {

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Map<String, Long> byState = Map.of();
    private volatile long overdue;
    private volatile long readAt;

    CaseMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        for (CaseStatus state : CaseStatus.values()) {
            Gauge.builder("itmall.returns", this, m -> m.refreshed().byState.getOrDefault(state.name(), 0L))
                    .description("Return cases by state")
                    .tag("state", state.name())
                    .register(registry);
        }
        Gauge.builder("itmall.returns.overdue", this, m -> m.refreshed().overdue)
                .description("Authorized returns past their return-by date and not yet received")
                .register(registry);
    }

    private synchronized CaseMetrics refreshed() {
        long now = System.currentTimeMillis();
        if (now - readAt > 5_000) {
            Map<String, Long> counts = new ConcurrentHashMap<>();
            jdbc.sql("select status, count(*) from return_cases group by status")
                    .query(rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    });
            byState = counts;
            overdue = jdbc.sql(
                            """
          select count(*) from return_cases where rma_number is not null and received_at is null
             and closed_at is null and return_due_at < ?""")
                    .param(Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            readAt = now;
        }
        return this;
    }

    void charge(ChargeReason reason, ChargeStatus status) {
        registry.counter("itmall.charges", "reason", reason.name(), "status", status.name())
                .increment();
    }

    void suspension() {
        registry.counter("itmall.account.suspensions").increment();
    }

    /** A unit that reached the warehouse after its case closed. */
    void lateUnit() {
        registry.counter("itmall.late.units").increment();
    }

    void reinstatement() {
        registry.counter("itmall.account.reinstatements").increment();
    }

    void diagnosisSlaBreach() {
        registry.counter("itmall.diagnosis.sla.breaches").increment();
    }

    void closed(CaseOutcome outcome) {
        registry.counter("itmall.cases.closed", "outcome", outcome.name()).increment();
    }
}
