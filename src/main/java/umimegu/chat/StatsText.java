package umimegu.chat;

import java.util.Locale;

import umimegu.history.PredictionRecord;
import umimegu.history.StatsReport;

/** The compact stats table, shared by the CLI and the chat. */
public final class StatsText {
    private StatsText() {
    }

    public static String format(StatsReport report, int recent) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Predictions: %d, not sure: %d%n", report.total(), report.notSure()));
        if (report.total() == 0) {
            return s.toString();
        }
        s.append(String.format("%n%-24s %8s %8s%n", "label", "count", "mean %"));
        for (var l : report.perLabel()) {
            s.append(String.format(Locale.ROOT, "%-24s %8d %8.1f%n", l.label(), l.count(), l.meanProbability() * 100));
        }
        if (!report.topUsers().isEmpty()) {
            s.append(String.format("%n%-24s %8s%n", "top users", "count"));
            report.topUsers().forEach(u -> s.append(String.format("%-24s %8d%n", u.userId(), u.count())));
        }
        if (recent > 0 && !report.recent().isEmpty()) {
            s.append(String.format("%nlast predictions (UTC):%n"));
            for (PredictionRecord r : report.recent().subList(0, Math.min(recent, report.recent().size()))) {
                s.append(String.format(Locale.ROOT, "%s  %-8s %-20s %5.1f%%  %s  %s%n", r.time().toString().substring(0, 19),
                        r.source(), r.label(), r.probability() * 100, r.imageSha256().substring(0, 12),
                        r.userId() == null ? "" : "user " + r.userId()));
            }
        }
        return s.toString();
    }
}
