package umimegu.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;
import umimegu.app.Application;
import umimegu.demo.SyntheticFaces;
import umimegu.history.StatsQuery;
import umimegu.model.TrainingListener;
import umimegu.usecase.HistorySession;

/**
 * Teaching the bot through the chat core, with a real model, real H2 and real files: a wrong
 * answer is corrected, reviewed, trained on and then answered right; every command's rights,
 * replies and files.
 */
class TeachingChatTest {
    private static final String MEMBER = "7";
    private static final String ADMIN = "42";

    @TempDir
    static Path work;
    /** A face of a character the first model does not know. */
    static byte[] umi;

    static List<byte[]> moreUmi = new ArrayList<>();
    static String firstModel;

    private static int databases;
    private Application app;
    private ChatBot bot;
    private HistorySession session;

    @BeforeAll
    static void trainWithoutUmi() throws Exception {
        SyntheticFaces faces = new SyntheticFaces(64);
        Random random = new Random(5);
        Path images = work.resolve("images");
        for (int i = 0; i < 16; i++) {
            write(images.resolve("megumi").resolve("m" + i + ".png"), faces.draw(0, random));
            write(images.resolve("other").resolve("o" + i + ".png"), noise(random));
        }
        umi = png(faces.draw(1, random));
        for (int i = 0; i < 15; i++) {
            moreUmi.add(png(faces.draw(1, random)));
        }
        Application app = new Application(TestFixtures.load(config()));
        firstModel = app.trainingService()
                .train(new TrainingListener() {}, () -> false)
                .modelId();
    }

