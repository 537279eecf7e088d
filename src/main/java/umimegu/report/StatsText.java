package umimegu.report;

import java.util.Locale;
import umimegu.history.PredictionRecord;
import umimegu.history.StatsReport;

/** The compact stats table, shared by the CLI and the chat. */
public final class StatsText {
    private StatsText() {}

    public static String format(StatsReport report, int recent) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Predictions: %d, not sure: %d%n", report.total(), report.notSure()));
        if (report.total() == 0) {
            return s.toString();
        }
        s.append(String.format("%n%-24s %8s %8s%n", "label", "count", "mean %"));
        for (var l : report.perLabel()) {
            s.append(pad(l.label(), 24))
                    .append(String.format(Locale.ROOT, " %8d %8.1f%n", l.count(), l.meanProbability() * 100));
        }
        if (!report.topUsers().isEmpty()) {
            s.append(String.format("%n%-24s %8s%n", "top users", "count"));
            report.topUsers().forEach(u -> s.append(String.format("%-24s %8d%n", u.userId(), u.count())));
        }
        if (recent > 0 && !report.recent().isEmpty()) {
            s.append(String.format("%nlast predictions (UTC):%n"));
            for (PredictionRecord r :
                    report.recent().subList(0, Math.min(recent, report.recent().size()))) {
                s.append(String.format(
                                Locale.ROOT, "%s  %-8s ", r.time().toString().substring(0, 19), r.source()))
                        .append(pad(r.label(), 20))
                        .append(String.format(
                                Locale.ROOT,
                                " %5.1f%%  %s  %s%n",
                                r.probability() * 100,
                                r.imageSha256().substring(0, 12),
                                r.userId() == null ? "" : "user " + r.userId()));
            }
        }
        return s.toString();
    }

    /** Pads to {@code columns} terminal columns: CJK and full-width characters take two (恵美 is 4 wide). */
    public static String pad(String text, int columns) {
        int width = text.codePoints().map(StatsText::columns).sum();
        return width >= columns ? text : text + " ".repeat(columns - width);
    }

    private static int columns(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        boolean wide = (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return block == Character.UnicodeBlock.COMBINING_DIACRITICAL_MARKS ? 0 : wide ? 2 : 1;
    }
}
