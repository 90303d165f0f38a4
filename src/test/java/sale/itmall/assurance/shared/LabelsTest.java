package sale.itmall.assurance.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.BenchFinding;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.DiagnosisOutcome;
import sale.itmall.assurance.policy.EntitlementStatus;
import sale.itmall.assurance.policy.ExclusionReason;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.Resolution;
import sale.itmall.assurance.policy.RmaDeadlines;
import sale.itmall.assurance.returns.CaseStatus;
import sale.itmall.assurance.returns.ChargeReason;
import sale.itmall.assurance.returns.ChargeStatus;
import sale.itmall.assurance.returns.ReplacementKind;

/**
 * messages*.properties and mails*.properties are the one source of how codes and sentences read, in every language;
 * instants read in the reader's zone.
 */
class LabelsTest {

    static final List<Class<? extends Enum<?>>> SHOWN_TO_PEOPLE = List.of(
            AssetCategory.class,
            EntitlementStatus.class,
            DiagnosisOutcome.class,
            ExclusionReason.class,
            ExclusionReason.ExclusionClass.class,
            BenchFinding.class,
            Resolution.class,
            CaseOutcome.class,
            CaseStatus.class,
            ChargeReason.class,
            ChargeStatus.class,
            ReplacementKind.class,
            FreightLeg.Direction.class,
            FreightLeg.Purpose.class,
            FreightLeg.Payer.class,
            RmaDeadlines.ReturnStanding.class);

    final Labels labels = new Labels(messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        // as application.yml sets spring.messages
        source.setBasenames("messages", "mails");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    @Test
    void everyCodeShownToPeopleHasItsTextInEveryLanguage() {
        for (Locale language : Audience.LANGUAGES) {
            Stream<Enum<?>> codes = SHOWN_TO_PEOPLE.stream().flatMap(type -> Stream.of(type.getEnumConstants()));
            assertThat(codes).allSatisfy(code -> assertThat(labels.of(code, language))
                    .as(language + " " + Labels.key(code))
                    .isNotBlank()
                    .doesNotContain("_"));
        }
        assertThat(labels.of(CaseOutcome.REPLACED, Locale.GERMAN)).isEqualTo("Ausgetauscht");
    }

    /**
     * Each bundle has every key in every language, each text is a pattern MessageFormat reads (an apostrophe written
     * '', as a single one would swallow text), and a translation uses the same arguments as the English.
     */
    @Test
    void everyBundleHasTheSameKeysAndArgumentsInEveryLanguage() throws IOException {
        for (String bundle : List.of("messages", "mails")) {
            Properties english = bundle(bundle + ".properties");
            for (Locale language : Audience.LANGUAGES.subList(1, Audience.LANGUAGES.size())) {
                Properties other = bundle(bundle + "_" + language.getLanguage() + ".properties");
                assertThat(other.stringPropertyNames())
                        .as(bundle + " in " + language)
                        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
                for (String key : english.stringPropertyNames()) {
                    assertThat(arguments(other.getProperty(key)))
                            .as(bundle + "_" + language + " " + key)
                            .isEqualTo(arguments(english.getProperty(key)));
                }
            }
        }
    }

    private static Properties bundle(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LabelsTest.class.getResourceAsStream("/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String key : properties.stringPropertyNames()) {
            String text = properties.getProperty(key);
            assertThat(text.replace("''", ""))
                    .as(file + " " + key + ": write an apostrophe as ''")
                    .doesNotContain("'");
            assertThat(new MessageFormat(text, Locale.ROOT).getFormats())
                    .as(file + " " + key)
                    .isNotNull();
        }
        return properties;
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** A deadline reads in the reader's zone with its offset, summer or winter, in their language's date format. */
    @Test
    void instantsReadInTheReadersZoneWithItsOffset() {
        Audience berlin = new Audience(Locale.GERMAN, ZoneId.of("Europe/Berlin"));
        Audience newYork = new Audience(Locale.ENGLISH, ZoneId.of("America/New_York"));
        Instant winter = Instant.parse("2026-12-04T17:00:00Z");
        Instant summer = Instant.parse("2026-07-01T10:00:00Z");
        assertThat(labels.when(winter, berlin)).isEqualTo("04.12.2026 18:00 UTC+01:00");
        assertThat(labels.when(summer, berlin)).isEqualTo("01.07.2026 12:00 UTC+02:00");
        assertThat(labels.when(winter, newYork)).isEqualTo("2026-12-04 12:00 UTC-05:00");
        assertThat(labels.when(winter, Audience.DEFAULT)).isEqualTo("2026-12-04 17:00 UTC");
        assertThat(labels.day(LocalDate.of(2027, 3, 1), berlin)).isEqualTo("01.03.2027");
        assertThat(labels.money(new BigDecimal("2500.00"), "EUR", berlin)).isEqualTo("2500,00 EUR");
        assertThat(labels.money(new BigDecimal("310.5"), "USD", newYork)).isEqualTo("310.50 USD");
        assertThat(labels.text(berlin, "tracking.days-left", 3)).isEqualTo("(noch 3 Tage)");
    }

    @Test
    void aStoredSettingThatIsNotKnownReadsAsTheDefault() {
        assertThat(Audience.of("fr", "Mars/Olympus")).isEqualTo(Audience.DEFAULT);
        assertThat(Audience.of("de", "Europe/Berlin").overriddenBy(null, "Asia/Tokyo"))
                .isEqualTo(new Audience(Locale.GERMAN, ZoneId.of("Asia/Tokyo")));
        assertThat(Audience.zone("+01:00")).isEmpty();
        assertThat(Audience.ZONES).contains("UTC", "Europe/Berlin", "America/Chicago");
    }

    @Test
    void codesReadAsTheirTextAndOtherTextIsLeftAlone() {
        assertThat(labels.of(CaseOutcome.ACCOUNT_SUSPENDED_NO_NEW_RMA, Locale.ENGLISH))
                .isEqualTo("Account suspended: no new RMA");
        assertThat(labels.of(ExclusionReason.ACCIDENT_LIQUID, Locale.ENGLISH)).isEqualTo("Liquid ingress");
        assertThat(labels.of(FreightLeg.Payer.ITMALL, Locale.ENGLISH)).isEqualTo("ITMall");
        assertThat(labels.of("Authorized: RMA-2026-000003", Locale.ENGLISH)).isEqualTo("Authorized: RMA-2026-000003");
        assertThat(labels.of(null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void instantsReadToTheMinuteInUtc() {
        assertThat(Labels.utc(Instant.parse("2026-12-03T20:30:27.983345Z"))).isEqualTo("2026-12-03 20:30 UTC");
    }
}
