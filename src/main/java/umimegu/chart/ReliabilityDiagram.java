package umimegu.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import umimegu.common.Png;
import umimegu.model.EvaluationResult;

/**
 * The reliability diagram: per confidence bin, how often the answers in it were right (bars) against
 * the diagonal a perfectly calibrated model would follow; the title carries the ECE.
 */
public final class ReliabilityDiagram {
    public static final String FILE = "reliability.png";

    private ReliabilityDiagram() {}

    public static byte[] png(EvaluationResult result) {
        XYSeries accuracy = new XYSeries("accuracy in bin");
        for (EvaluationResult.Bin bin : result.reliability()) {
            if (bin.count() > 0) {
                accuracy.add((bin.from() + bin.to()) / 2, bin.accuracy());
            }
        }
        XYSeries ideal = new XYSeries("perfect calibration");
        ideal.add(0, 0);
        ideal.add(1, 1);
        JFreeChart chart = ChartFactory.createXYBarChart(
                String.format(
                        Locale.ROOT,
                        "Reliability (ECE %.3f, %d answers)",
                        result.expectedCalibrationError(),
                        result.total()),
                "confidence",
                false,
                "share right",
                new XYSeriesCollection(accuracy),
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
        bars.setSeriesPaint(0, new Color(31, 119, 180));
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setMargin(0.1);
        plot.setDataset(1, new XYSeriesCollection(ideal));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, Color.GRAY);
        line.setSeriesStroke(
                0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        plot.setRenderer(1, line);
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 1);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        return Png.encode(chart.createBufferedImage(600, 500));
    }
}
