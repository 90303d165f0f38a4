package sale.itmall.assurance.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.HtmlUtils;

/**
 * The weekly reports drawn as charts: server-side SVG (no script, no chart library to load), each over the table it
 * is drawn from, which stays on the page with its CSV. Bars stack or stand side by side, lines join the weeks; a value
 * shows on hover ({@code <title>}) and the whole chart has a text alternative.
 */
final class TrendCharts {

    enum Kind {
        /** The bar series stacked; the line series drawn over them. */
        STACKED,
        /** The bar series side by side. */
        GROUPED,
        /** Lines only. */
        LINES
    }

    /** Which columns of a report are drawn, and how; {@code max} fixes the scale (a percentage), else it fits. */
    record Spec(Kind kind, List<String> bars, List<String> lines, Double max, String unit) {}

    static final Map<String, Spec> SPECS = Map.of(
            "weekly-returns",
            new Spec(
                    Kind.STACKED,
                    List.of(
                            "Closed: resolved",
                            "Closed: no valid claim",
                            "Closed: cancelled or expired",
                            "Closed: charged or suspended"),
                    List.of("Opened"),
                    null,
                    "cases"),
            "weekly-late-returns",
            new Spec(
                    Kind.GROUPED,
                    List.of(
                            "Due that week, not back in time",
                            "Received late",
                            "Unit price charged",
                            "Charge declined"),
                    List.of(),
                    null,
                    "cases"),
            "weekly-diagnosis-sla",
            new Spec(Kind.LINES, List.of(), List.of("Within SLA (%)"), 100.0, "%"),
            "weekly-rma-to-receipt",
            new Spec(Kind.LINES, List.of(), List.of("Median days", "90th percentile days"), null, "days"));

