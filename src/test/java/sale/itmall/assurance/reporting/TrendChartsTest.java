package sale.itmall.assurance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The weekly charts draw exactly what their tables say, and nothing a table holds is markup in them. */
class TrendChartsTest {

    static final List<String> RETURNS = List.of(
            "Week",
            "Opened",
            "Closed: resolved",
            "Closed: no valid claim",
            "Closed: cancelled or expired",
            "Closed: charged or suspended");

    @Test
    void stackedBarsAreAsHighAsTheirCountsAndEachBarSaysItsWeekAndValue() {
        Reports.Table table = new Reports.Table(
                "weekly-returns",
                "Returns opened and closed per week, by outcome",
                RETURNS,
                List.of(
                        List.of("2026-11-23", "4", "2", "1", "0", "0"),
                        List.of("2026-11-30", "10", "6", "2", "1", "1")));

        String svg = TrendCharts.svg(table).orElseThrow();

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"");
        assertThat(svg).contains("<title>Week of 2026-11-30: Closed: resolved 6</title>");
        assertThat(svg).contains("<title>Week of 2026-11-30: Opened 10</title>");
        // the scale fits the tallest stack (10) to a round 10: a bar of 6 is 0.6 of the plot, one of 2 is 0.2
        double six = height(svg, "Week of 2026-11-30: Closed: resolved 6");
        double two = height(svg, "Week of 2026-11-23: Closed: resolved 2");
        assertThat(six / two).isCloseTo(3.0, offset(0.05));
        assertThat(six).isCloseTo(0.6 * 176, offset(0.2));
        // a week with no case of a kind draws no bar for it
        assertThat(svg).doesNotContain("Week of 2026-11-23: Closed: cancelled or expired");
        assertThat(svg).contains("aria-label=\"Returns opened and closed per week, by outcome: ");
    }

    @Test
    void aLineSkipsWeeksWithoutAValueAndAPercentageKeepsItsHundredScale() {
        Reports.Table table = new Reports.Table(
                "weekly-diagnosis-sla",
                "Remote diagnoses within their SLA per week",
                List.of("Week", "Diagnosed", "Within SLA", "Within SLA (%)"),
                List.of(
                        List.of("2026-11-16", "0", "0", ""),
                        List.of("2026-11-23", "4", "3", "75"),
                        List.of("2026-11-30", "2", "2", "100")));

        String svg = TrendCharts.svg(table).orElseThrow();

        assertThat(svg).contains(">100</text>").contains("<title>Week of 2026-11-23: Within SLA (%) 75</title>");
        assertThat(svg).doesNotContain("Week of 2026-11-16");
        Matcher points = Pattern.compile("points=\"([^\"]*)\"").matcher(svg);
        assertThat(points.find()).isTrue();
        assertThat(points.group(1).split(" ")).hasSize(2);
    }

    @Test
    void textFromTheDatabaseIsEscapedAndAReportWithoutAChartHasNone() {
        Reports.Table table = new Reports.Table(
                "weekly-returns",
                "Returns <script>alert(1)</script>",
                RETURNS,
                List.of(List.of("2026-11-30\"><script>", "1", "1", "0", "0", "0")));
        assertThat(TrendCharts.svg(table).orElseThrow())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");
        assertThat(TrendCharts.svg(new Reports.Table("charges", "Charges", List.of("Case"), List.of(List.of("RC-1")))))
                .isEmpty();
    }

    /** The height of the bar whose title is given. */
    static double height(String svg, String title) {
        Matcher m = Pattern.compile("height=\"([0-9.]+)\" fill=\"[^\"]+\"><title>" + Pattern.quote(title) + "</title>")
                .matcher(svg);
        assertThat(m.find()).as("a bar titled %s", title).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
