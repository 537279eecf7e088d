package umimegu.chat;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat's bounded pool: a command's slow part and every picture run here, never on the
 * platform's event thread. A full queue gets a polite "too busy"; a failure a polite apology.
 */
public final class ChatWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatWorkers.class);
    private final ThreadPoolExecutor pool;
    /** Work submitted and not finished; the pool's own counts miss a task between queue and worker. */
    private final AtomicInteger pending = new AtomicInteger();

    public ChatWorkers(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool =
                new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(500), r -> {
                    Thread t = new Thread(r, "chat-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Runs {@code work} on the pool; what goes wrong is told in {@code conversation}. */
    public void submit(Conversation conversation, Runnable work) {
        try {
            pending.incrementAndGet();
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Chat work failed", e);
                    Replies.send(conversation, Reply.text("Something went wrong on my side; please try again."));
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            Replies.send(conversation, Reply.text("I'm too busy right now — please try again in a minute."));
        }
    }

    /** Whether work is queued or running (a training gives way to it). */
    public boolean busy() {
        return pending.get() > 0;
    }

    /** Waits until queued work is done; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Finishes queued work (bounded wait) and stops the pool. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
