package sale.itmall.assurance.returns;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A return request or action the customer cannot make, with the field it concerns and a message for them in their
 * language: the message is {@code refusal.<key>} of {@code messages*.properties} (English and German, the same keys
 * and arguments: {@code LabelsTest}), so the wizard, the pages, the API's problem details and the scan page say the
 * same refusal in the reader's words. {@link #getMessage()} is the English, for logs.
 */
public class ReturnRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Words of a refusal that are themselves said in the reader's language, such as what a field holds. */
    public record Term(String key, Object... args) {}

    private final String field;
    private final String key;
    private final transient Object[] args;

    /**
     * @param key the refusal's key under {@code refusal.} in {@code messages*.properties}
     * @param args its arguments: text and numbers as given, a {@link Term} said in the reader's language
     */
    public ReturnRejected(String field, String key, Object... args) {
        super(say(Locale.ENGLISH, key, args));
        this.field = field;
        this.key = key;
        this.args = args.clone();
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
        return say(language, key, args);
    }

    static String say(Locale language, String key, Object... args) {
        ResourceBundle bundle = bundle(language);
        Object[] words = Arrays.stream(args)
                .map(a -> a instanceof Term t
                        ? bundle.getString("refusal.term." + t.key())
                        : a instanceof Number n ? n.toString() : a)
                .toArray();
        try {
            return new MessageFormat(bundle.getString("refusal." + key), language).format(words);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No refusal." + key + " in messages.properties", e);
        }
    }

    static String format(ResourceBundle bundle, String key, Locale language, Object... args) {
        Object[] words = Arrays.stream(args)
                .map(a -> a instanceof Term t
                        ? format(bundle, "refusal.term." + t.key(), language, t.args())
                        : a instanceof Number n ? n.toString() : a)
                .toArray();
        return new MessageFormat(bundle.getString(key), language).format(words);
    }

    private static ResourceBundle bundle(Locale language) {
        try {
            return ResourceBundle.getBundle("messages", language, NO_FALLBACK);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle("messages", Locale.ENGLISH, NO_FALLBACK);
        }
    }
}
