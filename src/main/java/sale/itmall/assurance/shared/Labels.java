package sale.itmall.assurance.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How codes and instants read to people ({@code ${@labels.of(x)}} in page templates): a code's text comes from
 * {@code messages.properties} (key {@code <enum type>.<CODE>}), in the language of the request, or the one given.
 */
@Component("labels")
public class Labels {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** A code in the current request's language; anything that is not a code is shown as it is. */
    public String of(Object value) {
        return of(value, LocaleContextHolder.getLocale());
    }

    public String of(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Enum<?> code) {
            return messages.getMessage(key(code), null, locale);
        }
        return value.toString();
    }

    /** The message key of a code: {@code CaseOutcome.REPAIRED}. */
    public static String key(Enum<?> code) {
        return code.getDeclaringClass().getSimpleName() + "." + code.name();
    }

    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
