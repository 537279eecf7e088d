package umimegu.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import umimegu.history.PredictionRecord;
import umimegu.model.ContentRating;
import umimegu.model.Prediction;
import umimegu.recognition.AnswerFormatter;
import umimegu.recognition.AnswerSettings;
import umimegu.recognition.FaceAnswer;
import umimegu.recognition.Origin;
import umimegu.recognition.PictureRecognizer;
import umimegu.recognition.Recognition;
import umimegu.recognition.SpoilerSettings;
import umimegu.vision.FaceBox;
import umimegu.vision.ImageDecodeException;

/** {@link AnswerPicture} with a recognizer that returns what the test says: the lines, the picture, the history. */
class AnswerPictureTest {
    private static final BufferedImage PICTURE = new BufferedImage(200, 100, BufferedImage.TYPE_3BYTE_BGR);
    private final AnswerFormatter answers =
            new AnswerFormatter(AnswerSettings.of("This is {label}: {percent}%", 1, Map.of()));
    private final Fakes.History store = new Fakes.History();

    private static FaceAnswer face(int number, String label, double p) {
        return new FaceAnswer(
                number,
                new FaceBox(10 + 90 * (number - 1), 10, 60, 60),
                new BufferedImage(60, 60, BufferedImage.TYPE_3BYTE_BGR),
                new Prediction(label, p, List.of(p, 1 - p)),
                p < 0.75);
    }

    private final HistorySession session = Fakes.session(store, new Fakes.Feedback(), new Fakes.Locks(), null);

    private AnswerPicture answering(PictureRecognizer recognizer) {
        return new AnswerPicture(recognizer, answers, session);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        session.close();
    }

    private static final Origin ORIGIN = new Origin("console", null, "c1", "u1");

    @Test
    void oneFaceGetsOneLineAndIsRecordedUnderTheAnswersId() throws Exception {
        AnswerPicture.Answer a = answering((bytes, name) -> new Recognition(
                        "sha", PICTURE, Recognition.Outcome.FACES, List.of(face(1, "megumi", 0.977)), "m1", 5))
                .answer(new byte[1], "a.png", ORIGIN, false, false);
        assertEquals("This is Megumi: 97.7%", a.text());
        assertNull(a.annotatedPng(), "one face needs no annotated copy");
        List<PredictionRecord> saved = recorded();
        assertEquals(1, saved.size());
        assertEquals("megumi", saved.get(0).label());
        assertEquals(a.answerId(), saved.get(0).answerId());
    }

    @Test
    void severalFacesGetALineEachAndAnAnnotatedPicture() throws Exception {
        AnswerPicture.Answer a = answering((bytes, name) -> new Recognition(
                        "sha",
                        PICTURE,
                        Recognition.Outcome.FACES,
                        List.of(face(1, "megumi", 0.977), face(2, "umi", 0.561)),
                        "m1",
                        5))
                .answer(new byte[1], "b.png", ORIGIN, false, false);
        assertEquals(List.of("Face 1: This is Megumi: 97.7%", "Face 2: Not sure — closest is Umi: 56.1%"), a.lines());
        assertNotNull(a.annotatedPng());
        assertEquals(2, recorded().size());
    }

    @Test
    void anUnreadablePictureIsRefusedAndNothingIsRecorded() {
        AnswerPicture answering = answering((bytes, name) -> {
            throw new ImageDecodeException(name + ": not an image");
        });
        assertThrows(ImageDecodeException.class, () -> answering.answer(new byte[1], "c.txt", ORIGIN, false, false));
        assertEquals(0, recorded().size());
    }

    private static PictureRecognizer twoFaces() {
        return (bytes, name) -> new Recognition(
                "sha",
                PICTURE,
                Recognition.Outcome.FACES,
                List.of(face(1, "megumi", 0.977), face(2, "umi", 0.561)),
                "m1",
                5);
    }

    @Test
    void anExplicitLookingAnnotatedCopyIsASpoilerOutsideNsfwChannels() throws Exception {
        List<BufferedImage> rated = new java.util.ArrayList<>();
        ContentRating explicit = picture -> {
            rated.add(picture);
            return 0.7;
        };
        AnswerPicture answering =
                new AnswerPicture(twoFaces(), answers, session, explicit, new SpoilerSettings(0.6, false));

        AnswerPicture.Answer inOrdinaryChannel = answering.answer(new byte[1], "d.png", ORIGIN, false, false);
        assertTrue(inOrdinaryChannel.spoiler());
        assertEquals(List.of(PICTURE), rated, "the posted picture itself is rated");
        assertFalse(answering.answer(new byte[1], "d.png", ORIGIN, false, true).spoiler(), "a channel marked NSFW");
        assertFalse(
                new AnswerPicture(twoFaces(), answers, session, explicit, new SpoilerSettings(0.75, false))
                        .answer(new byte[1], "d.png", ORIGIN, false, false)
                        .spoiler(),
                "below the threshold");
        assertFalse(
                new AnswerPicture(twoFaces(), answers, session, explicit, SpoilerSettings.NEVER)
                        .answer(new byte[1], "d.png", ORIGIN, false, false)
                        .spoiler(),
                "spoilers switched off");
        assertEquals(2, rated.size(), "rated only when a spoiler could follow (not in the NSFW channel, not when off)");
    }

    @Test
    void noAnnotatedCopyMeansNoRatingAndAFailedRatingHidesThePicture() throws Exception {
        ContentRating broken = picture -> {
            throw new IllegalStateException("out of memory");
        };
        AnswerPicture.Answer oneFace = new AnswerPicture(
                        (bytes, name) -> new Recognition(
                                "sha", PICTURE, Recognition.Outcome.FACES, List.of(face(1, "megumi", 0.977)), "m1", 5),
                        answers,
                        session,
                        broken,
                        new SpoilerSettings(0.6, false))
                .answer(new byte[1], "e.png", ORIGIN, false, false);
        assertFalse(oneFace.spoiler(), "nothing is posted but text, so nothing is rated");

        AnswerPicture.Answer unrated = new AnswerPicture(
                        twoFaces(), answers, session, broken, new SpoilerSettings(0.6, false))
                .answer(new byte[1], "f.png", ORIGIN, false, false);
        assertTrue(unrated.spoiler(), "what cannot be rated is hidden");
        assertNotNull(unrated.annotatedPng(), "and still answered");
    }

    private List<PredictionRecord> recorded() {
        session.flush();
        synchronized (store.saved) {
            return List.copyOf(store.saved);
        }
    }
}
