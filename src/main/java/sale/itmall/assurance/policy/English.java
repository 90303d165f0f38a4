package sale.itmall.assurance.policy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The policy's sentences in English, read from the one place they are written ({@code messages.properties}, which
 * also words them for the portal and the mails in every language), for the audit trail, the API and staff.
 */
final class English {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages", Locale.ROOT);

    private English() {}

    static String text(String key, Object... args) {
        return new MessageFormat(MESSAGES.getString(key), Locale.ROOT).format(args);
    }
}
