package sale.itmall.assurance.returns;

/** What became of a charge or credit: captured from the payment method on file, declined, or a credit issued. */
public enum ChargeStatus {
    CAPTURED,
    DECLINED,
    ISSUED
}
