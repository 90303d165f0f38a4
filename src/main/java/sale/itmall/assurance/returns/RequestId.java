package sale.itmall.assurance.returns;

/** A return request (one submission of one or more items), as the database numbers it. Typed so that a case, customer, asset and request number cannot be passed for one another. */
public record RequestId(long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
