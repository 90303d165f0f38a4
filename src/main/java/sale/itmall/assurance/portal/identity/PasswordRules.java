package sale.itmall.assurance.portal.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import sale.itmall.assurance.shared.Sentence;

/**
 * What a password must be (NIST SP 800-63B: length and a blocklist, no composition rules): at least 12 and at most 128
 * characters, not a commonly used password, not the user's own e-mail name, not one character repeated.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password1234",
            "123456789012",
            "qwertyuiop12",
            "passwordpassword",
            "iloveyou1234",
            "letmein12345",
            "welcome12345",
            "administrator",
            "changeme1234",
            "qwerty123456",
            "111111111111",
            "abc123456789",
            "password123!",
            "p@ssw0rd1234",
            "itmall123456",
            "returns12345");

    private PasswordRules() {}

    /** Why the password is not acceptable, or empty when it is. */
    static Optional<Sentence> problem(String password, String repeated, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new Sentence("signin.refused.password-short", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new Sentence("signin.refused.password-long", MAX_LENGTH));
        }
        if (!password.equals(repeated)) {
            return Optional.of(new Sentence("signin.refused.password-differ"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() == 1) {
            return Optional.of(new Sentence("signin.refused.password-common"));
        }
        String name = email == null ? "" : email.toLowerCase(Locale.ROOT).replaceAll("@.*", "");
        if (name.length() >= 4 && lower.contains(name)) {
            return Optional.of(new Sentence("signin.refused.password-email-name"));
        }
        return Optional.empty();
    }
}
