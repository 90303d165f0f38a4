package sale.itmall.assurance.returns;

import java.util.Optional;

/**
 * A customer's row; {@code paymentMethodOnFile}, {@code language}, {@code timeZone} and {@code address} are null
 * when not said.
 */
record CustomerRow(
        String number,
        String name,
        String email,
        Boolean paymentMethodOnFile,
        String language,
        String timeZone,
        String address) {
    /** Whether the stored customer already is what this row says. */
    boolean sameAs(CustomerRow stored) {
        return name.equals(stored.name())
                && email.equals(stored.email())
                && (paymentMethodOnFile == null || paymentMethodOnFile.equals(stored.paymentMethodOnFile()))
                && (language == null || language.equals(stored.language()))
                && (timeZone == null || timeZone.equals(stored.timeZone()))
                && (address == null || address.equals(stored.address()));
    }

    /**
     * This line's customer and an earlier line's as one, a blank optional cell taking the other line's value; empty
     * when the two lines disagree.
     */
    Optional<CustomerRow> with(CustomerRow earlier) {
        if (!name.equals(earlier.name())
                || !email.equals(earlier.email())
                || disagree(paymentMethodOnFile, earlier.paymentMethodOnFile())
                || disagree(language, earlier.language())
                || disagree(timeZone, earlier.timeZone())
                || disagree(address, earlier.address())) {
            return Optional.empty();
        }
        return Optional.of(new CustomerRow(
                number,
                name,
                email,
                paymentMethodOnFile != null ? paymentMethodOnFile : earlier.paymentMethodOnFile(),
                language != null ? language : earlier.language(),
                timeZone != null ? timeZone : earlier.timeZone(),
                address != null ? address : earlier.address()));
    }

    private static boolean disagree(Object a, Object b) {
        return a != null && b != null && !a.equals(b);
    }
}
