package sale.itmall.assurance.returns;

/** A return case (one item of a request), as the database numbers it. Typed so that a case, customer, asset and request number cannot be passed for one another. */
public record CaseId(long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
