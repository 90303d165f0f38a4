package sale.itmall.assurance.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;

/**
 * How codes, sentences and instants read to people ({@code ${@labels.of(x)}}, {@code ${@labels.when(t)}} in page
 * templates): a code's text comes from {@code messages*.properties} (key {@code <enum type>.<CODE>}), a sentence from
 * its key, in the language of the request or of the {@link Audience} given; an instant is shown in the reader's time
 * zone with its offset ("2026-12-04 18:00 UTC+01:00"), a day in the reader's date format.
 */
@Component("labels")
public class Labels {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** A code in the current request's language; anything that is not a code is shown as it is. */
    public String of(Object value) {
        return of(value, current().language());
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

    /** The sentence of {@code key} in the reader's language, its arguments filled in ({0}, {1}…). */
    public String text(Audience reader, String key, Object... args) {
        return messages.getMessage(key, args, reader.language());
    }

    /** The message key of a code: {@code CaseOutcome.REPAIRED}. */
    public static String key(Enum<?> code) {
        return code.getDeclaringClass().getSimpleName() + "." + code.name();
    }

    /** The person reading this request: their language and time zone ({@code PortalAudiences} sets both). */
    public static Audience current() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        if (context == null) {
            // no reader (a scheduled job): English and UTC, never the server's own locale or zone
            return Audience.DEFAULT;
        }
        Locale locale = context.getLocale();
        TimeZone zone = context instanceof TimeZoneAwareLocaleContext aware ? aware.getTimeZone() : null;
        return new Audience(
                Audience.language(locale == null ? null : locale.getLanguage()).orElse(Audience.DEFAULT.language()),
                zone == null ? Audience.DEFAULT.zone() : zone.toZoneId());
    }

    /** The current reader's time zone: "Europe/Berlin". */
    public String zone() {
        return current().zone().getId();
    }

    /** An instant in the current reader's zone and date format, with the zone's offset. */
    public String when(Instant instant) {
        return when(instant, current());
    }

    /** An instant in the reader's zone and date format, with the zone's offset: "04.12.2026 18:00 UTC+01:00". */
    public String when(Instant instant, Audience reader) {
        if (instant == null) {
            return "";
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                        messages.getMessage("format.date", null, reader.language()) + " HH:mm 'UTC'xxx",
                        reader.language())
                .withZone(reader.zone());
        String text = format.format(instant);
        return text.endsWith("UTC+00:00") ? text.substring(0, text.length() - "+00:00".length()) : text;
    }

    /** The calendar day an instant falls on in the current reader's zone. */
    public String day(Instant instant) {
        return instant == null ? "" : day(LocalDate.ofInstant(instant, current().zone()));
    }

    /** A calendar day (a warranty's last day: a day of the contract, not of a zone) in the current reader's format. */
    public String day(LocalDate day) {
        return day(day, current());
    }

    public String day(LocalDate day, Audience reader) {
        if (day == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(
                        messages.getMessage("format.date", null, reader.language()), reader.language())
                .format(day);
    }

    /** An amount with its currency as the reader writes decimals, ungrouped: "1250.00 USD", "1250,00 USD". */
    public String money(BigDecimal amount, String currency, Audience reader) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(reader.language());
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(Math.max(2, amount.scale()));
        format.setMaximumFractionDigits(Math.max(2, amount.scale()));
        return format.format(amount) + " " + currency;
    }

    public String money(BigDecimal amount, String currency) {
        return money(amount, currency, current());
    }

    /** For staff pages, logs and Tasklist forms, which read UTC: "2026-12-03 20:30 UTC". */
    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
