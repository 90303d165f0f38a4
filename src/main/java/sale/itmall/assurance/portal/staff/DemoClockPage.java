package sale.itmall.assurance.portal.staff;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.config.EngineClock;

/**
 * The demo clock's page for service administrators: what day it is for the engine and the application, and buttons
 * that move both forward by days, so that a process owner sees the 10-day overdue notice and the 20-day charge or
 * suspension happen. Exists only with the demo profile and the demo clock (bin/run --demo-clock).
 */
@Controller
@Profile("demo")
@ConditionalOnProperty(name = EngineClock.ENABLED, havingValue = "true")
class DemoClockPage {

    /** The most a single move may jump: a year, so that a typo does not expire every warranty of the demo. */
    static final int MAX_DAYS = 366;

    private final EngineClock clock;

    /** The demo clock ClockConfig made (declared as a Clock, like the system clock it stands in for). */
    DemoClockPage(Clock clock) {
        this.clock = (EngineClock) clock;
    }

    @GetMapping("/staff/demo/clock")
    String page(Model model) {
        model.addAttribute("now", clock.instant());
        // to the minute: the engine's time is read over HTTP, a few milliseconds either way
        model.addAttribute("ahead", Duration.ofMinutes(Math.round(clock.offset().toMillis() / 60_000.0)));
        model.addAttribute("maxDays", MAX_DAYS);
        return "staff-demo-clock";
    }

    @PostMapping("/staff/demo/clock")
    String advance(
            @RequestParam(defaultValue = "0") int days,
            @RequestParam(defaultValue = "0") int hours,
            RedirectAttributes redirect) {
        Duration by = Duration.ofDays(days).plusHours(hours);
        if (by.isNegative() || by.isZero() || by.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            redirect.addFlashAttribute(
                    "error", "Move the clock forward by 1 to " + MAX_DAYS + " days (time never runs backwards)");
            return "redirect:/staff/demo/clock";
        }
        try {
            clock.advance(by);
            redirect.addFlashAttribute(
                    "message",
                    "Moved forward by " + days + " days" + (hours > 0 ? " " + hours + " hours" : "")
                            + ": timers that are due now fire in the engine within seconds");
        } catch (IOException e) {
            redirect.addFlashAttribute("error", "The engine's clock did not move: " + e.getMessage());
        }
        return "redirect:/staff/demo/clock";
    }
}
