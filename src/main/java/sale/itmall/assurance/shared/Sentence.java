package sale.itmall.assurance.shared;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A sentence of {@code messages*.properties} with its arguments, said when the reader is known: the one way a refusal
 * that starts far from any page (a rule, a store) reaches a person in their language. An argument that is itself a
 * sentence is said in the same language; numbers are written as digits (no grouping), as in the English before.
 *
 * @param key the sentence's key
 */
public record Sentence(String key, Object... args) {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The sentence in a language the portal offers (English where it offers none). */
    public String in(Locale language) {
        ResourceBundle bundle = bundle(language);
        try {
            return say(bundle, language);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No " + e.getKey() + " in messages.properties", e);
        }
    }

    private String say(ResourceBundle bundle, Locale language) {
        Object[] words = Arrays.stream(args)
                .map(a -> a instanceof Sentence s ? s.say(bundle, language) : a instanceof Number n ? n.toString() : a)
                .toArray();
        return new MessageFormat(bundle.getString(key), language).format(words);
    }

    private static ResourceBundle bundle(Locale language) {
        Locale offered = Audience.language(language == null ? null : language.getLanguage())
                .orElse(Audience.DEFAULT.language());
        return ResourceBundle.getBundle("messages", offered, NO_FALLBACK);
    }
}
