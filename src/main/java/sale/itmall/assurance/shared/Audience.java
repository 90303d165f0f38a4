package sale.itmall.assurance.shared;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The language a person reads and the time zone their deadlines are shown in: a customer account has one (its mails),
 * each of its portal users may choose their own (their pages). The languages are those {@code messages*.properties}
 * and {@code mails*.properties} come in.
 */
public record Audience(Locale language, ZoneId zone) {

    /** The languages of the portal and the mails, the first the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    /** The zones a person can choose: UTC and every region id ({@code Area/City}) the JDK knows, sorted. */
    public static final SortedSet<String> ZONES = zones();

    /** Where nothing is chosen: English, UTC. */
    public static final Audience DEFAULT = new Audience(Locale.ENGLISH, ZoneOffset.UTC);

    /** The stored settings; null or unknown values fall back to the default's. */
    public static Audience of(String language, String zone) {
        return new Audience(
                language(language).orElse(DEFAULT.language()), zone(zone).orElse(DEFAULT.zone()));
    }

    /** A user's own choice where they made one, the account's where not. */
    public Audience overriddenBy(String language, String zone) {
        return new Audience(language(language).orElse(this.language), zone(zone).orElse(this.zone));
    }

    /** One of {@link #LANGUAGES} by its tag ({@code en}, {@code de}); anything else is empty. */
    public static Optional<Locale> language(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String wanted = tag.strip().toLowerCase(Locale.ROOT);
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted)).findFirst();
    }

    /** A time zone by its region id ({@code Europe/Berlin}) or {@code UTC}; offsets and unknown ids are empty. */
    public static Optional<ZoneId> zone(String id) {
        return id == null || !ZONES.contains(id.strip()) ? Optional.empty() : Optional.of(ZoneId.of(id.strip()));
    }

    private static SortedSet<String> zones() {
        SortedSet<String> zones = new TreeSet<>();
        zones.add("UTC");
        ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .forEach(zones::add);
        return Collections.unmodifiableSortedSet(zones);
    }

    /** The stored tag of the language: {@code en}. */
    public String languageTag() {
        return language.getLanguage();
    }
}