    static Properties config() {
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "12");
        p.setProperty("train.min-epochs", "12");
        p.setProperty("chat.admin-ids", ADMIN);
        p.setProperty("chat.rate-per-minute", "0");
        // no detector: the whole picture is the face, as for pictures the detector cannot read
        p.setProperty("faces.cascade", work.resolve("no-cascade.xml").toString());
        p.setProperty("history.crops-dir", work.resolve("data/crops").toString());
        p.setProperty("chat.review-dir", work.resolve("data/review").toString());
        p.setProperty("history.jdbc-url", "jdbc:h2:mem:teach" + (++databases) + ";DB_CLOSE_DELAY=-1");
        return p;
    }

    private ChatBot bot(Properties p) {
        app = new Application(TestFixtures.load(p));
        session = app.historySession();
        bot = app.chatBot("console", app.liveModel(), session);
        return bot;
    }

    @AfterEach
    void close() throws Exception {
        if (bot != null) {
            bot.awaitIdle(Duration.ofMinutes(5), true);
            bot.close();
        }
        if (session != null) {
            session.close();
        }
    }

    private static void write(Path file, BufferedImage image) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static BufferedImage noise(Random random) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static IncomingMessage say(String user, String text, byte[]... pictures) {
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < pictures.length; i++) {
            attachments.add(new Attachment("p" + i + ".png", "image/png", pictures[i].length, pictures[i]));
        }
        return new IncomingMessage(text, attachments, user, false, "c1", "g1");
    }

    private static IncomingMessage replyTo(String messageId, String user, String text) {
        return new IncomingMessage(text, List.of(), user, false, "c1", "g1", messageId, false);
    }

    private FakeConversation send(IncomingMessage m) throws InterruptedException {
        FakeConversation c = new FakeConversation();
        bot.handle(m, c);
        assertTrue(bot.awaitIdle(Duration.ofSeconds(60), false));
        return c;
    }

    private String text(IncomingMessage m) throws InterruptedException {
        return String.join("\n", send(m).texts());
    }

    private static long chatPictures(String label) throws IOException {
        Path folder = work.resolve("images").resolve(label);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("chat-"))
                    .count();
        }
    }

    @Test
    void aWrongAnswerIsCorrectedReviewedTrainedOnAndThenAnsweredRight() throws Exception {
        bot(config());
        FakeConversation first = send(say(MEMBER, "", umi));
        assertFalse(first.texts().get(0).contains("Umi"), first.texts().get(0));

        String correction = text(replyTo(first.messageIds.get(0), MEMBER, "!wrong umi"));
        assertTrue(
                correction.matches(
                        "Thanks — your correction of that face \\(I said (megumi|other)\\) waits for an admin's review \\(#\\d+\\)\\."),
                correction);
        String number = correction.replaceAll(".*#(\\d+).*", "$1");
        assertEquals("Sorry, only admins can accept pictures.", text(say(MEMBER, "!accept " + number)));
        assertEquals(0, chatPictures("umi"));

        FakeConversation review = send(say(ADMIN, "!review"));
        assertTrue(
                review.texts().get(0).startsWith("#" + number + " correction: I said "),
                review.texts().get(0));
        assertTrue(
                review.texts().get(0).contains(", it is umi (from <@7>)"),
                review.texts().get(0));
        assertEquals(
                "review-" + number + ".png",
                review.replies.get(0).files().get(0).name());
        assertTrue(text(say(ADMIN, "!accept " + number)).startsWith("#" + number + ": accepted into umi"));
        assertEquals(1, chatPictures("umi"));
        assertEquals("Nothing waits for review.", text(say(ADMIN, "!review")));

        String added = text(say(ADMIN, "!add umi", moreUmi.toArray(new byte[0][])));
        assertTrue(added.startsWith("Added 15 faces to umi"), added);
        assertTrue(text(say(ADMIN, "!add umi", umi)).contains("1 face were already there"));
        assertEquals(16, chatPictures("umi"));
        String labels = text(say(MEMBER, "!labels"));
        assertTrue(labels.matches("(?s).*umi\\s+16\\s+16\\s+0\\n.*"), labels);

        FakeConversation training = send(say(ADMIN, "!train"));
        assertTrue(bot.awaitIdle(Duration.ofMinutes(5), true));
        assertTrue(
                training.texts().stream().anyMatch(t -> t.startsWith("Training done")),
                training.texts().toString());

        FakeConversation second = send(say(MEMBER, "", umi));
        assertTrue(
                second.texts().get(0).matches("(This is|Not sure — closest is) Umi: .*"),
                second.texts().get(0));
        assertEquals("Thanks — noted that I was right.", text(replyTo(second.messageIds.get(0), MEMBER, "!right")));

        String stats = text(say(MEMBER, "!stats"));
        assertTrue(stats.contains("Judged by users: 2, right: 1 (50.0%)"), stats);
        assertTrue(stats.matches("(?s).*said (megumi|other), was umi: 1.*"), stats);

        String models = text(say(MEMBER, "!models"));
        assertTrue(models.contains(" " + firstModel + " "), models);
        assertTrue(models.matches("(?s).*\\n\\* \\S+ .*"), "the live model is starred: " + models);
        assertEquals("Sorry, only admins can switch the model.", text(say(MEMBER, "!rollback")));
        assertEquals("Rolled back: model " + firstModel + " answers now.", text(say(ADMIN, "!rollback")));
        assertEquals(firstModel, app.store().currentId());
        send(say(MEMBER, "", umi));
        session.flush();
        assertEquals(
                firstModel,
                session.stats(StatsQuery.all()).orElseThrow().recent().get(0).modelId());
    }

    @Test
    void membersCannotDecideSwitchOrSilenceAndAdminsCanSilenceAChannel() throws Exception {
        bot(config());
        assertEquals("Sorry, only admins can switch the model.", text(say(MEMBER, "!use " + firstModel)));
        assertEquals("Sorry, only admins can change where I answer.", text(say(MEMBER, "!channel off")));
        assertEquals("Sorry, only admins can review pictures.", text(say(MEMBER, "!review")));
        assertEquals("Sorry, only admins can reject pictures.", text(say(MEMBER, "!reject 1")));

        assertEquals(
                "From now on I'm silent in this channel (only `channel` works).", text(say(ADMIN, "!channel off")));
        assertEquals(List.of(), send(say(MEMBER, "", umi)).replies);
        assertEquals(List.of(), send(say(MEMBER, "!stats")).replies);
        assertTrue(text(say(ADMIN, "!channel commands-only")).contains("only when asked"));
        assertEquals(List.of(), send(say(MEMBER, "", umi)).replies);
        assertEquals(
                1,
                send(new IncomingMessage(
                                "@bot",
                                List.of(new Attachment("a.png", "image/png", umi.length, umi)),
                                MEMBER,
                                false,
                                "c1",
                                "g1",
                                null,
                                true))
                        .replies
                        .size());
        assertEquals(1, send(say(MEMBER, "!classify", umi)).replies.size());
        assertEquals(
                1,
                send(new IncomingMessage(
                                "",
                                List.of(new Attachment("a.png", "image/png", umi.length, umi)),
                                MEMBER,
                                false,
                                "c2",
                                "g1"))
                        .replies
                        .size(),
                "other channels keep answering");
        text(say(ADMIN, "!channel on"));
        assertEquals(1, send(say(MEMBER, "", umi)).replies.size());
    }

    @Test
    void labelsCannotReachOutsideTheImagesFolder() throws Exception {
        bot(config());
        for (String evil : List.of("../evil", "..", "a/b", "umi.png", "x".repeat(41), "%2e%2e")) {
            String reply = text(say(ADMIN, "!add " + evil, umi));
            assertTrue(reply.startsWith("Labels are letters, digits, _ and -"), evil + ": " + reply);
        }
        send(say(MEMBER, "", umi));
        assertTrue(text(say(ADMIN, "!wrong ../evil")).startsWith("Labels are letters, digits, _ and -"));
        try (Stream<Path> all = Files.walk(work)) {
            assertEquals(
                    List.of(),
                    all.filter(f -> f.getFileName().toString().contains("evil")).toList());
        }
        assertTrue(text(say(ADMIN, "!use ../models")).startsWith("Usage: `!use <model>`"));
        assertTrue(text(say(ADMIN, "!use 20990101-000000-000"))
                .startsWith("I can't switch: model 20990101-000000-000 not found"));
    }

    @Test
    void aLaterJudgementReplacesTheEarlierAndReactionsJudgeToo() throws Exception {
        bot(config());
        FakeConversation answer = send(say(MEMBER, "", umi));
        String post = answer.messageIds.get(0);
        String queued = text(replyTo(post, MEMBER, "!wrong umi"));
        assertTrue(queued.contains("waits for an admin's review"), queued);
        text(replyTo(post, MEMBER, "!wrong hibiki"));
        String review = text(say(ADMIN, "!review"));
        assertFalse(review.contains("it is umi"), "the earlier correction was withdrawn: " + review);
        assertTrue(review.contains("it is hibiki"), review);

        FakeConversation reactions = new FakeConversation();
        bot.react(post, "✅", "9", "c1", reactions);
        bot.react(post, "👍", "10", "c1", reactions);
        bot.react("unknown-message", "❌", "11", "c1", reactions);
        assertTrue(bot.awaitIdle(Duration.ofSeconds(30), false));
        assertEquals(List.of(), reactions.replies, "reactions are taken quietly");
        String stats = text(say(MEMBER, "!stats"));
        assertTrue(stats.contains("Judged by users: 2, right: 1 (50.0%)"), stats);
    }

    @Test
    void withoutTheHistoryDatabaseFeedbackSaysWhyAndTheRestStillWorks() throws Exception {
        app = new Application(TestFixtures.load(config()));
        session = HistorySession.none("database is locked");
        bot = app.chatBot("console", app.liveModel(), session);
        send(say(MEMBER, "", umi));
        assertEquals(
                "I can't take feedback right now: the history database is unavailable (database is locked).",
                text(say(MEMBER, "!wrong umi")));
        assertTrue(text(say(MEMBER, "!labels")).contains("pending reviews unknown"));
        assertTrue(text(say(ADMIN, "!channel off"))
                .startsWith("I can't change it: channel modes are kept in the history database"));
        assertTrue(text(say(MEMBER, "!add umi", umi)).startsWith("I can't take pictures from members right now"));
        assertTrue(text(say(MEMBER, "!models")).contains(firstModel));
        assertEquals(1, send(say(MEMBER, "", umi)).replies.size(), "pictures are still answered");
    }

    @Test
    void everyNewCommandAnswersSomethingToWrongWords() throws Exception {
        bot(config());
        assertEquals("Usage: `!accept N [N…]`", text(say(ADMIN, "!accept please")));
        assertEquals("Usage: `!channel on|off|commands-only`", text(say(ADMIN, "!channel loud")));
        assertEquals("Usage: `!add <label> [--all]`", text(say(ADMIN, "!add")));
        assertTrue(text(say(ADMIN, "!add umi")).startsWith("Attach the pictures"));
        assertEquals("#999: nothing with that number waits for review.", text(say(ADMIN, "!accept 999")));
        assertTrue(text(say(MEMBER, "!right")).startsWith("Which answer?"));
        assertNotEquals("", text(say(MEMBER, "!help")));
    }
}
