package umimegu.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import umimegu.model.EvaluationResult;

class ConfusionMatrixChartTest {
    private static final int CELL = 110;
    private static final int MARGIN = 170;

    /** Long label names (as eight characters' full names are) stay inside their own column. */
    @Test
    void aLongColumnNameStaysInItsColumn() throws Exception {
        List<String> labels = new ArrayList<>(List.of("akiyama_miohakurei_reimu", "", "", ""));
        int[][] confusion = new int[4][4];
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(ConfusionMatrixChart.png(
                new EvaluationResult(labels, 0, 0, confusion, new double[0], new boolean[0]))));
        boolean inked = false;
        for (int y = 40; y < MARGIN; y++) {
            for (int x = MARGIN; x < chart.getWidth(); x++) {
                if ((chart.getRGB(x, y) & 0xff) < 128) {
                    inked = true;
                    assertTrue(
                            x < MARGIN + CELL,
                            "the first column's name reaches x=" + x + " (its column ends at " + (MARGIN + CELL) + ")");
                }
            }
        }
        assertTrue(inked, "the name is drawn");
    }
}
