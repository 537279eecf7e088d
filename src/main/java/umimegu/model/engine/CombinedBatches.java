package umimegu.model.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs the network for several threads at once: a DL4J network serves one call at a time, so the
 * pictures of callers that queue up behind a running call go through the network together in the
 * next call (one batch costs far less per picture than one picture each). Nobody waits for a batch
 * to fill: a lone caller runs at once. Rows come back in each caller's order.
 */
public final class CombinedBatches {
    /** Most pictures in one combined call; a caller's own batch is never split. */
    static final int MAX_ROWS = 64;

    private final MultiLayerNetwork network;
    private final Function<List<byte[]>, INDArray> toBatch;
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private long calls;

    /** {@code toBatch} turns the pictures' HWC bytes into the network's input batch. */
    public CombinedBatches(MultiLayerNetwork network, Function<List<byte[]>, INDArray> toBatch) {
        this.network = network;
        this.toBatch = toBatch;
    }

    private static final class Request {
        final List<byte[]> pixels;
        double[][] rows;
        RuntimeException error;
        boolean done;

        Request(List<byte[]> pixels) {
            this.pixels = pixels;
        }
    }

    /** The network's output rows for these pictures (HWC bytes), one per picture. */
    public double[][] output(List<byte[]> pixels) {
        Request mine = new Request(pixels);
        synchronized (waiting) {
            waiting.add(mine);
        }
        synchronized (network) {
            while (!mine.done) {
                runNext();
            }
        }
        if (mine.error != null) {
            throw mine.error;
        }
        return mine.rows;
    }

    /** How many times the network ran (for tests). */
    public long calls() {
        synchronized (network) {
            return calls;
        }
    }

    /** Takes waiting requests, oldest first, up to {@link #MAX_ROWS} pictures, and runs them as one batch. */
    private void runNext() {
        List<Request> taken = new ArrayList<>();
        List<byte[]> batch = new ArrayList<>();
        synchronized (waiting) {
            while (!waiting.isEmpty()
                    && (taken.isEmpty() || batch.size() + waiting.peek().pixels.size() <= MAX_ROWS)) {
                Request next = waiting.poll();
                taken.add(next);
                batch.addAll(next.pixels);
            }
        }
        calls++;
        try {
            double[][] out = network.output(toBatch.apply(batch), false).toDoubleMatrix();
            int row = 0;
            for (Request r : taken) {
                r.rows = new double[r.pixels.size()][];
                for (int i = 0; i < r.pixels.size(); i++) {
                    r.rows[i] = out[row++];
                }
            }
        } catch (RuntimeException e) {
            taken.forEach(r -> r.error = e);
        } finally {
            taken.forEach(r -> r.done = true);
        }
    }
}
