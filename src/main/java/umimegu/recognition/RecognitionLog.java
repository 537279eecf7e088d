package umimegu.recognition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.PredictionRecord;
import umimegu.vision.FaceBox;

/**
 * Remembers every answered face in the history and, when a crop folder is set, keeps each face
 * crop for later relabelling. Both happen off the answer path (encoding a crop to PNG is a
 * noticeable share of an answer: docs/chat.md), so it runs on one background thread, in order,
 * before the records go to the recorder. The answers always reach the recorder; the crops are a
 * cache: when more than {@link #MAX_WAITING} answers wait for the keeper (a burst outran it), or
 * when closing takes too long, answers are recorded without their crops instead of piling up.
 */
public final class RecognitionLog implements AutoCloseable {
    static final int MAX_WAITING = 64;
    private static final Logger log = LoggerFactory.getLogger(RecognitionLog.class);
    private final AsyncHistoryRecorder recorder;
    private final CropFolder crops;
    private final ExecutorService keeper;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger cropsSkipped = new AtomicInteger();
    private volatile boolean closing;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    public RecognitionLog(AsyncHistoryRecorder recorder, CropFolder crops) {
        this.recorder = recorder;
        this.crops = crops;
        this.keeper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "crop-keeper");
            t.setDaemon(true);
            return t;
        });
    }

    public void record(Recognition r, Origin origin) {
        record(r, origin, null);
    }

    /** {@code answerId} ties the faces to the reply that answered them, so feedback on the reply finds them. */
    public synchronized void record(Recognition r, Origin origin, String answerId) {
        Instant now = Instant.now();
        List<FaceAnswer> faces = r.faces(); // not the Recognition: it holds the whole picture
        List<FaceBox> boxes = faces.stream().map(r::originalBox).toList(); // in the posted picture's pixels
        String sha = r.imageSha256();
        String modelId = r.modelId();
        long latencyMs = r.latencyMs();
        boolean keepCrops = crops != null && waiting.incrementAndGet() <= MAX_WAITING;
        if (crops != null && !keepCrops) {
            cropsSkipped.incrementAndGet();
        }
        Runnable store = () -> {
            try {
                List<PredictionRecord> records = new ArrayList<>();
                for (int i = 0; i < faces.size(); i++) {
                    FaceAnswer f = faces.get(i);
                    FaceBox b = boxes.get(i);
                    records.add(new PredictionRecord(
                            now,
                            origin.source(),
                            origin.guildId(),
                            origin.channelId(),
                            origin.userId(),
                            sha,
                            f.number() - 1,
                            b == null ? null : new PredictionRecord.Box(b.x(), b.y(), b.width(), b.height()),
                            f.prediction().label(),
                            f.prediction().probability(),
                            f.prediction().probabilities(),
                            f.unsure(),
                            modelId,
                            latencyMs,
                            keepCrops && !closing ? crops.keep(f.crop()) : null,
                            answerId));
                }
                recorder.record(records);
            } finally {
                if (crops != null) {
                    waiting.decrementAndGet();
                }
            }
        };
        last = last.thenRunAsync(store, keeper).exceptionally(e -> {
            log.error("Could not record an answer: {}", e.getMessage());
            return null;
        });
    }

    /** Waits (at most {@code timeout}) until what was recorded so far is stored, so stats and feedback include it. */
    public boolean flush(Duration timeout) {
        long start = System.nanoTime();
        if (!kept(timeout)) {
            return false;
        }
        return recorder.flush(timeout.minusNanos(System.nanoTime() - start));
    }

    private boolean kept(Duration timeout) {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = last;
        }
        try {
            pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true; // logged where it happened
        }
    }

    /**
     * Waits (bounded) for the crops still being kept; what is still waiting after that goes to the
     * recorder without its crop, so no answer is lost. Then stops the background thread; the
     * recorder stays open.
     */
    @Override
    public void close() {
        if (!kept(Duration.ofSeconds(5))) {
            closing = true;
            log.warn("Still keeping face crops after 5 s at shutdown; the remaining answers are recorded without them");
            kept(Duration.ofSeconds(30));
        }
        if (cropsSkipped.get() > 0) {
            log.warn(
                    "{} face crop(s) were not kept: answers came faster than crops could be saved", cropsSkipped.get());
        }
        keeper.shutdown();
    }
}
