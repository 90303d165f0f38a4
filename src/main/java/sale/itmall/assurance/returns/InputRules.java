package sale.itmall.assurance.returns;

/**
 * The rules every door applies to what a person types (the wizard, the API, the task queue's forms, the import):
 * how long a text or an identifier may be, that it is plain text, and what a serial number is. One home, so every
 * door refuses the same things the same way.
 */
public final class InputRules {

    private InputRules() {}

    /** The longest fault description, dispute statement or reason kept: text, not a payload, in process variables. */
    public static final int MAX_TEXT = 4000;

    /** The longest carrier name, tracking number or receipt id kept: identifiers, not text. */
    public static final int MAX_IDENTIFIER = 100;

    /**
     * Refuses control characters other than line breaks and tabs: a NUL cannot even be stored, and the rest have no
     * place in what staff read.
     */
    static void plainText(String field, String value, String what) {
        plainText(field, value, new ReturnRejected.Term(what));
    }

    /** The same, the field's name being words with arguments ({@code refusal.term.<key>}). */
    static void plainText(String field, String value, ReturnRejected.Term what) {
        if (value != null
                && value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new ReturnRejected(field, "text.control-characters", what);
        }
    }

    /** The most items one request may hold; a larger return is several requests. */
    public static final int MAX_ITEMS = 50;

    /** The longest customer number, order number or serial number the product keeps. */
    public static final int MAX_ID = 100;

    /**
     * What the lookup, the wizard and the API accept as a serial number, trimmed: not blank, and no longer than any
     * serial the installed base can hold ({@link #MAX_ID}).
     */
    static String serialNumber(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new ReturnRejected(field, "serial.missing");
        }
        String serial = raw.trim();
        if (serial.length() > MAX_ID) {
            throw new ReturnRejected(field, "serial.too-long", MAX_ID);
        }
        return serial;
    }
}
