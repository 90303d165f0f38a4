package sale.itmall.assurance.returns;

/** A return request or action the customer cannot make, with the field it concerns and a message for them. */
public class ReturnRejected extends RuntimeException {
    private final String field;

    public ReturnRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
