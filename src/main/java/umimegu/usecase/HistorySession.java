package umimegu.usecase;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.HistoryException;
import umimegu.history.HistoryStore;
import umimegu.history.SharedLocks;
import umimegu.history.StatsQuery;
import umimegu.history.StatsReport;
import umimegu.recognition.CropFolder;
import umimegu.recognition.Origin;
import umimegu.recognition.Recognition;
import umimegu.recognition.RecognitionLog;
import umimegu.teaching.AnswerPosts;
import umimegu.teaching.ChannelModeStore;
import umimegu.teaching.FeedbackStore;
import umimegu.teaching.Judgements;
import umimegu.teaching.ReviewQueue;

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
    private final FeedbackStore feedback;
    private final SharedLocks locks;
    private final CropFolder crops;
    private final String unavailableReason;

    private HistorySession(
            HistoryStore store, FeedbackStore feedback, SharedLocks locks, CropFolder crops, String unavailableReason) {
        this.store = store;
        this.feedback = feedback;
        this.locks = locks;
        this.crops = crops;
        this.recorder = store == null ? null : new AsyncHistoryRecorder(store);
        this.recognitions = store == null ? null : new RecognitionLog(recorder, crops);
        this.unavailableReason = unavailableReason;
    }

    /** Opens the history with {@code opener}; on failure a session that records nothing, with the reason logged. */
    public static HistorySession open(Supplier<HistoryStore> opener, CropFolder crops) {
        return open(opener, store -> null, crops);
    }

    /**
     * Opens the history and, on the same database, the feedback store ({@code feedback} may give
     * null where the store keeps no feedback). Crops are kept in {@code crops} (null: not kept).
     */
    public static HistorySession open(
            Supplier<HistoryStore> opener, Function<HistoryStore, FeedbackStore> feedback, CropFolder crops) {
        return open(opener, feedback, store -> null, crops);
    }

    /** As above, with the locks every process sharing the database sees ({@code locks} may give null). */
    public static HistorySession open(
            Supplier<HistoryStore> opener,
            Function<HistoryStore, FeedbackStore> feedback,
            Function<HistoryStore, SharedLocks> locks,
            CropFolder crops) {
        try {
            HistoryStore store = opener.get();
            if (crops != null) {
                crops.prune();
            }
            return new HistorySession(store, feedback.apply(store), locks.apply(store), crops, null);
        } catch (HistoryException e) {
            log.warn("Predictions are not recorded: {}", e.getMessage());
            return none(e.getMessage());
        }
    }

    public static HistorySession none(String reason) {
        return new HistorySession(null, null, null, null, reason);
    }

    /** Which post carried which answer; empty when the history keeps no feedback. */
    public Optional<AnswerPosts> posts() {
        return Optional.ofNullable(feedback);
    }

    /** Users' verdicts; empty when the history keeps no feedback. */
    public Optional<Judgements> judgements() {
        return Optional.ofNullable(feedback);
    }

    /** The review queue; empty when the history keeps no feedback. */
    public Optional<ReviewQueue> reviews() {
        return Optional.ofNullable(feedback);
    }

    /** Channel modes; empty when the history keeps no feedback. */
    public Optional<ChannelModeStore> channelModes() {
        return Optional.ofNullable(feedback);
    }

    /** Cluster-wide locks (one training for all bot processes); empty when the history is unavailable. */
    public Optional<SharedLocks> locks() {
        return Optional.ofNullable(locks);
    }

    /** Kept face crops; empty when they are not kept. */
    public Optional<CropFolder> crops() {
        return Optional.ofNullable(crops);
    }

    /** Waits (briefly) until the answers given so far are stored, so feedback on them finds them. */
    public void flush() {
        if (recognitions != null) {
            recognitions.flush(Duration.ofSeconds(5));
        }
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
        record(recognition, origin, null);
    }

    /** As {@link #record(Recognition, Origin)}, tied to the answer that carried these faces. */
    public void record(Recognition recognition, Origin origin, String answerId) {
        if (recognitions != null) {
            recognitions.record(recognition, origin, answerId);
        }
    }

    /** The figures, including the answers just given; empty when the history is unavailable. */
    public Optional<StatsReport> stats(StatsQuery query) {
        if (store == null) {
            return Optional.empty();
        }
        recognitions.flush(Duration.ofSeconds(5));
        return Optional.of(store.stats(query));
    }

    /** Predictions that could not be written so far. */
    public long lost() {
        return recorder == null ? 0 : recorder.lost();
    }

    @Override
    public void close() {
        try {
            if (recognitions != null) {
                recognitions.close(); // the crops still being kept go to the recorder first
            }
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
