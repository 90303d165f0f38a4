package sale.itmall.assurance.returns;

/** A customer account, as the database numbers it. Typed so that a case, customer, asset and request number cannot be passed for one another. */
public record CustomerId(long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
