package sale.itmall.assurance.returns;

/** An asset (a unit a customer owns or ITMall took back), as the database numbers it. Typed so that a case, customer, asset and request number cannot be passed for one another. */
record AssetId(long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
