package sale.itmall.assurance.returns;

/** A case reference or RMA number that names no case (or none of the signed-in customer's). */
public class CaseNotFound extends RuntimeException {
    public CaseNotFound(String reference) {
        super("No return case " + reference);
    }

    /** Something else of a customer's that does not exist, or is not theirs: {@code message} says what. */
    public static CaseNotFound of(String message) {
        CaseNotFound e = new CaseNotFound("");
        e.message = message;
        return e;
    }

    private String message;

    @Override
    public String getMessage() {
        return message != null ? message : super.getMessage();
    }
}
