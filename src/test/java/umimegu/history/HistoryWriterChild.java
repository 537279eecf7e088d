package umimegu.history;

import java.time.Instant;
import java.util.List;
import umimegu.history.jdbc.JdbcHistoryStore;

/** Child process for the crash test: writes forever, printing each index once its save has returned. */
public final class HistoryWriterChild {
    public static void main(String[] args) {
        HistoryStore store = JdbcHistoryStore.open(new HistorySettings(args[0], "sa", ""));
        for (int i = 0; ; i++) {
            store.save(List.of(HistoryRecords.record(Instant.now(), "child", "c", "megumi", 0.9, i)));
            System.out.println(i);
            System.out.flush();
        }
    }
}
