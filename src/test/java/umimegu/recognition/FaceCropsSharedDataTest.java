package umimegu.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;
import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.HistorySettings;
import umimegu.history.HistoryStore;
import umimegu.history.PredictionRecord;
import umimegu.history.StatsQuery;
import umimegu.history.jdbc.JdbcHistoryStore;
import umimegu.model.Classifier;
import umimegu.model.InputSpec;
import umimegu.model.ModelInfo;
import umimegu.model.NetworkFactory;
import umimegu.model.StoredModel;
import umimegu.vision.CascadeFaceDetector;
import umimegu.vision.FaceSettings;
import umimegu.vision.ImageDecoder;

class FaceCropsSharedDataTest {
    @TempDir
    Path dir;

    private static FaceDetection detection() throws Exception {
        FaceSettings settings = new FaceSettings(
                "anime",
                URI.create("http://unused"),
                "9376d30ac38db6bda2a68b88b3b76bbd7e6aa33af47f7f5c76bc88ca75f1ce30",
                Path.of("unused"),
                Duration.ofSeconds(1),
                FaceSettings.Fallback.WHOLE_IMAGE,
                1.1,
                5,
                24,
                0.25,
                400);
        Path cascade = TestFixtures.sharedData("cascades").resolve("lbpcascade_animeface.xml");
        return FaceDetection.available(new CascadeFaceDetector(cascade, settings), 0.25);
    }

    @Test
    void trainingCropsTakeTheLargestFaceOrTheWholePicture() throws Exception {
        ImageDecoder decoder = new ImageDecoder();
        PictureFaces faces = new PictureFaces(decoder);
        Path megumiFile = TestFixtures.sharedData("millionlive").resolve("tokoro_megumi.png");
        BufferedImage megumi = decoder.decode(megumiFile);
        BufferedImage face = LargestFace.of(decoder.read(megumiFile), "megumi", faces, detection());
        long area = (long) face.getWidth() * face.getHeight();
        assertTrue(
                area < (long) megumi.getWidth() * megumi.getHeight() / 4 && face.getWidth() > 100,
                "crop " + face.getWidth());
        Path catFile = TestFixtures.sharedData("photos/noface").resolve("chelsea_cat.png");
        BufferedImage cat = LargestFace.of(decoder.read(catFile), "cat", faces, detection());
        assertEquals(decoder.decode(catFile).getWidth(), cat.getWidth(), "no face: the whole picture");
        assertEquals(0, Annotator.png(decoder.decode(catFile)).length - Annotator.png(cat).length);
    }

    @Test
    void keptCropsAreNamedByTheirHashAndReferencedFromTheHistory() throws Exception {
        InputSpec input = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
        Classifier classifier = new Classifier(new StoredModel(
                "m", null, NetworkFactory.create(input, 2, 1e-3, 1), new ModelInfo(List.of("megumi", "umi"), input)));
        AnswerFormatter answers = new AnswerFormatter(AnswerSettings.of("This is {label}: {percent}%", 1, Map.of()));
        Recognizer recognizer = new Recognizer(new ImageDecoder(), detection(), () -> classifier, answers);
        byte[] scene =
                Files.readAllBytes(TestFixtures.sharedData("anime_scenes").resolve("detect_01.jpg"));
        Recognition r = recognizer.recognize(scene, "detect_01.jpg");
        Path crops = dir.resolve("crops");
        try (HistoryStore store =
                JdbcHistoryStore.open(new HistorySettings("jdbc:h2:mem:crops;DB_CLOSE_DELAY=-1", "sa", ""))) {
            try (AsyncHistoryRecorder recorder = new AsyncHistoryRecorder(store)) {
                try (RecognitionLog log = new RecognitionLog(recorder, new CropFolder(crops, 1L << 30))) {
                    log.record(r, new Origin("console", null, "c", "u"));
                }
            }
            List<PredictionRecord> recorded = store.stats(new StatsQuery(null, null, null, null, null, 10))
                    .recent();
            assertEquals(6, recorded.size());
            for (PredictionRecord rec : recorded) {
                assertTrue(Files.isRegularFile(crops.resolve(rec.cropSha256() + ".png")), rec.cropSha256());
            }
        }
    }
}
