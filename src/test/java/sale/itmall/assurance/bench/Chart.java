package sale.itmall.assurance.bench;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/** The benchmark's distributions as one PNG: a box per figure (quartiles, whiskers, outliers), milliseconds, log scale. */
final class Chart {

    private Chart() {}

    static void boxes(Map<String, List<Double>> distributions, Path png) throws Exception {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        distributions.forEach((name, millis) -> {
            if (!millis.isEmpty()) {
                // a log axis has no zero: a latency under 0.1 ms is drawn at 0.1 ms
                data.add(millis.stream().map(m -> Math.max(0.1, m)).toList(), "latency", name);
            }
        });
        LogAxis millis = new LogAxis("milliseconds (log scale)");
        millis.setSmallestValue(0.1);
        CategoryAxis figures = new CategoryAxis();
        figures.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        figures.setMaximumCategoryLabelWidthRatio(0.45f);
        BoxAndWhiskerRenderer boxes = new BoxAndWhiskerRenderer();
        boxes.setMeanVisible(false);
        boxes.setSeriesPaint(0, new Color(0x2f6fb0));
        boxes.setMaxOutlierVisible(true);
        CategoryPlot plot = new CategoryPlot(data, figures, millis, boxes);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("ITMall Service Assurance: bin/bench latencies", plot);
        chart.removeLegend();
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(png.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 120 + 26 * distributions.size());
    }
}
