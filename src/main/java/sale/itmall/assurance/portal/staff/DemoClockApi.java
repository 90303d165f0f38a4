package sale.itmall.assurance.portal.staff;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sale.itmall.assurance.config.EngineClock;

/**
 * The demo clock for scripts and tests (service administrators, demo profile and demo clock only): {@code GET} answers
 * the engine's instant; {@code POST} with {@code {"days": N}} or {@code {"duration": "PT10M"}} moves the engine's
 * clock forward and answers once the application's own clock has followed.
 */
@RestController
@RequestMapping("/api/staff/demo/clock")
@Profile("demo")
@ConditionalOnProperty(name = EngineClock.ENABLED, havingValue = "true")
class DemoClockApi {

    private final EngineClock clock;

    DemoClockApi(Clock clock) {
        this.clock = (EngineClock) clock;
    }

    /** The engine's time, and how far it is ahead of the wall clock. */
    record Now(Instant instant, Duration ahead) {}

    /** A move forward: whole days, or an ISO-8601 duration. */
    record Move(Integer days, String duration) {}

    @GetMapping
    Now now() {
        return new Now(clock.instant(), clock.offset());
    }

    @PostMapping
    Now move(@RequestBody Move move) throws IOException {
        Duration by;
        try {
            by = move.duration() != null
                    ? Duration.parse(move.duration())
                    : Duration.ofDays(move.days() == null ? 0 : move.days());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("duration must be ISO-8601, such as PT10M or P10D");
        }
        if (by.isNegative() || by.isZero() || by.compareTo(Duration.ofDays(DemoClockPage.MAX_DAYS)) > 0) {
            throw new IllegalArgumentException("Move the clock forward by more than nothing and at most "
                    + DemoClockPage.MAX_DAYS + " days (time never runs backwards)");
        }
        clock.advance(by);
        return now();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail refused(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IOException.class)
    ProblemDetail unreachable(IOException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The engine's clock did not move: " + e.getMessage());
    }
}
