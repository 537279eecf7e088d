package umimegu.report;

import java.util.Locale;
import umimegu.teaching.FeedbackReport;

/** What users said of the answers, as {@code stats} shows it in the chat and the CLI. */
public final class FeedbackText {
    private FeedbackText() {}

    public static String format(FeedbackReport r) {
        if (r.judged() == 0) {
            return String.format("%nJudged by users: none yet (reply !right or !wrong <label> to an answer)%n");
        }
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "%nJudged by users: %d, right: %d (%.1f%%)%n",
                r.judged(),
                r.right(),
                r.rightShare() * 100));
        s.append(String.format("%-24s %8s %8s%n", "said", "judged", "right %"));
        for (FeedbackReport.LabelJudged l : r.perLabel()) {
            s.append(StatsText.pad(l.label(), 24))
                    .append(String.format(Locale.ROOT, " %8d %8.1f%n", l.judged(), l.precision() * 100));
        }
        if (!r.confusions().isEmpty()) {
            s.append(String.format("%nmost common mistakes:%n"));
            r.confusions()
                    .forEach(c -> s.append(
                            String.format(Locale.ROOT, "said %s, was %s: %d%n", c.said(), c.was(), c.count())));
        }
        return s.toString();
    }
}
