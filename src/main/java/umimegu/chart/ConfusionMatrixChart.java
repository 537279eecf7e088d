package umimegu.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import umimegu.common.Png;
import umimegu.model.EvaluationResult;

/** The confusion matrix as a PNG: rows actual, columns predicted, cells shaded by their share of the row. */
public final class ConfusionMatrixChart {
    public static final String FILE = "confusion-matrix.png";
    private static final int CELL = 110;
    private static final int MARGIN = 170;

    private ConfusionMatrixChart() {}

    public static byte[] png(EvaluationResult result) {
        List<String> labels = result.labels();
        int n = labels.size();
        BufferedImage image =
                new BufferedImage(MARGIN + n * CELL + 20, MARGIN + n * CELL + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.setColor(Color.BLACK);
            g.drawString("predicted →", 10, 30);
            g.drawString("actual ↓", 10, MARGIN - 20);
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < n; i++) {
                g.setColor(Color.BLACK);
                // column names upright in their column: eight long names side by side ran into each other
                AffineTransform across = g.getTransform();
                g.translate(MARGIN + i * CELL + CELL / 2 + fm.getAscent() / 2, MARGIN - 8);
                g.rotate(-Math.PI / 2);
                g.drawString(clip(labels.get(i)), 0, 0);
                g.setTransform(across);
                g.drawString(clip(labels.get(i)), 10, MARGIN + i * CELL + CELL / 2);
                int rowTotal = 0;
                for (int c : result.confusion()[i]) {
                    rowTotal += c;
                }
                for (int j = 0; j < n; j++) {
                    int count = result.confusion()[i][j];
                    float share = rowTotal == 0 ? 0 : count / (float) rowTotal;
                    g.setColor(new Color(1 - 0.8f * share, 1 - 0.5f * share, 1f));
                    g.fillRect(MARGIN + j * CELL, MARGIN + i * CELL, CELL, CELL);
                    g.setColor(Color.GRAY);
                    g.drawRect(MARGIN + j * CELL, MARGIN + i * CELL, CELL, CELL);
                    g.setColor(share > 0.6 ? Color.WHITE : Color.BLACK);
                    String text = String.valueOf(count);
                    g.drawString(
                            text,
                            MARGIN + j * CELL + (CELL - fm.stringWidth(text)) / 2,
                            MARGIN + i * CELL + CELL / 2 + 6);
                }
            }
        } finally {
            g.dispose();
        }
        return Png.encode(image);
    }

    private static String clip(String label) {
        return label.length() > 14 ? label.substring(0, 13) + "…" : label;
    }
}
