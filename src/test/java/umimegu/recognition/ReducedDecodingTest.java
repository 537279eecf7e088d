package umimegu.recognition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import umimegu.common.Png;
import umimegu.model.Classifier;
import umimegu.model.InputSpec;
import umimegu.model.ModelInfo;
import umimegu.model.NetworkFactory;
import umimegu.model.StoredModel;
import umimegu.vision.FaceBox;
import umimegu.vision.FaceDetector;
import umimegu.vision.ImageDecoder;

/**
 * Large JPEGs are decoded at the size detection works at; faces too small there are cut from the
 * full picture; boxes are reported in the posted picture's pixels; answers and added pictures cut
 * the same crop.
 */
class ReducedDecodingTest {
    private static Classifier classifier;
    private final AnswerFormatter answers =
            new AnswerFormatter(AnswerSettings.of("This is {label}: {percent}%", 1, Map.of()));
    private final ImageDecoder decoder = new ImageDecoder();

    @BeforeAll
    static void untrainedModel() {
        InputSpec input = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
        classifier = new Classifier(new StoredModel(
                "m-test",
                null,
                NetworkFactory.create(input, 2, 1e-3, 1),
                new ModelInfo(List.of("megumi", "umi"), input)));
    }

    /** A detector that looks at 400 px and finds these boxes, given in the pixels of what it was shown. */
    private static FaceDetector detector(List<BufferedImage> seen, FaceBox... boxes) {
        return new FaceDetector() {
            @Override
            public List<FaceBox> detect(BufferedImage picture) {
                seen.add(picture);
                return List.of(boxes);
            }

            @Override
            public int detectionSide() {
                return 400;
            }
        };
    }

