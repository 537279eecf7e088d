package umimegu.teaching;

import java.util.Optional;

/**
 * Which posted message carried which answer, so that replies and reactions to a post find the
 * answer they judge. Throws {@link umimegu.history.HistoryException} when the database fails.
 */
public interface AnswerPosts {
    void linkPost(String messageId, String answerId);

    Optional<String> answerOfPost(String messageId);
}
