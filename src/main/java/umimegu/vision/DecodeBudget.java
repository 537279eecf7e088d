package umimegu.vision;

import java.time.Duration;

/**
 * The heap that decoding may take at once, shared by every picture being looked at in this
 * process (the web page's uploads and the chat's workers alike): a picture waits until its share
 * is free, and after {@code wait} is refused as busy. A picture larger than the whole budget runs
 * alone. Eight uploads of a 36-megapixel 16-bit PNG once took the heap together, one at a time
 * they fit (docs/pictures.md).
 */
public final class DecodeBudget {
    /** Half the heap, for the whole process. */
    public static final DecodeBudget SHARED =
            new DecodeBudget(Runtime.getRuntime().maxMemory() / 2, Duration.ofSeconds(30));

    private final long capacity;
    private final Duration wait;
    private long used;

    public DecodeBudget(long capacity, Duration wait) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a decoding budget must be positive");
        }
        this.capacity = capacity;
        this.wait = wait;
    }

    /** A share of the budget, given back on close. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits until {@code bytes} of the budget are free and takes them; throws
     * {@link DecoderBusyException} naming {@code name} when they are not free within the wait.
     */
    public Lease acquire(long bytes, String name) {
        long share = Math.max(0, Math.min(bytes, capacity));
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (used + share > capacity) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DecoderBusyException(name + ": too many large pictures are being looked at right now;"
                            + " send it again in a minute");
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DecoderBusyException(name + ": not looked at (the server is stopping)");
                }
            }
            used += share;
        }
        return new Lease() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (DecodeBudget.this) {
                    if (!closed) {
                        closed = true;
                        used -= share;
                        DecodeBudget.this.notifyAll();
                    }
                }
            }
        };
    }
}
