package sale.itmall.assurance.returns;

/** How a replacement unit was issued. */
public enum ReplacementKind {
    /** Shipped before the faulty unit came back (§3.1). */
    ADVANCE,
    /** Issued at resolution, after the bench inspection. */
    STANDARD
}
