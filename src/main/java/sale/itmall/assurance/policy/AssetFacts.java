package sale.itmall.assurance.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the policy needs to know about one asset.
 *
 * @param coverageStart the commencement date of coverage: the original shipping date (for a replacement unit, that of
 *     the unit it replaced, since "the original warranty coverage period remains unchanged")
 * @param warrantyEndOverride the last covered day set by a repair or exchange (§3.1), or null
 */
public record AssetFacts(
        String serialNumber,
        AssetCategory category,
        LocalDate coverageStart,
        BigDecimal unitPrice,
        boolean manufacturerPlan,
        LocalDate warrantyEndOverride) {

    public AssetFacts {
        Objects.requireNonNull(serialNumber, "serial number");
        Objects.requireNonNull(category, "asset category of " + serialNumber);
        Objects.requireNonNull(coverageStart, "shipping date of " + serialNumber);
        Objects.requireNonNull(unitPrice, "unit price of " + serialNumber);
    }
}
