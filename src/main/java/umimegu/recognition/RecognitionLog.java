package umimegu.recognition;

import java.time.Instant;
import java.util.List;

import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.PredictionRecord;

/**
 * Remembers every answered face in the history (off the answer path) and, when a crop folder is
 * set, keeps each face crop for later relabelling.
 */
public final class RecognitionLog {
    private final AsyncHistoryRecorder recorder;
    private final CropFolder crops;

    public RecognitionLog(AsyncHistoryRecorder recorder, CropFolder crops) {
        this.recorder = recorder;
        this.crops = crops;
    }

    public void record(Recognition r, Origin origin) {
        record(r, origin, null);
    }

    /** {@code answerId} ties the faces to the reply that answered them, so feedback on the reply finds them. */
    public void record(Recognition r, Origin origin, String answerId) {
        Instant now = Instant.now();
        List<PredictionRecord> records = r.faces().stream().map(f -> new PredictionRecord(now, origin.source(),
                origin.guildId(), origin.channelId(), origin.userId(), r.imageSha256(), f.number() - 1,
                f.box() == null ? null : new PredictionRecord.Box(f.box().x(), f.box().y(), f.box().width(), f.box().height()),
                f.prediction().label(), f.prediction().probability(), f.prediction().probabilities(), f.unsure(),
                r.modelId(), r.latencyMs(), crops == null ? null : crops.keep(f.crop()), answerId)).toList();
        recorder.record(records);
    }

    /** Waits briefly until what was recorded so far is stored, so stats include it. */
    public void flush() {
        recorder.flush(java.time.Duration.ofSeconds(5));
    }
}
