package sale.itmall.assurance.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LabelsTest {
  final Labels labels = new Labels();

  @Test
  void codesReadAsWordsAndOtherTextIsLeftAlone() {
    assertThat(labels.of("HARDWARE_DEFECT")).isEqualTo("Hardware defect");
    assertThat(labels.of("EXCLUDED (ACCIDENT_LIQUID)")).isEqualTo("Excluded (accident liquid)");
    assertThat(labels.of("ITMALL")).isEqualTo("ITMall");
    assertThat(labels.of("Authorized: RMA-2026-000003")).isEqualTo("Authorized: RMA-2026-000003");
    assertThat(labels.of(null)).isEmpty();
  }

  @Test
  void instantsReadToTheMinuteInUtc() {
    assertThat(Labels.when(Instant.parse("2026-12-03T20:30:27.983345Z"))).isEqualTo("2026-12-03 20:30 UTC");
  }
}
