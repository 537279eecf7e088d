package umimegu.teaching;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Users' verdicts on answers, face by face, and what they add up to. Throws
 * {@link umimegu.history.HistoryException} when the database fails.
 */
public interface Judgements {
    /** The faces of an answer in face order; empty when unknown. */
    List<AnsweredFace> faces(String answerId);

    /**
     * Stores a judgement, replacing the same user's earlier one on that face (whose pending review
     * item, if any, is withdrawn). Returns the judgement's id.
     */
    long judge(Judgement judgement);

    /** Users' judgements of answers given in the window (null: unbounded), optionally of one model only. */
    FeedbackReport feedback(Instant from, Instant to, String modelId, int topConfusions);

    /** Per model id: how many of its answers' faces users judged, and how many of those right. */
    Map<String, Verdicts> judgedPerModel();

    /** How many faces were judged, and how many of them right. */
    record Verdicts(long judged, long right) {
        public static final Verdicts NONE = new Verdicts(0, 0);
    }
}
