package umimegu.recognition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.PredictionRecord;

/**
 * Remembers every answered face in the history and, when a crop folder is set, keeps each face
 * crop for later relabelling. Both happen off the answer path: encoding a crop to PNG cost about a
 * sixth of an answer in the chat burst (profiled), so it runs on one background thread, in order,
 * before the records go to the recorder.
 */
public final class RecognitionLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecognitionLog.class);
    private final AsyncHistoryRecorder recorder;
    private final CropFolder crops;
    private final ExecutorService keeper;
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
        last = last.thenRunAsync(() -> recorder.record(r.faces().stream().map(f -> new PredictionRecord(now,
                origin.source(), origin.guildId(), origin.channelId(), origin.userId(), r.imageSha256(), f.number() - 1,
                f.box() == null ? null : new PredictionRecord.Box(f.box().x(), f.box().y(), f.box().width(), f.box().height()),
                f.prediction().label(), f.prediction().probability(), f.prediction().probabilities(), f.unsure(),
                r.modelId(), r.latencyMs(), crops == null ? null : crops.keep(f.crop()), answerId)).toList()), keeper)
                .exceptionally(e -> {
                    log.error("Could not record an answer: {}", e.getMessage());
                    return null;
                });
    }

    /** Waits (at most {@code timeout}) until what was recorded so far is stored, so stats and feedback include it. */
    public boolean flush(Duration timeout) {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = last;
        }
        long start = System.nanoTime();
        try {
            pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            // logged where it happened
        }
        return recorder.flush(timeout.minusNanos(System.nanoTime() - start));
    }

    /** Waits for the crops still being kept (bounded), then stops the background thread; the recorder stays open. */
    @Override
    public void close() {
        flush(Duration.ofSeconds(5));
        keeper.shutdown();
    }
}
