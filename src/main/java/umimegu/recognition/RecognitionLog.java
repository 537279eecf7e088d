package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.PredictionRecord;
import umimegu.common.Sha256;

/**
 * Remembers every answered face in the history (off the answer path) and, when {@code cropsDir}
 * is set, keeps each face crop as {@code <sha256>.png} for later relabelling.
 */
public final class RecognitionLog {
    private static final Logger log = LoggerFactory.getLogger(RecognitionLog.class);
    private final AsyncHistoryRecorder recorder;
    private final Path cropsDir;

    public RecognitionLog(AsyncHistoryRecorder recorder, Path cropsDir) {
        this.recorder = recorder;
        this.cropsDir = cropsDir;
    }

    public void record(Recognition r, Origin origin) {
        Instant now = Instant.now();
        List<PredictionRecord> records = r.faces().stream().map(f -> new PredictionRecord(now, origin.source(),
                origin.guildId(), origin.channelId(), origin.userId(), r.imageSha256(), f.number() - 1,
                f.box() == null ? null : new PredictionRecord.Box(f.box().x(), f.box().y(), f.box().width(), f.box().height()),
                f.prediction().label(), f.prediction().probability(), f.prediction().probabilities(), f.unsure(),
                r.modelId(), r.latencyMs(), keep(f.crop()))).toList();
        recorder.record(records);
    }

    /** Waits briefly until what was recorded so far is stored, so stats include it. */
    public void flush() {
        recorder.flush(java.time.Duration.ofSeconds(5));
    }

    private String keep(BufferedImage crop) {
        if (cropsDir == null) {
            return null;
        }
        try {
            byte[] png = Annotator.png(crop);
            String sha = Sha256.hex(png);
            Path target = cropsDir.resolve(sha + ".png");
            if (!Files.exists(target)) {
                Files.createDirectories(cropsDir);
                Path tmp = Files.createTempFile(cropsDir, sha, ".part");
                Files.write(tmp, png);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return sha;
        } catch (IOException | RuntimeException e) {
            log.error("Could not keep a face crop in {}: {}", cropsDir, e.getMessage());
            return null;
        }
    }
}
