package sale.itmall.assurance.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;

/**
 * A paid repair TAC offers when the warranty does not pay for a confirmed hardware defect (premium maintenance only, or
 * out of coverage): its price and until when the customer can accept it. The validity is the process owner's term
 * ({@link PolicyTerms#repairQuoteValidity()}), not the engineer's.
 */
public record RepairQuote(BigDecimal amount, String currency, Instant validUntil) {

    /** The largest price a quote may name: a typo guard, not a policy number (no asset ITMall sells costs more). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    /** What the customer answers, or what became of a quote nobody answered. */
    public enum Answer {
        ACCEPTED,
        DECLINED,
        EXPIRED;

        /** How a case whose quote ended so closes; null when the repair goes ahead. */
        public CaseOutcome closesAs() {
            return switch (this) {
                case ACCEPTED -> null;
                case DECLINED -> CaseOutcome.REPAIR_QUOTE_DECLINED;
                case EXPIRED -> CaseOutcome.REPAIR_QUOTE_EXPIRED;
            };
        }
    }

    /**
     * The quote an engineer offers at {@code offeredAt} under {@code terms}: a positive amount in an ISO 4217 currency,
     * open for the terms' validity.
     */
    public static RepairQuote offer(BigDecimal amount, String currency, Instant offeredAt, PolicyTerms terms) {
        if (amount == null || amount.signum() <= 0) {
            throw new PolicyViolation("The paid repair quote needs an amount above zero (repairQuoteAmount); correct it"
                    + " in the remote diagnosis and complete the task again, or confirm the defect without a quote");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new PolicyViolation("The paid repair quote of " + amount.toPlainString() + " is above "
                    + MAX_AMOUNT.toPlainString() + " (repairQuoteAmount): check the amount");
        }
        String code = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new PolicyViolation("The paid repair quote's currency '" + currency
                    + "' is not an ISO 4217 code such as USD or EUR (repairQuoteCurrency)");
        }
        return new RepairQuote(
                amount.setScale(2, RoundingMode.HALF_UP), code, offeredAt.plus(terms.repairQuoteValidity()));
    }

    /** Whether the customer can still accept or decline it at {@code now}. */
    public boolean openAt(Instant now) {
        return now.isBefore(validUntil);
    }
}
