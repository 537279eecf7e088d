package umimegu.usecase;

import java.util.List;
import java.util.UUID;
import umimegu.recognition.Annotator;
import umimegu.recognition.AnswerFormatter;
import umimegu.recognition.AnswerLines;
import umimegu.recognition.Origin;
import umimegu.recognition.PictureRecognizer;
import umimegu.recognition.Recognition;
import umimegu.vision.ImageDecodeException;

/**
 * Answer a picture, the same for every front end: find and classify each face, remember the
 * answer in the history first (nothing after it may lose it), then word one line per face and
 * draw the annotated picture when there are several faces (or always, when asked).
 */
public final class AnswerPicture {
    private final PictureRecognizer recognizer;
    private final AnswerFormatter answers;
    private final HistorySession history;

    public AnswerPicture(PictureRecognizer recognizer, AnswerFormatter answers, HistorySession history) {
        this.recognizer = recognizer;
        this.answers = answers;
        this.history = history;
    }

    /**
     * The lines a user reads and, when drawn, the annotated picture as PNG (else null);
     * {@code answerId} names this answer in the history, for feedback on it.
     */
    public record Answer(Recognition recognition, List<String> lines, byte[] annotatedPng, String answerId) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    public Answer answer(byte[] picture, String name, Origin origin, boolean annotateSingleFaces)
            throws ImageDecodeException {
        Recognition r = recognizer.recognize(picture, name);
        String answerId = UUID.randomUUID().toString();
        history.record(r, origin, answerId);
        boolean annotate = r.severalFaces() || (annotateSingleFaces && r.outcome() == Recognition.Outcome.FACES);
        return new Answer(
                r, AnswerLines.of(r, answers), annotate ? Annotator.png(Annotator.draw(r, answers)) : null, answerId);
    }
}
