package umimegu.usecase;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import umimegu.history.HistoryStore;
import umimegu.history.PredictionRecord;
import umimegu.history.SavingStore;
import umimegu.history.SharedLocks;
import umimegu.model.EpochStats;
import umimegu.model.PictureClassifier;
import umimegu.model.Prediction;
import umimegu.model.TrainingOutcome;
import umimegu.model.TrainingPlan;
import umimegu.model.TrainingReport;
import umimegu.teaching.AnsweredFace;
import umimegu.teaching.ChannelMode;
import umimegu.teaching.FeedbackReport;
import umimegu.teaching.FeedbackStore;
import umimegu.teaching.Judgement;
import umimegu.teaching.ReviewItem;

/** In-memory stand-ins for the use cases' ports: no DL4J, OpenCV or database behind them. */
final class Fakes {
    private Fakes() {}

    /** A model that only has a name and labels; it is never asked to predict here. */
    record Model(String modelId, List<String> labels) implements PictureClassifier {
        Model(String modelId) {
            this(modelId, List.of("megumi", "umi"));
        }

        @Override
        public List<Prediction> predictAll(List<BufferedImage> pictures) {
            throw new UnsupportedOperationException("a fake model does not predict");
        }
    }

    /** A finished training's outcome as a real training reports it, for model {@code id}. */
    static TrainingOutcome outcome(String id, Path directory) {
        List<EpochStats> history =
                List.of(new EpochStats(1, 0.9, 0.5, 0.8, 0.6, 1.0), new EpochStats(2, 0.5, 0.8, 0.4, 0.9, 1.0));
        TrainingReport report = new TrainingReport(
                List.of("megumi", "umi"),
                8,
                2,
                history,
                2,
                TrainingReport.StopReason.MAX_EPOCHS,
                List.of(),
                new TrainingPlan(8, 1, 2, 0),
                1.0,
                0.1,
                0.05,
                List.of(),
                List.of());
        return new TrainingOutcome(report, id, directory, Optional.empty());
    }

    /** Cluster-wide locks of one process: one holder per name; {@link #holdElsewhere} plays another process. */
    static final class Locks implements SharedLocks {
        final Set<String> held = ConcurrentHashMap.newKeySet();

        void holdElsewhere(String name) {
            held.add(name);
        }

        @Override
        public Optional<Held> tryLock(String name) {
            if (!held.add(name)) {
                return Optional.empty();
            }
            return Optional.of(() -> held.remove(name));
        }
    }

    /** A history that keeps what it is given. */
    static final class History {
        final List<PredictionRecord> saved = new ArrayList<>();
        final HistoryStore store = SavingStore.of(records -> {
            synchronized (saved) {
                saved.addAll(records);
            }
        });
    }

    /** Every feedback port in maps, as the JDBC adapter keeps them in tables. */
    static final class Feedback implements FeedbackStore {
        final Map<String, String> posts = new HashMap<>();
        final Map<String, List<AnsweredFace>> answers = new HashMap<>();
        final Map<Long, Judgement> judgements = new LinkedHashMap<>();
        final Map<Long, ReviewItem> pending = new LinkedHashMap<>();
        final Map<String, ChannelMode> modes = new HashMap<>();
        final Map<String, Verdicts> verdicts = new HashMap<>();
        final AtomicLong ids = new AtomicLong();
        int channelReads;

        @Override
        public void linkPost(String messageId, String answerId) {
            posts.put(messageId, answerId);
        }

        @Override
        public Optional<String> answerOfPost(String messageId) {
            return Optional.ofNullable(posts.get(messageId));
        }

        @Override
        public List<AnsweredFace> faces(String answerId) {
            return answers.getOrDefault(answerId, List.of());
        }

        @Override
        public long judge(Judgement judgement) {
            long id = ids.incrementAndGet();
            judgements.put(id, judgement);
            return id;
        }

        @Override
        public FeedbackReport feedback(Instant from, Instant to, String modelId, int topConfusions) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public Map<String, Verdicts> judgedPerModel() {
            return verdicts;
        }

        @Override
        public long queue(
                ReviewItem.Kind kind,
                String label,
                String saidLabel,
                String cropSha256,
                String userId,
                Long feedbackId,
                Instant at) {
            long id = ids.incrementAndGet();
            pending.put(id, new ReviewItem(id, kind, label, saidLabel, cropSha256, userId, feedbackId, at));
            return id;
        }

        @Override
        public List<ReviewItem> pending(int limit) {
            return pending.values().stream().limit(limit).toList();
        }

        @Override
        public Map<String, Long> pendingPerLabel() {
            Map<String, Long> counts = new HashMap<>();
            pending.values().forEach(i -> counts.merge(i.label(), 1L, Long::sum));
            return counts;
        }

        @Override
        public Optional<ReviewItem> decide(long id, boolean accept, String decidedBy, Instant at) {
            return Optional.ofNullable(pending.remove(id));
        }

        @Override
        public Optional<ChannelMode> channelMode(String channelId) {
            channelReads++;
            return Optional.ofNullable(modes.get(channelId));
        }

        @Override
        public void setChannelMode(String channelId, ChannelMode mode, String setBy, Instant at) {
            modes.put(channelId, mode);
        }
    }

    /** A history session over these fakes ({@code crops} may be null). */
    static HistorySession session(
            History history, Feedback feedback, Locks locks, umimegu.recognition.CropFolder crops) {
        return HistorySession.open(() -> history.store, store -> feedback, store -> locks, crops);
    }
}
