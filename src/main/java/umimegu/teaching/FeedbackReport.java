package umimegu.teaching;

import java.util.List;

/**
 * How right the bot is according to its users: judged faces, how many were right, per label the
 * bot said (precision as users see it), and the most common confusions.
 */
public record FeedbackReport(long judged, long right, List<LabelJudged> perLabel, List<Confusion> confusions) {
    public FeedbackReport {
        perLabel = List.copyOf(perLabel);
        confusions = List.copyOf(confusions);
    }

    public static FeedbackReport empty() {
        return new FeedbackReport(0, 0, List.of(), List.of());
    }

    public double rightShare() {
        return judged == 0 ? Double.NaN : (double) right / judged;
    }

    /** Answers that said {@code label}: how many were judged, how many of those right. */
    public record LabelJudged(String label, long judged, long right) {
        public double precision() {
            return judged == 0 ? Double.NaN : (double) right / judged;
        }
    }

    /** The bot said {@code said}; users said it was {@code was}, {@code count} times. */
    public record Confusion(String said, String was, long count) {}
}
