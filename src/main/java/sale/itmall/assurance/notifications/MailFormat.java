package sale.itmall.assurance.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.Labels;

/**
 * What a mail template ({@code ${f.when(c.returnDueAt)}}) uses to write values for its reader: instants in their time
 * zone with its offset, days and amounts in their language's format, codes in their words.
 */
public record MailFormat(Labels labels, Audience reader) {

    public String when(Instant instant) {
        return labels.when(instant, reader);
    }

    public String day(LocalDate day) {
        return labels.day(day, reader);
    }

    public String money(BigDecimal amount, String currency) {
        return labels.money(amount, currency, reader);
    }

    public String code(Enum<?> code) {
        return labels.of(code, reader.language());
    }

    /**
     * A code's words inside a sentence: "the advance replacement". Whether a language lower-cases them there is its
     * bundle's {@code mail.lowercase-codes} (German keeps its capitals: "das Austauschgerät").
     */
    public String lower(Enum<?> code) {
        String words = code(code);
        return Boolean.parseBoolean(labels.text(reader, "mail.lowercase-codes"))
                ? words.toLowerCase(reader.language())
                : words;
    }

    /** Choices as the reader lists them: "a, b or c". */
    public String either(List<? extends Enum<?>> codes) {
        String text = "";
        for (int i = 0; i < codes.size(); i++) {
            String words = lower(codes.get(i));
            text = i == 0
                    ? words
                    : i == codes.size() - 1 ? labels.text(reader, "mail.or", text, words) : text + ", " + words;
        }
        return text;
    }

    /** The reader's time zone: "Europe/Berlin". */
    public String zone() {
        return reader.zone().getId();
    }
}
