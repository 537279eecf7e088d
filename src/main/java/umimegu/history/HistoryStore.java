package umimegu.history;

import java.util.List;

/** Where predictions are remembered and queried; the core sees only this port. */
public interface HistoryStore extends AutoCloseable {

    /** Stores the records in one transaction: all or none. */
    void save(List<PredictionRecord> records);

    StatsReport stats(StatsQuery query);

    @Override
    void close();
}
