package sale.itmall.assurance.policy;

import java.util.Arrays;

/** Codes as forms and the API submit them, parsed with a message that lists what is accepted. */
public final class Codes {
    private Codes() {}

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new PolicyViolation(
                    "The " + what + " is missing; expected one of " + Arrays.toString(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new PolicyViolation("Unknown " + what + " '" + value + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