    private static final String[] COLORS = {"#1f6fb2", "#4caf50", "#9e9e9e", "#d9822b", "#c0392b"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 72;

    private TrendCharts() {}

    /** The chart of a report, as SVG markup (every text in it escaped), if the report is one drawn. */
    static Optional<String> svg(Reports.Table table) {
        Spec spec = SPECS.get(table.name());
        if (spec == null || table.rows().isEmpty()) {
            return Optional.empty();
        }
        List<String> weeks = table.rows().stream().map(r -> r.get(0)).toList();
        List<Series> bars = series(table, spec.bars(), 0);
        List<Series> lines = series(table, spec.lines(), spec.bars().size());
        double max = spec.max() != null ? spec.max() : niceMax(spec.kind(), bars, lines, weeks.size());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(esc(table.title() + ": " + describe(weeks, bars, lines, spec.unit())))
                .append("\">");
        axes(svg, max, spec.unit());
        double slot = (WIDTH - LEFT - RIGHT) / (double) weeks.size();
        for (int w = 0; w < weeks.size(); w++) {
            double x = LEFT + w * slot;
            drawBars(svg, spec.kind(), bars, w, weeks.get(w), x, slot, max);
            if (w % 2 == 0 || weeks.size() <= 8) {
                svg.append(text(
                        x + slot / 2,
                        HEIGHT - BOTTOM + 14,
                        "middle",
                        weeks.get(w).substring(5)));
            }
        }
        for (Series line : lines) {
            drawLine(svg, line, weeks, slot, max);
        }
        legend(svg, bars, lines);
        return Optional.of(svg.append("</svg>").toString());
    }

    /** One drawn column: its name, colour and a value per week (null where the table has none). */
    record Series(String name, String color, List<Double> values) {}

    private static List<Series> series(Reports.Table table, List<String> columns, int colorOffset) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            int column = table.headers().indexOf(columns.get(i));
            if (column < 0) {
                throw new IllegalStateException("Report " + table.name() + " has no column " + columns.get(i));
            }
            List<Double> values = new ArrayList<>();
            for (List<String> row : table.rows()) {
                String cell = row.get(column);
                values.add(cell == null || cell.isBlank() ? null : Double.valueOf(cell));
            }
            series.add(new Series(columns.get(i), COLORS[(colorOffset + i) % COLORS.length], values));
        }
        return series;
    }

    private static double niceMax(Kind kind, List<Series> bars, List<Series> lines, int weeks) {
        double max = 0;
        for (int w = 0; w < weeks; w++) {
            double stack = 0;
            for (Series s : bars) {
                double v = value(s, w);
                stack = kind == Kind.STACKED ? stack + v : Math.max(stack, v);
            }
            max = Math.max(max, stack);
            for (Series s : lines) {
                max = Math.max(max, value(s, w));
            }
        }
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static void axes(StringBuilder svg, double max, String unit) {
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\" stroke=\"#e0e0e0\"/>");
            svg.append(text(LEFT - 4, y + 4, "end", number(max * i / 4)));
        }
        svg.append(text(4, TOP + 8, "start", unit));
    }

    private static void drawBars(
            StringBuilder svg, Kind kind, List<Series> bars, int w, String week, double x, double slot, double max) {
        if (bars.isEmpty()) {
            return;
        }
        double base = 0;
        double width = kind == Kind.STACKED ? slot * 0.6 : slot * 0.8 / bars.size();
        for (int i = 0; i < bars.size(); i++) {
            Series s = bars.get(i);
            double v = value(s, w);
            double left = kind == Kind.STACKED ? x + slot * 0.2 : x + slot * 0.1 + i * width;
            double bottom = kind == Kind.STACKED ? base : 0;
            if (v > 0) {
                double y0 = y(bottom, max);
                double y1 = y(bottom + v, max);
                svg.append("<rect x=\"")
                        .append(fmt(left))
                        .append("\" y=\"")
                        .append(fmt(y1))
                        .append("\" width=\"")
                        .append(fmt(width))
                        .append("\" height=\"")
                        .append(fmt(y0 - y1))
                        .append("\" fill=\"")
                        .append(s.color())
                        .append("\"><title>")
                        .append(esc("Week of " + week + ": " + s.name() + " " + number(v)))
                        .append("</title></rect>");
            }
            base += kind == Kind.STACKED ? v : 0;
        }
    }

    private static void drawLine(StringBuilder svg, Series line, List<String> weeks, double slot, double max) {
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int w = 0; w < weeks.size(); w++) {
            Double v = line.values().get(w);
            if (v == null) {
                continue;
            }
            double cx = LEFT + w * slot + slot / 2;
            double cy = y(v, max);
            points.append(fmt(cx)).append(',').append(fmt(cy)).append(' ');
            dots.append("<circle cx=\"")
                    .append(fmt(cx))
                    .append("\" cy=\"")
                    .append(fmt(cy))
                    .append("\" r=\"3\" fill=\"")
                    .append(line.color())
                    .append("\"><title>")
                    .append(esc("Week of " + weeks.get(w) + ": " + line.name() + " " + number(v)))
                    .append("</title></circle>");
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                .append(line.color())
                .append("\" points=\"")
                .append(points.toString().strip())
                .append("\"/>")
                .append(dots);
    }

    /** The series' names under the plot, on as many rows as they need. */
    private static void legend(StringBuilder svg, List<Series> bars, List<Series> lines) {
        double x = LEFT;
        double y = HEIGHT - BOTTOM + 36;
        List<Series> all = new ArrayList<>(bars);
        all.addAll(lines);
        for (Series s : all) {
            double width = 24 + s.name().length() * 6.2;
            if (x > LEFT && x + width > WIDTH - RIGHT) {
                x = LEFT;
                y += 16;
            }
            svg.append("<rect x=\"")
                    .append(fmt(x))
                    .append("\" y=\"")
                    .append(fmt(y - 9))
                    .append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(s.color())
                    .append("\"/>");
            svg.append(text(x + 14, y, "start", s.name()));
            x += width;
        }
    }

    /** The chart in words, for a screen reader: each series' total and its latest week. */
    private static String describe(List<String> weeks, List<Series> bars, List<Series> lines, String unit) {
        List<String> parts = new ArrayList<>();
        List<Series> all = new ArrayList<>(bars);
        all.addAll(lines);
        for (Series s : all) {
            Double latest = s.values().get(s.values().size() - 1);
            parts.add(s.name() + " in the week of " + weeks.get(weeks.size() - 1) + ": "
                    + (latest == null ? "none" : number(latest)));
        }
        return String.join("; ", parts) + " (" + unit + ", last " + weeks.size()
                + " weeks; the table below has every week)";
    }

    private static double value(Series s, int week) {
        Double v = s.values().get(week);
        return v == null ? 0 : v;
    }

    private static double y(double v, double max) {
        int plotHeight = HEIGHT - TOP - BOTTOM;
        return TOP + plotHeight - plotHeight * Math.min(v, max) / max;
    }

    private static String text(double x, double y, String anchor, String text) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"11\" fill=\"#444\">" + esc(text) + "</text>";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
