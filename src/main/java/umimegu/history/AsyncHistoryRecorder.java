package umimegu.history;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records predictions off the answer path: {@link #record} returns at once, one background thread
 * writes in order, a store error is logged and never reaches the user, and {@link #close} writes
 * everything still pending before it returns.
 */
public final class AsyncHistoryRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AsyncHistoryRecorder.class);
    private final HistoryStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "history-writer");
        t.setDaemon(true);
        return t;
    });

    public AsyncHistoryRecorder(HistoryStore store) {
        this.store = store;
    }

    public void record(List<PredictionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            writer.execute(() -> {
                try {
                    store.save(records);
                } catch (RuntimeException e) {
                    log.error("Could not record {} prediction(s) in the history: {}", records.size(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.error("History recorder is closed; {} prediction(s) not recorded", records.size());
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                log.error("History writes still pending after 30 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
