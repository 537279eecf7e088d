package umimegu.usecase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.HistoryException;
import umimegu.history.HistoryStore;
import umimegu.history.StatsQuery;
import umimegu.history.StatsReport;
import umimegu.recognition.Origin;
import umimegu.recognition.Recognition;
import umimegu.recognition.RecognitionLog;

/**
 * The prediction history for one process: the store, its background recorder and the recognition
 * log, opened and closed together. When the database cannot be opened the session is a quiet
 * one: answers are not remembered, stats say why, and the reason is logged once.
 */
public final class HistorySession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HistorySession.class);

    private final HistoryStore store;
    private final AsyncHistoryRecorder recorder;
    private final RecognitionLog recognitions;
    private final String unavailableReason;

    private HistorySession(HistoryStore store, Path cropsDir, String unavailableReason) {
        this.store = store;
        this.recorder = store == null ? null : new AsyncHistoryRecorder(store);
        this.recognitions = store == null ? null : new RecognitionLog(recorder, cropsDir);
        this.unavailableReason = unavailableReason;
    }

    /** Opens the history with {@code opener}; on failure a session that records nothing, with the reason logged. */
    public static HistorySession open(Supplier<HistoryStore> opener, Path cropsDir) {
        try {
            return new HistorySession(opener.get(), cropsDir, null);
        } catch (HistoryException e) {
            log.warn("Predictions are not recorded: {}", e.getMessage());
            return none(e.getMessage());
        }
    }

    public static HistorySession none(String reason) {
        return new HistorySession(null, null, reason);
    }

    public boolean isAvailable() {
        return store != null;
    }

    /** Why the history is unavailable (null when it is available). */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** Remembers the answered faces, off the answer path; nothing when the history is unavailable. */
    public void record(Recognition recognition, Origin origin) {
        if (recognitions != null) {
            recognitions.record(recognition, origin);
        }
    }

    /** The figures, including the answers just given; empty when the history is unavailable. */
    public Optional<StatsReport> stats(StatsQuery query) {
        if (store == null) {
            return Optional.empty();
        }
        recorder.flush(Duration.ofSeconds(5));
        return Optional.of(store.stats(query));
    }

    /** Predictions that could not be written so far. */
    public long lost() {
        return recorder == null ? 0 : recorder.lost();
    }

    @Override
    public void close() {
        try {
            if (recorder != null) {
                recorder.close();
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }
}
