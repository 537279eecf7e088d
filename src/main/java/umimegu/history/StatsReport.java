package umimegu.history;

import java.util.List;

/** Aggregates over the filtered history. */
public record StatsReport(
        long total,
        long notSure,
        List<LabelStats> perLabel,
        List<UserCount> topUsers,
        List<PredictionRecord> recent,
        List<DayCount> perDay) {

    public StatsReport {
        perLabel = List.copyOf(perLabel);
        topUsers = List.copyOf(topUsers);
        recent = List.copyOf(recent);
        perDay = List.copyOf(perDay);
    }

    public record LabelStats(String label, long count, double meanProbability) {}

    /** Predictions of one label on one UTC day; days without any are absent. */
    public record DayCount(java.time.LocalDate day, String label, long count) {}

    public record UserCount(String userId, long count) {}
}
