package umimegu.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The per-epoch history as CSV, one row per epoch. */
public final class HistoryCsv {
    public static final String FILE = "history.csv";
    static final String HEADER = "epoch,loss,accuracy,val_loss,val_accuracy,seconds";

    private HistoryCsv() {}

    public static void write(List<EpochStats> history, Path directory) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochStats s : history) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%d,%.6f,%.6f,%.6f,%.6f,%.3f%n",
                    s.epoch(),
                    s.loss(),
                    s.accuracy(),
                    s.valLoss(),
                    s.valAccuracy(),
                    s.seconds()));
        }
        Files.writeString(directory.resolve(FILE), csv, StandardCharsets.UTF_8);
    }
}
