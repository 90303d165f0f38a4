package sale.itmall.assurance.portal.identity;

import java.util.Locale;
import sale.itmall.assurance.shared.Sentence;

/** A sign-in link or password refused, said in the reader's language ({@code signin.refused.*}). */
public final class SignInRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Sentence sentence;

    SignInRefused(String key, Object... args) {
        this(new Sentence("signin.refused." + key, args));
    }

    SignInRefused(Sentence sentence) {
        super(sentence.in(Locale.ENGLISH), null, false, false);
        this.sentence = sentence;
    }

    /** The refusal in the reader's language. */
    public String message(Locale language) {
        return sentence.in(language);
    }
}
