package umimegu.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.HistoryStore;
import umimegu.history.PredictionRecord;
import umimegu.history.SavingStore;
import umimegu.model.Prediction;

/** A burst of answers outruns the crop keeper: every answer must still reach the history. */
class RecognitionLogTest {
    @TempDir
    Path dir;

    @Test
    void aBurstFasterThanTheCropKeeperLosesNoAnswerEvenWhenClosedAtOnce() throws Exception {
        List<PredictionRecord> saved = new CopyOnWriteArrayList<>();
        BufferedImage noise = noise(700); // slow to compress: ~0.5 MB of PNG
        int answers = 3 * RecognitionLog.MAX_WAITING;
        try (AsyncHistoryRecorder recorder = new AsyncHistoryRecorder(listStore(saved))) {
            RecognitionLog log = new RecognitionLog(recorder, new CropFolder(dir.resolve("crops"), 1L << 30));
            for (int i = 0; i < answers; i++) {
                log.record(recognition("sha" + i, noise), Origin.cli(), "answer-" + i);
            }
            log.close(); // right away, with most crops still waiting
            assertTrue(recorder.flush(Duration.ofSeconds(30)));
        }
        assertEquals(answers, saved.size(), "every answer recorded");
        assertEquals(
                answers,
                saved.stream().map(PredictionRecord::imageSha256).distinct().count());
        long withCrop = saved.stream().filter(r -> r.cropSha256() != null).count();
        assertTrue(
                withCrop >= 1 && withCrop <= RecognitionLog.MAX_WAITING,
                "crops kept for the first answers only, not a pile-up: " + withCrop);
        try (var files = Files.list(dir.resolve("crops"))) {
            assertEquals(1, files.count(), "the same noise crop is one content-named file");
        }
    }

    @Test
    void flushWaitsForTheKeptCropsSoStatsSeeTheAnswers() throws Exception {
        List<PredictionRecord> saved = new CopyOnWriteArrayList<>();
        try (AsyncHistoryRecorder recorder = new AsyncHistoryRecorder(listStore(saved));
                RecognitionLog log = new RecognitionLog(recorder, new CropFolder(dir.resolve("crops"), 1L << 30))) {
            for (int i = 0; i < 10; i++) {
                log.record(recognition("sha" + i, noise(64 + i)), Origin.cli(), null);
            }
            assertTrue(log.flush(Duration.ofSeconds(30)));
            assertEquals(10, saved.size());
            assertTrue(saved.stream().allMatch(r -> r.cropSha256() != null), "each crop kept");
        }
    }

    private static Recognition recognition(String sha, BufferedImage crop) {
        FaceAnswer face = new FaceAnswer(1, null, crop, new Prediction("umi", 0.9, List.of(0.1, 0.9)), false);
        return new Recognition(sha, crop, Recognition.Outcome.NO_FACE, List.of(face), "model-1", 5);
    }

    private static BufferedImage noise(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        return image;
    }

    private static HistoryStore listStore(List<PredictionRecord> saved) {
        return SavingStore.of(saved::addAll);
    }
}
