package umimegu.history;

import java.util.List;

/** Aggregates over the filtered history. */
public record StatsReport(long total, long notSure, List<LabelStats> perLabel, List<UserCount> topUsers,
                          List<PredictionRecord> recent) {

    public StatsReport {
        perLabel = List.copyOf(perLabel);
        topUsers = List.copyOf(topUsers);
        recent = List.copyOf(recent);
    }

    public record LabelStats(String label, long count, double meanProbability) {
    }

    public record UserCount(String userId, long count) {
    }
}
