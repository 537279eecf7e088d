package umimegu.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import umimegu.model.Classifier;
import umimegu.model.InputSpec;
import umimegu.model.ModelInfo;
import umimegu.model.NetworkFactory;
import umimegu.model.StoredModel;
import umimegu.vision.FaceBox;
import umimegu.vision.FaceSettings;
import umimegu.vision.ImageDecoder;

/** The recognizer with a fake detector: numbering, crops, fallbacks. (Real detection: FaceDetectionSharedDataTest.) */
class RecognizerTest {
    private static Classifier classifier;
    private final AnswerFormatter answers =
            new AnswerFormatter(AnswerSettings.of("This is {label}: {percent}%", 1, Map.of()));

    @BeforeAll
    static void untrainedModel() {
        InputSpec input = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
        classifier = new Classifier(new StoredModel(
                "m-test",
                null,
                NetworkFactory.create(input, 2, 1e-3, 1),
                new ModelInfo(List.of("megumi", "umi"), input)));
    }

    private static byte[] picture() {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.PINK);
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        return Annotator.png(image);
    }

    @Test
    void facesAreNumberedLeftToRightAndCroppedWithTheMargin() throws Exception {
        List<FaceBox> found =
                List.of(new FaceBox(200, 20, 40, 40), new FaceBox(10, 100, 40, 40), new FaceBox(100, 50, 50, 50));
        Recognizer recognizer = new Recognizer(
                new ImageDecoder(), FaceDetection.available(p -> found, 0.25), () -> classifier, answers);
        Recognition r = recognizer.recognize(picture(), "group.png");
        assertEquals(Recognition.Outcome.FACES, r.outcome());
        assertEquals(
                List.of(10, 100, 200), r.faces().stream().map(f -> f.box().x()).toList());
        assertEquals(
                List.of(1, 2, 3), r.faces().stream().map(FaceAnswer::number).toList());
        assertEquals(60, r.faces().get(0).crop().getWidth(), "40 px box + 25% each side");
        assertEquals(76, r.faces().get(1).crop().getWidth(), "50 px box + 12.5 px rounded up, each side");
        List<String> lines = AnswerLines.of(r, answers);
        assertEquals(3, lines.size());
        assertTrue(
                lines.get(0).matches("Face 1: (This is|Not sure — closest is) (Megumi|Umi): \\d+\\.\\d%"),
                lines.get(0));
        assertEquals("m-test", r.modelId());
        BufferedImage annotated = Annotator.draw(r, answers);
        assertEquals(300, annotated.getWidth());
    }

    @Test
    void noFaceMeansTheWholePictureWithANote() throws Exception {
        Recognizer recognizer = new Recognizer(
                new ImageDecoder(), FaceDetection.available(p -> List.of(), 0.25), () -> classifier, answers);
        Recognition r = recognizer.recognize(picture(), "landscape.png");
        assertEquals(Recognition.Outcome.NO_FACE, r.outcome());
        assertNull(r.faces().get(0).box());
        assertTrue(AnswerLines.of(r, answers).get(0).endsWith("(no face found, so the whole picture was classified)"));
    }

    @Test
    void withoutADetectorTheFallbackDecides() throws Exception {
        Recognition whole = new Recognizer(
                        new ImageDecoder(),
                        FaceDetection.unavailable("offline", FaceSettings.Fallback.WHOLE_IMAGE),
                        () -> classifier,
                        answers)
                .recognize(picture(), "p.png");
        assertEquals(1, whole.faces().size());
        Recognition skipped = new Recognizer(
                        new ImageDecoder(),
                        FaceDetection.unavailable("offline", FaceSettings.Fallback.SKIP),
                        () -> classifier,
                        answers)
                .recognize(picture(), "p.png");
        assertEquals(Recognition.Outcome.SKIPPED, skipped.outcome());
        assertEquals(List.of(), skipped.faces());
        assertTrue(AnswerLines.of(skipped, answers).get(0).contains("not classified"));
    }
}
