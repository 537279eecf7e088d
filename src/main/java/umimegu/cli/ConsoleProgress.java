package umimegu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import umimegu.model.EpochStats;
import umimegu.model.TrainingListener;

/**
 * Prints training progress: a bar within each epoch (only on a terminal, where it can be redrawn)
 * and one line per epoch.
 */
final class ConsoleProgress implements TrainingListener {
    private static final int BAR_WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private final int maxEpochs;

    ConsoleProgress(PrintWriter out, boolean terminal, int maxEpochs) {
        this.out = out;
        this.terminal = terminal;
        this.maxEpochs = maxEpochs;
    }

    @Override
    public void onStart(Path workDirectory, int trainingImages, int validationImages) {
        out.printf(
                "Training on %d images, validating on %d; curves are updated in %s%n",
                trainingImages, validationImages, workDirectory);
    }

    @Override
    public void onBatch(int epoch, int batchesDone, int batchesInEpoch) {
        if (!terminal) {
            return;
        }
        int filled = BAR_WIDTH * batchesDone / batchesInEpoch;
        out.printf(
                "\rEpoch %d/%d [%s%s] %d/%d",
                epoch, maxEpochs, "=".repeat(filled), " ".repeat(BAR_WIDTH - filled), batchesDone, batchesInEpoch);
        out.flush();
    }

    @Override
    public void onEpoch(EpochStats s, List<EpochStats> history) {
        if (terminal) {
            out.print("\r" + " ".repeat(BAR_WIDTH + 30) + "\r");
        }
        out.println(String.format(
                Locale.ROOT,
                "Epoch %d/%d - loss: %.4f - acc: %.4f - val_loss: %.4f - val_acc: %.4f - %.1fs",
                s.epoch(),
                maxEpochs,
                s.loss(),
                s.accuracy(),
                s.valLoss(),
                s.valAccuracy(),
                s.seconds()));
        out.flush();
    }
}
