package sale.itmall.assurance.returns;

import java.util.Arrays;
import java.util.Locale;
import sale.itmall.assurance.shared.Sentence;

/**
 * A return request or action the customer cannot make, with the field it concerns and a message for them in their
 * language: the message is {@code refusal.<key>} of {@code messages*.properties} (English and German, the same keys
 * and arguments: {@code LabelsTest}), so the wizard, the pages, the API's problem details and the scan page say the
 * same refusal in the reader's words. {@link #getMessage()} is the English, for logs.
 */
public class ReturnRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Words of a refusal that are themselves said in the reader's language ({@code refusal.term.<key>}). */
    public record Term(String key, Object... args) {}

    private final String field;
    private final String key;
    private final transient Sentence sentence;

    /**
     * @param key the refusal's key under {@code refusal.} in {@code messages*.properties}
     * @param args its arguments: text and numbers as given, a {@link Term} said in the reader's language
     */
    public ReturnRejected(String field, String key, Object... args) {
        this(field, key, new Sentence("refusal." + key, words(args)));
    }

    private ReturnRejected(String field, String key, Sentence sentence) {
        super(sentence.in(Locale.ENGLISH));
        this.field = field;
        this.key = key;
        this.sentence = sentence;
    }

    public String field() {
        return field;
    }

    /** The refusal's key, without {@code refusal.}. */
    public String key() {
        return key;
    }

    /** The refusal in the reader's language (English where the portal has no translation). */
    public String message(Locale language) {
        return sentence.in(language);
    }

    private static Object[] words(Object... args) {
        return Arrays.stream(args)
                .map(a -> a instanceof Term t ? new Sentence("refusal.term." + t.key(), words(t.args())) : a)
                .toArray();
    }
}
