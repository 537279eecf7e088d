package umimegu.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records predictions off the answer path: {@link #record} returns at once, one background thread
 * writes in order, a store error is logged and never reaches the user, and {@link #close} writes
 * everything still pending before it returns.
 *
 * <p>Whatever piled up while the previous write was running goes into the next one as a single
 * transaction (group commit): a durable commit costs a disk sync, so one per record would cap the
 * rate at the disk's sync rate. If a group fails, each submitted batch is retried on its own so one
 * bad batch does not take the others with it.
 */
public final class AsyncHistoryRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AsyncHistoryRecorder.class);
    private static final int MAX_GROUP_RECORDS = 2_000;
    private static final List<PredictionRecord> END = List.of();

    private final HistoryStore store;
    private final BlockingQueue<List<PredictionRecord>> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();

    public AsyncHistoryRecorder(HistoryStore store) {
        this.store = store;
        this.writer = new Thread(this::writeUntilClosed, "history-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public void record(List<PredictionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (closed) {
            log.error("History recorder is closed; {} prediction(s) not recorded", records.size());
            return;
        }
        submitted.incrementAndGet();
        pending.add(List.copyOf(records));
    }

    /**
     * Waits (at most {@code timeout}) until everything recorded so far is written or has failed,
     * so a stats query right after an answer includes it. Returns false on timeout.
     */
    public boolean flush(Duration timeout) {
        long target = submitted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (finished.get() < target) {
            if (System.nanoTime() > deadline || !writer.isAlive()) {
                return false;
            }
            LockSupport.parkNanos(2_000_000);
        }
        return true;
    }

    private void writeUntilClosed() {
        List<List<PredictionRecord>> group = new ArrayList<>();
        while (true) {
            try {
                group.add(pending.take());
            } catch (InterruptedException e) {
                log.error("History writer interrupted; {} batch(es) not recorded", pending.size());
                return;
            }
            int size = group.get(0).size();
            List<PredictionRecord> next;
            while (size < MAX_GROUP_RECORDS && (next = pending.poll()) != null) {
                group.add(next);
                size += next.size();
            }
            boolean end = group.remove(END);
            write(group);
            group.clear();
            if (end) {
                return;
            }
        }
    }

    private void write(List<List<PredictionRecord>> group) {
        try {
            save(group);
        } finally {
            finished.addAndGet(group.size());
        }
    }

    private void save(List<List<PredictionRecord>> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            store.save(group.stream().flatMap(List::stream).toList());
            return;
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                log.error("Could not record {} prediction(s) in the history: {}", group.get(0).size(), e.getMessage());
                return;
            }
        }
        for (List<PredictionRecord> batch : group) {
            try {
                store.save(batch);
            } catch (RuntimeException e) {
                log.error("Could not record {} prediction(s) in the history: {}", batch.size(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.add(END);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
            if (writer.isAlive()) {
                log.error("History writes still pending after 30 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
