package umimegu.history;

import java.time.Instant;
import java.util.List;

final class HistoryRecords {
    private HistoryRecords() {}

    static PredictionRecord record(Instant time, String user, String channel, String label, double p, int index) {
        return new PredictionRecord(
                time,
                "discord",
                "1",
                channel,
                user,
                "a".repeat(64),
                index,
                new PredictionRecord.Box(1, 2, 30, 40),
                label,
                p,
                List.of(p, 1 - p),
                p < 0.6,
                "m1",
                12,
                null,
                null);
    }
}
