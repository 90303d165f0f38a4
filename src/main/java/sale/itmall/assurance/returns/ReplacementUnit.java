package sale.itmall.assurance.returns;

import java.time.Instant;
import java.time.LocalDate;

/** A replacement unit issued for a case: shipped in advance (§3.1) or at resolution, with its own warranty. */
public record ReplacementUnit(
        AssetId assetId, String serialNumber, ReplacementKind kind, LocalDate warrantyEndsOn, Instant issuedAt) {

    /** Shipped before the faulty unit came back (§3.1), rather than issued at resolution. */
    public boolean advance() {
        return kind == ReplacementKind.ADVANCE;
    }
}