    @Test
    void aLargeJpegIsDecodedReducedInsideLibjpeg() throws Exception {
        byte[] jpeg = jpeg(2000, 1200);
        ImageDecoder.Reduced reduced = decoder.decodeReduced(jpeg, "big.jpg", 400);
        assertEquals(4, reduced.factor(), "2000 px: 1/4 is 500, 1/8 would be under 400");
        assertEquals(500, reduced.image().getWidth());
        assertEquals(300, reduced.image().getHeight());
        assertEquals(2000, reduced.width());
        assertEquals(1200, reduced.height());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, reduced.image().getType());
        BufferedImage full = decoder.decode(jpeg, "big.jpg");
        int[] a = rgb(reduced.image(), 255, 150);
        int[] b = rgb(full, 1021, 601); // inside a 50-px band
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(a[c] - b[c]) < 12, "same colours at the centre: " + a[c] + " vs " + b[c]);
        }
        assertEquals(
                1, decoder.decodeReduced(jpeg(700, 500), "small.jpg", 400).factor(), "700 px: 1/2 would be under 400");
        assertEquals(
                1,
                decoder.decodeReduced(
                                Png.encode(new BufferedImage(2000, 1200, BufferedImage.TYPE_3BYTE_BGR)), "big.png", 400)
                        .factor(),
                "only JPEG is decoded reduced");
    }

    @Test
    void exifOrientationIsAppliedToTheReducedPictureAndItsFullSize() throws Exception {
        java.nio.file.Path portrait = umimegu.TestFixtures.sharedData("odd").resolve("exif_orientation_6_portrait.jpg");
        byte[] bytes = decoder.read(portrait);
        BufferedImage full = decoder.decode(bytes, "portrait.jpg");
        ImageDecoder.Reduced reduced = decoder.decodeReduced(bytes, "portrait.jpg", 400);
        assertEquals(4, reduced.factor());
        assertEquals(full.getWidth(), reduced.width(), "the upright width, not the stored one");
        assertEquals(full.getHeight(), reduced.height());
        assertEquals(full.getWidth() / 4, reduced.image().getWidth());
        assertEquals(full.getHeight() / 4, reduced.image().getHeight());
        assertTrue(reduced.image().getHeight() > reduced.image().getWidth(), "upright, as the full decoding");
    }

    @Test
    void aLargeFaceIsCutFromTheReducedPictureAndBoxesAreInThePostedPicturesPixels() throws Exception {
        List<BufferedImage> seen = new java.util.ArrayList<>();
        Recognition r = oneFace(seen, new FaceBox(100, 60, 160, 160));
        assertEquals(500, seen.get(0).getWidth(), "detection saw the reduced picture");
        assertEquals(500, r.picture().getWidth(), "the annotated picture is drawn on it too");
        assertEquals(4.0, r.scale());
        assertEquals(240, r.faces().get(0).crop().getWidth(), "160 + 2 × 40 px, from the reduced picture");
        assertEquals(new FaceBox(400, 240, 640, 640), r.originalBox(r.faces().get(0)));
    }

    @Test
    void aSmallFaceIsCutFromTheFullPicture() throws Exception {
        Recognition r = oneFace(new java.util.ArrayList<>(), new FaceBox(100, 60, 40, 40));
        assertEquals(240, r.faces().get(0).crop().getWidth(), "(40 + 2 × 10) × 4 px from the full picture, not 60");
        assertEquals(new FaceBox(400, 240, 160, 160), r.originalBox(r.faces().get(0)));
    }

    @Test
    void severalFacesAreAnsweredOnALargerCopySoTheAnnotatedPictureStaysLegible() throws Exception {
        FaceDetector two =
                detector(new java.util.ArrayList<>(), new FaceBox(50, 50, 100, 100), new FaceBox(300, 100, 100, 100));
        Recognition r = new Recognizer(decoder, FaceDetection.available(two, 0.25), () -> classifier, answers)
                .recognize(jpeg(3000, 1800), "group.jpg");
        assertEquals(1500, r.picture().getWidth(), "1/2 of 3000: at least 1280 px");
        assertEquals(2.0, r.scale());
        // found at 1/4 (750 px), drawn at 1/2: boxes ×2 there, ×4 in the upload's pixels
        assertEquals(
                List.of(new FaceBox(200, 200, 400, 400), new FaceBox(1200, 400, 400, 400)),
                r.faces().stream().map(r::originalBox).toList());
        assertEquals(1500, Annotator.draw(r, answers).getWidth());
        assertEquals(300, r.faces().get(0).crop().getWidth(), "200 px at 1/2 + 2 × 50 px margin");
    }

    @Test
    void answersAndAddedPicturesCutTheSameCropSoDuplicatesAreRecognised() throws Exception {
        byte[] jpeg = jpeg(2000, 1200);
        for (FaceBox box : List.of(new FaceBox(100, 60, 160, 160), new FaceBox(100, 60, 40, 40))) {
            FaceDetection detection = FaceDetection.available(detector(new java.util.ArrayList<>(), box), 0.25);
            BufferedImage answered = new Recognizer(decoder, detection, () -> classifier, answers)
                    .recognize(jpeg, "big.jpg")
                    .faces()
                    .get(0)
                    .crop();
            BufferedImage added = new FaceFinder(decoder, () -> detection)
                    .crops(jpeg, "big.jpg")
                    .get(0);
            assertArrayEquals(Png.encode(answered), Png.encode(added), "same crop bytes for " + box);
        }
    }

    /** A 2000×1200 JPEG answered by a detector that finds {@code box} in what it is shown. */
    private Recognition oneFace(List<BufferedImage> seen, FaceBox box) throws Exception {
        return new Recognizer(decoder, FaceDetection.available(detector(seen, box), 0.25), () -> classifier, answers)
                .recognize(jpeg(2000, 1200), "big.jpg");
    }

    private static int[] rgb(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return new int[] {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
    }

    /** Smooth colour bands: a JPEG whose reduced and full decodings can be compared. */
    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        for (int x = 0; x < width; x += 50) {
            g.setColor(new Color((x * 7) % 256, (x * 3) % 256, 200 - (x / 20) % 150));
            g.fillRect(x, 0, 50, height);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "jpg", out));
        return out.toByteArray();
    }
}
