package umimegu.history;

import java.util.List;
import java.util.function.Consumer;

/** A history store for tests that only saves, through the given action (which may fail as a database would). */
public final class SavingStore implements HistoryStore {
    private final Consumer<List<PredictionRecord>> save;

    private SavingStore(Consumer<List<PredictionRecord>> save) {
        this.save = save;
    }

    public static HistoryStore of(Consumer<List<PredictionRecord>> save) {
        return new SavingStore(save);
    }

    @Override
    public synchronized void save(List<PredictionRecord> records) {
        save.accept(records);
    }

    @Override
    public StatsReport stats(StatsQuery query) {
        throw new UnsupportedOperationException("a saving store answers no statistics");
    }

    @Override
    public void close() {}
}
