package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.policy.AssetFacts;
import sale.itmall.assurance.policy.PolicyDecision;
import sale.itmall.assurance.policy.ServicePolicy;

/**
 * Tells customers once, {@code coverageNoticeDays} (a term of the policy decision) before a warranty or
 * premium-maintenance term of one of their assets ends, with the Service Governance Team's contact for an extended
 * warranty agreement. Runs hourly; each notice is recorded with its mail in one transaction, so a restart or a second
 * node tells nobody twice.
 */
@Component
class CoverageNotices {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageNotices.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PolicyDecision decision;
    private final CustomerAccounts customerAccounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CoverageNotices(
            JdbcClient jdbc,
            TransactionTemplate tx,
            PolicyDecision decision,
            CustomerAccounts customerAccounts,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.decision = decision;
        this.customerAccounts = customerAccounts;
        this.clock = clock;
        this.events = events;
    }

    private record Owned(long assetId, CustomerId customer, String model, AssetFacts facts) {}

    /** Sends the notices due today. */
    @Scheduled(
            fixedDelayString = "${itmall.coverage-notices.interval:1h}",
            initialDelayString = "${itmall.coverage-notices.initial-delay:1m}")
    public void sendDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Owned> assets = jdbc.sql(
                        """
        select a.id, a.customer_id, a.model, a.serial_number, a.category, a.coverage_start, a.unit_price,
               a.manufacturer_plan, a.warranty_ends_override
          from assets a where a.owner = 'CUSTOMER' and not a.manufacturer_plan""")
                .query((rs, n) -> new Owned(
                        rs.getLong("id"),
                        new CustomerId(rs.getLong("customer_id")),
                        rs.getString("model"),
                        WarrantyLookup.assetFacts(rs)))
                .list();
        int sent = 0;
        for (Owned asset : assets) {
            ServicePolicy policy =
                    new ServicePolicy(decision.current(asset.facts().category()).terms());
            for (ServicePolicy.CoverageEnd end : policy.coverageEnding(asset.facts(), today)) {
                Boolean told = tx.execute(status -> tell(asset, end));
                if (Boolean.TRUE.equals(told)) {
                    sent++;
                }
            }
        }
        if (sent > 0) {
            LOG.info("Coverage notices sent: {}", sent);
        }
    }

    private boolean tell(Owned asset, ServicePolicy.CoverageEnd end) {
        int recorded = jdbc.sql(
                        """
        insert into coverage_notices (asset_id, term, last_day, customer_id, noticed_at) values (?, ?, ?, ?, ?)
        on conflict do nothing""")
                .params(
                        asset.assetId(),
                        end.term().name(),
                        end.lastDay(),
                        asset.customer().value(),
                        CaseStore.ts(clock.instant()))
                .update();
        if (recorded == 1) {
            events.publishEvent(new ReturnEvent.CoverageEnding(
                    customerAccounts.customer(asset.customer()),
                    asset.facts().serialNumber(),
                    asset.model(),
                    end.term(),
                    end.lastDay(),
                    clock.instant()));
        }
        return recorded == 1;
    }
}
