package sale.itmall.assurance.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

/** messages.properties is the one source of how codes read: every code people see has its text there. */
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
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void everyCodeShownToPeopleHasItsText() {
        Stream<Enum<?>> codes = SHOWN_TO_PEOPLE.stream().flatMap(type -> Stream.of(type.getEnumConstants()));
        assertThat(codes).allSatisfy(code -> assertThat(labels.of(code, Locale.ENGLISH))
                .as(Labels.key(code))
                .isNotBlank()
                .doesNotContain("_"));
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
