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
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong pendingRecords = new AtomicLong();
    /** After a failed write the store is left alone until then (a full disk stays full for a while). */
    private volatile long pausedUntilNanos;

    private long pause = FIRST_PAUSE_NANOS;
    private static final long FIRST_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final long CLOSE_WAIT_MS = 5_000;
    private static final int FAILURES_BEFORE_PAUSE = 3;
    private int failuresInARow;

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
        pendingRecords.addAndGet(records.size());
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
        int records = group.stream().mapToInt(List::size).sum();
        try {
            if (System.nanoTime() < pausedUntilNanos) {
                lose(records, null);
            } else {
                save(group);
            }
        } finally {
            pendingRecords.addAndGet(-records);
            finished.addAndGet(group.size());
        }
    }

    private void save(List<List<PredictionRecord>> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            store.save(group.stream().flatMap(List::stream).toList());
            worked();
            return;
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                lose(group.get(0).size(), e);
                return;
            }
        }
        boolean anySaved = false;
        for (List<PredictionRecord> batch : group) {
            try {
                store.save(batch);
                anySaved = true;
            } catch (RuntimeException e) {
                lose(batch.size(), e);
            }
        }
        if (anySaved) { // the store works: what failed was the data, not the disk
            worked();
        }
    }

    private void worked() {
        failuresInARow = 0;
        pause = FIRST_PAUSE_NANOS;
        pausedUntilNanos = 0;
    }

    /**
     * Counts records that will not be written. One failed write may be bad data; several in a row
     * mean the store itself is failing (a full disk), which is then left alone for a while, longer
     * each time, instead of being retried with every answer.
     */
    private void lose(int records, RuntimeException cause) {
        long total = lost.addAndGet(records);
        if (cause == null) {
            return;
        }
        if (++failuresInARow < FAILURES_BEFORE_PAUSE) {
            log.error(
                    "Could not record {} prediction(s) in the history ({} lost so far): {}",
                    records,
                    total,
                    cause.getMessage());
            return;
        }
        pausedUntilNanos = System.nanoTime() + pause;
        log.error(
                "Could not record {} prediction(s) in the history ({} lost so far); {} failures in a row, so not "
                        + "trying again for {} s: {}",
                records,
                total,
                failuresInARow,
                TimeUnit.NANOSECONDS.toSeconds(pause),
                cause.getMessage());
        pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
    }

    /** Predictions that could not be written (store errors, or dropped while the store was left alone). */
    public long lost() {
        return lost.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.add(END);
        try {
            writer.join(CLOSE_WAIT_MS);
            if (writer.isAlive()) {
                log.error(
                        "History: {} prediction(s) still unwritten after {} s at shutdown and given up; {} lost before",
                        pendingRecords.get(),
                        CLOSE_WAIT_MS / 1000,
                        lost.get());
            } else if (lost.get() > 0) {
                log.error("History: {} prediction(s) could not be recorded in this run", lost.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
