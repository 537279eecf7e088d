package umimegu.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import umimegu.model.EpochStats;

/** Draws the seed's two learning curves (accuracy and loss, training vs validation) as PNGs. */
public final class LearningCurves {
    public static final String ACCURACY_FILE = "accuracy.png";
    public static final String LOSS_FILE = "loss.png";
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private LearningCurves() {}

    /** Writes both charts into {@code directory}, replacing each file atomically so it can be watched. */
    public static void write(List<EpochStats> history, Path directory) throws IOException {
        writeChart(
                chart("Model accuracy", "accuracy", history, EpochStats::accuracy, EpochStats::valAccuracy),
                directory.resolve(ACCURACY_FILE));
        writeChart(
                chart("Model loss", "loss", history, EpochStats::loss, EpochStats::valLoss),
                directory.resolve(LOSS_FILE));
    }

    private static JFreeChart chart(
            String title,
            String yLabel,
            List<EpochStats> history,
            ToDoubleFunction<EpochStats> training,
            ToDoubleFunction<EpochStats> validation) {
        XYSeries train = new XYSeries("training");
        XYSeries val = new XYSeries("validation");
        for (EpochStats stats : history) {
            train.add(stats.epoch(), training.applyAsDouble(stats));
            val.add(stats.epoch(), validation.applyAsDouble(stats));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(val);
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, "epoch", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, history.size() <= 30);
        renderer.setSeriesPaint(0, new Color(31, 119, 180));
        renderer.setSeriesPaint(1, new Color(255, 127, 14));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(renderer);
        return chart;
    }

    private static void writeChart(JFreeChart chart, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            ChartUtils.saveChartAsPNG(tmp.toFile(), chart, WIDTH, HEIGHT);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
