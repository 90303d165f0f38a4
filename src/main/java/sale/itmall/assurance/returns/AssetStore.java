package sale.itmall.assurance.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The assets a case changes: the replacement unit issued once per case, the ownership transfer of the unit it
 * replaces, and a warranty end set by a decision.
 */
@Repository
class AssetStore {

    private final JdbcClient jdbc;

    AssetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a replacement unit once per case: a new asset row plus the replacement record; answers its serial. */
    ReplacementUnit issueReplacement(CaseRecord c, ReplacementKind kind, LocalDate warrantyEnd, Instant at) {
        Optional<ReplacementUnit> existing = findReplacement(c.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        String serial = c.serialNumber() + "-R" + c.id().value();
        long replacementId = jdbc.sql(
                        """
        insert into assets (serial_number, model, category, order_id, customer_id, shipped_on, coverage_start,
                            warranty_ends_override, unit_price, currency, manufacturer_plan, replaces_asset_id)
        select ?, model, category, order_id, customer_id, ?, coverage_start, ?, unit_price, currency, false, id
          from assets where id = ?
        returning id""")
                .params(
                        serial,
                        LocalDate.ofInstant(at, ZoneOffset.UTC),
                        warrantyEnd,
                        c.assetId().value())
                .query(Long.class)
                .single();
        jdbc.sql(
                        """
        insert into replacements (case_id, original_asset_id, replacement_asset_id, kind, warranty_ends_on, issued_at)
        values (?, ?, ?, ?, ?, ?)""")
                .params(c.id().value(), c.assetId().value(), replacementId, kind.name(), warrantyEnd, CaseStore.ts(at))
                .update();
        return new ReplacementUnit(new AssetId(replacementId), serial, kind, warrantyEnd, at);
    }

    Optional<ReplacementUnit> findReplacement(CaseId caseId) {
        return jdbc.sql(
                        """
        select r.replacement_asset_id, a.serial_number, r.kind, r.warranty_ends_on, r.issued_at
          from replacements r join assets a on a.id = r.replacement_asset_id where r.case_id = ?""")
                .param(caseId.value())
                .query((rs, n) -> new ReplacementUnit(
                        new AssetId(rs.getLong(1)),
                        rs.getString(2),
                        ReplacementKind.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class),
                        CaseStore.instant(rs, 5)))
                .optional();
    }

    /** Passes ownership of the case's asset to ITMall once. Answers whether this call transferred it. */
    boolean transferOwnership(CaseRecord c, Instant at) {
        int inserted = jdbc.sql(
                        """
        insert into ownership_transfers (asset_id, case_id, from_customer_id, transferred_at)
        values (?, ?, ?, ?) on conflict (asset_id) do nothing""")
                .params(c.assetId().value(), c.id().value(), c.customerId().value(), CaseStore.ts(at))
                .update();
        jdbc.sql("update assets set owner = 'ITMALL' where id = ?")
                .param(c.assetId().value())
                .update();
        return inserted == 1;
    }

    void overrideWarrantyEnd(AssetId assetId, LocalDate end) {
        jdbc.sql("update assets set warranty_ends_override = ? where id = ?")
                .params(end, assetId.value())
                .update();
    }
}
