package umimegu.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import umimegu.history.jdbc.JdbcHistoryStore;

/**
 * A separate bot process writing its answers: {@code url user password name count} saves
 * {@code count} records one transaction each, spread over three UTC days, then exits.
 */
public final class ProcessWriterChild {
    public static void main(String[] args) {
        write(new HistorySettings(args[0], args[1], args[2]), args[3], Integer.parseInt(args[4]));
    }

    static void write(HistorySettings settings, String user, int count) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        try (HistoryStore store = JdbcHistoryStore.open(settings)) {
            for (int i = 0; i < count; i++) {
                Instant when = today.minus(i % 3, ChronoUnit.DAYS).plusSeconds(3600);
                store.save(List.of(
                        HistoryRecords.record(when, user, "c" + (i % 2), i % 2 == 0 ? "megumi" : "umi", 0.75, i)));
            }
        }
    }
}
