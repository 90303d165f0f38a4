package sale.itmall.assurance.policy;

/** One shipment of a case and who pays its freight (§3.0 freight policy). */
public record FreightLeg(Direction direction, Purpose purpose, Payer payer) {

    public enum Direction {
        INBOUND,
        OUTBOUND
    }

    public enum Purpose {
        FAULTY_UNIT,
        ADVANCE_REPLACEMENT,
        REPLACEMENT_UNIT,
        REPAIRED_UNIT,
        UNREPAIRED_UNIT
    }

    public enum Payer {
        CLIENT,
        ITMALL
    }
}
