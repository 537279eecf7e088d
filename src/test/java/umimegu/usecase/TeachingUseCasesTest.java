package umimegu.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.recognition.CropFolder;
import umimegu.teaching.AnsweredFace;
import umimegu.teaching.ChannelMode;
import umimegu.teaching.ReviewFolder;
import umimegu.teaching.ReviewItem;
import umimegu.teaching.TrainingPictures;
import umimegu.vision.ImageDecodeException;

/**
 * The teaching use cases ({@link JudgeAnswer}, {@link ReviewPictures}, {@link AddPictures},
 * {@link ChannelModes}) on in-memory ports and a temporary folder: no model, no OpenCV, no database.
 */
class TeachingUseCasesTest {
    @TempDir
    Path dir;

    private final Fakes.History store = new Fakes.History();
    private final Fakes.Feedback feedback = new Fakes.Feedback();
    private final MutableClock clock = new MutableClock();
    private HistorySession history;
    private TeachingFiles files;
    private CropFolder crops;

    @BeforeEach
    void open() {
        crops = new CropFolder(dir.resolve("crops"), 64L * 1024 * 1024);
        history = Fakes.session(store, feedback, new Fakes.Locks(), crops);
        files = new TeachingFiles(new TrainingPictures(dir.resolve("images")), new ReviewFolder(dir.resolve("review")));
    }

    @AfterEach
    void close() {
        history.close();
    }

