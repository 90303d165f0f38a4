package sale.itmall.assurance.shared;

import java.time.Duration;

/**
 * The one way this product waits before trying again: exponential backoff from a first wait, doubling after each
 * failure in a row, never longer than a cap. Mail delivery, engine commands and job workers each set their own two.
 */
public record Backoff(Duration first, Duration max) {

    /** The wait after the given number of failures in a row: {@code first}, twice that, … at most {@code max}. */
    public Duration after(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
