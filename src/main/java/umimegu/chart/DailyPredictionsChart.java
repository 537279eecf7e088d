package umimegu.chart;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import umimegu.history.StatsReport;

/** Predictions per label per UTC day, as stacked bars in a PNG. */
public final class DailyPredictionsChart {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;

    private DailyPredictionsChart() {}

    public static byte[] png(List<StatsReport.DayCount> perDay) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (StatsReport.DayCount d : perDay) {
            data.addValue(d.count(), d.label(), d.day().toString());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(
                "Predictions per day", "day (UTC)", "predictions", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ((BarRenderer) plot.getRenderer()).setBarPainter(new StandardBarPainter());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