    private static BufferedImage picture(int rgb) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, rgb);
        return image;
    }

    /** An answer {@code a1} with one face per given label, each with its crop kept. */
    private void answered(String... said) {
        List<AnsweredFace> faces = new java.util.ArrayList<>();
        for (int i = 0; i < said.length; i++) {
            faces.add(new AnsweredFace(100 + i, "a1", i, said[i], "m1", crops.keep(picture(0x100 * (i + 1)))));
        }
        feedback.answers.put("a1", faces);
    }

    private long pictures(String label) throws Exception {
        Path folder = dir.resolve("images").resolve(label);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var list = Files.list(folder)) {
            return list.count();
        }
    }

    @Test
    void anAdminsCorrectionBecomesATrainingPictureAtOnce() throws Exception {
        answered("megumi");
        JudgeAnswer.Result r = new JudgeAnswer(history, files, clock).judge("a1", null, false, "umi", "admin", true);
        assertEquals(JudgeAnswer.Status.ADDED_TO_PICTURES, r.status());
        assertEquals(1, pictures("umi"));
        assertEquals("umi", feedback.judgements.values().iterator().next().correctedLabel());
        assertTrue(feedback.pending.isEmpty());
    }

    @Test
    void aMembersCorrectionWaitsForReviewAndAnAcceptMakesItAPicture() throws Exception {
        answered("megumi");
        JudgeAnswer.Result r = new JudgeAnswer(history, files, clock).judge("a1", null, false, "umi", "member", false);
        assertEquals(JudgeAnswer.Status.QUEUED, r.status());
        assertEquals(0, pictures("umi"));
        ReviewPictures review = new ReviewPictures(history, files, clock);
        List<ReviewPictures.Pending> pending = review.pending(5);
        assertEquals(1, pending.size());
        assertEquals(ReviewItem.Kind.CORRECTION, pending.get(0).item().kind());
        assertArrayEquals(
                crops.read(feedback.answers.get("a1").get(0).cropSha256()).orElseThrow(),
                pending.get(0).png());

        long number = r.faces().get(0).reviewNumber();
        assertEquals(
                TrainingPictures.Added.ADDED,
                review.accept(number, "admin").orElseThrow().added());
        assertEquals(1, pictures("umi"));
        assertTrue(review.pending(5).isEmpty());
        assertTrue(review.accept(number, "admin").isEmpty(), "decided once");
    }

    @Test
    void aRejectedPictureNeverJoinsTheTrainingPictures() throws Exception {
        answered("megumi");
        long number = new JudgeAnswer(history, files, clock)
                .judge("a1", null, false, "umi", "member", false)
                .faces()
                .get(0)
                .reviewNumber();
        assertTrue(new ReviewPictures(history, files, clock)
                .reject(number, "admin")
                .isPresent());
        assertEquals(0, pictures("umi"));
    }

    @Test
    void labelsThatDifferInCaseOrWidthAreOneLabelAndDeviceNamesAreRefused() throws Exception {
        answered("megumi", "megumi", "megumi");
        JudgeAnswer judge = new JudgeAnswer(history, files, clock);
        assertEquals(
                JudgeAnswer.Status.ADDED_TO_PICTURES,
                judge.judge("a1", 1, false, "umi", "admin", true).status());
        assertEquals(
                JudgeAnswer.Status.ADDED_TO_PICTURES,
                judge.judge("a1", 2, false, "Umi", "admin", true).status());
        assertEquals(
                JudgeAnswer.Status.ADDED_TO_PICTURES,
                judge.judge("a1", 3, false, "ｕｍｉ", "admin", true).status());
        try (var folders = Files.list(dir.resolve("images"))) {
            assertEquals(
                    List.of("umi"), folders.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals(3, pictures("umi"));
        IllegalArgumentException con =
                assertThrows(IllegalArgumentException.class, () -> judge.judge("a1", 1, false, "CON", "admin", true));
        assertTrue(con.getMessage().contains("device"), con.getMessage());
    }

    @Test
    void anAcceptedCorrectionOfAPictureUnderAnotherLabelMovesItAndSaysFromWhere() throws Exception {
        answered("megumi");
        byte[] png = crops.read(feedback.answers.get("a1").get(0).cropSha256()).orElseThrow();
        assertEquals(TrainingPictures.Added.ADDED, files.pictures().add("umi", png)); // an admin added it before
        long number = new JudgeAnswer(history, files, clock)
                .judge("a1", null, false, "yuriko", "member", false)
                .faces()
                .get(0)
                .reviewNumber();
        ReviewPictures.Decision d = new ReviewPictures(history, files, clock)
                .accept(number, "admin")
                .orElseThrow();
        assertEquals("umi", d.movedFrom());
        assertEquals(0, pictures("umi"));
        assertEquals(1, pictures("yuriko"));
    }

    @Test
    void severalFacesNeedToBeToldWhichOneIsWrong() {
        answered("megumi", "umi");
        JudgeAnswer judge = new JudgeAnswer(history, files, clock);
        JudgeAnswer.Result which = judge.judge("a1", null, false, "umi", "member", false);
        assertEquals(JudgeAnswer.Status.WHICH_FACE, which.status());
        assertEquals(2, which.faceCount());
        assertEquals(
                JudgeAnswer.Status.NO_SUCH_FACE,
                judge.judge("a1", 3, false, "umi", "member", false).status());
        assertEquals(
                JudgeAnswer.Status.SAME_AS_ANSWER,
                judge.judge("a1", 2, false, "umi", "member", false).status());
        assertEquals(
                JudgeAnswer.Status.RECORDED,
                judge.judge("a1", null, true, null, "member", false).status(),
                "right judges every face");
        assertEquals(
                JudgeAnswer.Status.UNKNOWN_ANSWER,
                judge.judge("nope", null, true, null, "member", false).status());
        assertThrows(IllegalArgumentException.class, () -> judge.judge("a1", 1, false, "../x", "member", false));
    }

    @Test
    void withoutAHistoryDatabaseJudgementsSaySoAndMembersCannotQueue() {
        HistorySession none = HistorySession.none("database locked");
        JudgeAnswer.Result r = new JudgeAnswer(none, files, clock).judge("a1", null, true, null, "u", false);
        assertEquals(JudgeAnswer.Status.NO_HISTORY, r.status());
        assertEquals("database locked", r.detail());
        assertFalse(new ReviewPictures(none, files, clock).available());
        AddPictures add = new AddPictures((bytes, name) -> List.of(picture(1)), none, files, clock);
        assertThrows(
                IllegalStateException.class,
                () -> add.add("umi", List.of(new AddPictures.Picture("a.png", new byte[1])), false, "member", false));
    }

    @Test
    void addedPicturesAreCountedFaceByFaceAndNeverTwice() throws Exception {
        AddPictures add = new AddPictures(
                (bytes, name) -> switch (name) {
                    case "two.png" -> List.of(picture(0x10), picture(0x20));
                    case "none.png" -> List.of();
                    default -> throw new ImageDecodeException(name + ": not an image");
                },
                history,
                files,
                clock);
        List<AddPictures.Picture> sent = List.of(
                new AddPictures.Picture("two.png", new byte[1]),
                new AddPictures.Picture("none.png", new byte[1]),
                new AddPictures.Picture("text.png", new byte[1]));

        AddPictures.Report first = add.add("umi", sent, true, "admin", true);
        assertEquals(2, first.added());
        assertEquals(List.of("none.png"), first.noFace());
        assertEquals(List.of("text.png: not an image"), first.unreadable());
        assertEquals(2, pictures("umi"));

        AddPictures.Report again = add.add("umi", sent, true, "admin", true);
        assertEquals(0, again.added());
        assertEquals(2, again.duplicates());

        AddPictures.Report member = add.add("megumi", sent.subList(0, 1), false, "member", false);
        assertEquals(1, member.queued(), "a member's largest face waits for review");
        assertEquals(0, pictures("megumi"));
        assertEquals(Map.of("megumi", 1L), feedback.pendingPerLabel());
    }

    @Test
    void channelModesAreKeptAndReadAgainAfterAWhile() {
        ChannelModes modes = new ChannelModes(history, clock);
        assertEquals(ChannelMode.ON, modes.of("c1"), "a channel nobody set answers");
        modes.set("c1", ChannelMode.OFF, "admin");
        assertEquals(ChannelMode.OFF, modes.of("c1"));
        feedback.modes.put("c1", ChannelMode.COMMANDS_ONLY); // another process changes it
        int reads = feedback.channelReads;
        assertEquals(ChannelMode.OFF, modes.of("c1"), "cached for a while");
        assertEquals(reads, feedback.channelReads);
        clock.advance(ChannelModes.FRESH_FOR.plusSeconds(1));
        assertEquals(ChannelMode.COMMANDS_ONLY, modes.of("c1"));
        assertEquals(ChannelMode.ON, new ChannelModes(HistorySession.none("down"), clock).of("c1"));
        assertThrows(
                IllegalStateException.class,
                () -> new ChannelModes(HistorySession.none("down"), clock).set("c1", ChannelMode.OFF, "admin"));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
