package sale.itmall.assurance.returns;

import java.util.Locale;
import sale.itmall.assurance.shared.Sentence;

/**
 * A case reference or RMA number that names no case (or none of the signed-in customer's), or something else of a
 * customer's that does not exist or is not theirs; said in the reader's language ({@code notfound.*} of
 * {@code messages*.properties}). {@link #getMessage()} is the English, for logs.
 */
public class CaseNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Sentence sentence;

    public CaseNotFound(String reference) {
        this(new Sentence("notfound.case", reference));
    }

    private CaseNotFound(Sentence sentence) {
        super(sentence.in(Locale.ENGLISH));
        this.sentence = sentence;
    }

    /** Something else that is not there: {@code notfound.<key>} with its arguments says what. */
    public static CaseNotFound of(String key, Object... args) {
        return new CaseNotFound(new Sentence("notfound." + key, args));
    }

    /** What was not found, in the reader's language. */
    public String message(Locale language) {
        return sentence.in(language);
    }
}
