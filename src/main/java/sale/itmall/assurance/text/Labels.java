package sale.itmall.assurance.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How codes and instants read on the customer's pages ({@code ${@labels.of(x)}} in templates). */
@Component("labels")
public class Labels {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

  /**
   * HARDWARE_DEFECT → "Hardware defect", "EXCLUDED (ACCIDENT_LIQUID)" → "Excluded (accident liquid)"; ITMALL stays a
   * name; text that is not made of codes is left as it is.
   */
  public String of(Object value) {
    return words(value);
  }

  /** {@link #of} for code outside templates. */
  public static String words(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.matches("[A-Z][A-Z0-9_]*( \\([A-Z][A-Z0-9_]*\\))?")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher m = CODE.matcher(text);
    while (m.find()) {
      String code = m.group();
      m.appendReplacement(out, code.equals("ITMALL") ? "ITMall" : code.replace('_', ' ').toLowerCase(Locale.ROOT));
    }
    m.appendTail(out);
    return Character.toUpperCase(out.charAt(0)) + out.substring(1);
  }

  public static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }
}
