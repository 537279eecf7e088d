package umimegu.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import umimegu.model.Prediction;
import umimegu.vision.FaceBox;

/** On a crowded group picture no name hides another name or a face, and the names stay readable when shown small. */
class AnnotatorTest {
    private final AnswerFormatter answers = new AnswerFormatter(AnswerSettings.of(
            "This is {label}: {percent}%",
            1, Map.of("takamachi", "Takamachi Nanoha", "fate", "Fate Testarossa Harlaown")));

    /** Five faces side by side and touching, as in a group illustration. */
    private Recognition crowd(int width, int height) {
        List<FaceAnswer> faces = new ArrayList<>();
        String[] labels = {"takamachi", "fate", "takamachi", "fate", "takamachi"};
        for (int i = 0; i < 5; i++) {
            int side = width / 6;
            FaceBox box = new FaceBox(i * (side - 4) + 10, 40 + (i % 2) * 12, side, side);
            faces.add(new FaceAnswer(
                    i + 1, box, null, new Prediction(labels[i], 0.5 + i * 0.1, List.of(0.5, 0.5)), i == 0));
        }
        return new Recognition(
                "0".repeat(64),
                new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB),
                Recognition.Outcome.FACES,
                faces,
                "m",
                5);
    }

    private Annotator.Layout layout(Recognition r) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        try {
            Font font = new Font(
                    Font.SANS_SERIF,
                    Font.BOLD,
                    Math.max(13, Math.round(r.picture().getWidth() / 28f)));
            List<String> names = r.faces().stream()
                    .map(f -> answers.displayName(f.prediction().label()) + " 99.9%")
                    .toList();
            return Annotator.layout(
                    r.picture().getWidth(),
                    r.picture().getHeight(),
                    r.faces(),
                    names,
                    g.getFontMetrics(font),
                    g.getFontMetrics(font));
        } finally {
            g.dispose();
        }
    }

    @Test
    void namesNeverCoverANameOrAFace() {
        for (int width : new int[] {300, 640, 1600}) {
            Recognition r = crowd(width, width / 2);
            Annotator.Layout layout = layout(r);
            assertEquals(5, layout.names().size());
            for (int i = 0; i < 5; i++) {
                Rectangle name = layout.names().get(i);
                assertTrue(name.x >= 0 && name.x + name.width <= width, "inside the picture's width: " + name);
                for (int j = 0; j < 5; j++) {
                    assertFalse(name.intersects(layout.faces().get(j)), "name " + i + " covers face " + j);
                    if (j != i) {
                        assertFalse(name.intersects(layout.names().get(j)), "name " + i + " covers name " + j);
                        assertFalse(
                                layout.tags().get(i).intersects(layout.tags().get(j)), "tag " + i + " covers tag " + j);
                    }
                }
                assertTrue(layout.faces().get(i).contains(layout.tags().get(i)), "a number sits on its own box");
            }
        }
    }

    @Test
    void theDrawnPictureKeepsItsWidthAndGrowsAStripThatIsReadableAtPhoneSize() {
        Recognition r = crowd(1200, 600);
        BufferedImage annotated = Annotator.draw(r, answers);
        assertEquals(1200, annotated.getWidth());
        assertTrue(annotated.getHeight() > 600, "the names go under the picture");
        Annotator.Layout layout = layout(r);
        double shownAt400 = layout.names().get(0).height * 400.0 / 1200;
        assertTrue(shownAt400 >= 12, "text " + shownAt400 + " px high when a phone shows the picture 400 px wide");
    }

    @Test
    void aPictureWithoutBoxesIsLeftAsItIs() {
        Recognition whole = new Recognition(
                "0".repeat(64),
                new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB),
                Recognition.Outcome.NO_FACE,
                List.of(new FaceAnswer(1, null, null, new Prediction("fate", 0.9, List.of(0.1, 0.9)), false)),
                "m",
                5);
        BufferedImage out = Annotator.draw(whole, answers);
        assertEquals(100, out.getHeight());
    }
}
