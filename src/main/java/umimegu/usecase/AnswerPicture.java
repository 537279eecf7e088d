package umimegu.usecase;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.model.ContentRating;
import umimegu.recognition.Annotator;
import umimegu.recognition.AnswerFormatter;
import umimegu.recognition.AnswerLines;
import umimegu.recognition.Origin;
import umimegu.recognition.PictureRecognizer;
import umimegu.recognition.Recognition;
import umimegu.recognition.SpoilerSettings;
import umimegu.vision.ImageDecodeException;

/**
 * Answer a picture, the same for every front end: find and classify each face, remember the
 * answer in the history first (nothing after it may lose it), then word one line per face and
 * draw the annotated picture when there are several faces (or always, when asked). An annotated
 * copy bound for a channel not marked NSFW is rated, and marked a spoiler when it looks explicit.
 */
public final class AnswerPicture {
    private static final Logger log = LoggerFactory.getLogger(AnswerPicture.class);

    private final PictureRecognizer recognizer;
    private final AnswerFormatter answers;
    private final HistorySession history;
    private final ContentRating rating;
    private final SpoilerSettings spoilers;

    /** Never marks a spoiler. */
    public AnswerPicture(PictureRecognizer recognizer, AnswerFormatter answers, HistorySession history) {
        this(recognizer, answers, history, picture -> 0, SpoilerSettings.NEVER);
    }

    public AnswerPicture(
            PictureRecognizer recognizer,
            AnswerFormatter answers,
            HistorySession history,
            ContentRating rating,
            SpoilerSettings spoilers) {
        this.recognizer = recognizer;
        this.answers = answers;
        this.history = history;
        this.rating = rating;
        this.spoilers = spoilers;
    }

    /**
     * The lines a user reads and, when drawn, the annotated picture as PNG (else null), which is
     * to be hidden as a {@code spoiler}; {@code answerId} names this answer in the history, for
     * feedback on it.
     */
    public record Answer(
            Recognition recognition, List<String> lines, byte[] annotatedPng, String answerId, boolean spoiler) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    /** {@code nsfwChannel}: the answer goes where explicit pictures are welcome (no spoiler needed). */
    public Answer answer(byte[] picture, String name, Origin origin, boolean annotateSingleFaces, boolean nsfwChannel)
            throws ImageDecodeException {
        Recognition r = recognizer.recognize(picture, name);
        String answerId = UUID.randomUUID().toString();
        history.record(r, origin, answerId);
        boolean annotate = r.severalFaces() || (annotateSingleFaces && r.outcome() == Recognition.Outcome.FACES);
        if (!annotate) {
            return new Answer(r, AnswerLines.of(r, answers), null, answerId, false);
        }
        boolean spoiler = !nsfwChannel && spoilers.enabled() && explicit(r, name);
        return new Answer(r, AnswerLines.of(r, answers), Annotator.png(Annotator.draw(r, answers)), answerId, spoiler);
    }

    /** Whether the picture looks explicit; when it cannot be rated, it is hidden to be safe. */
    private boolean explicit(Recognition r, String name) {
        try {
            return rating.explicitness(r.picture()) >= spoilers.above();
        } catch (RuntimeException e) {
            log.warn("Could not rate {} for a spoiler, so it is posted as one: {}", name, e.toString());
            return true;
        }
    }
}
