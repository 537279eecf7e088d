package umimegu.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;
import umimegu.app.Application;
import umimegu.history.HistoryException;
import umimegu.history.HistoryStore;
import umimegu.history.StatsQuery;
import umimegu.history.StatsReport;
import umimegu.model.TrainingListener;
import umimegu.usecase.HistorySession;

/** The chat core with a fake platform, a real model trained on synthetic faces, and real H2. */
class ChatBotTest {
    @TempDir
    static Path work;

    static byte[] picture;

    private ChatBot bot;
    private HistorySession session;

    @BeforeAll
    static void trainOnce() throws Exception {
        TestFixtures.syntheticImages(work.resolve("images"), 16, 21);
        TestFixtures.syntheticImages(work.resolve("images-test"), 4, 22);
        new Application(TestFixtures.load(config())).trainingService().train(new TrainingListener() {}, () -> false);
        try (Stream<Path> files = Files.list(work.resolve("images-test/megumi"))) {
            picture = Files.readAllBytes(files.findFirst().orElseThrow());
        }
    }

    static Properties config() {
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "2");
        p.setProperty("chat.rate-per-minute", "5");
        p.setProperty("chat.max-attachment-bytes", "200000");
        p.setProperty("chat.admin-ids", "42");
        return p;
    }

    private ChatBot bot(Properties p, HistoryStore store) {
        Application app = new Application(TestFixtures.load(p));
        session = HistorySession.open(() -> store, null);
        bot = app.chatBot("console", app.liveModel(), session);
        return bot;
    }

    private static int databases;

    /** A bot with its own empty history. */
    private ChatBot bot() {
        Properties p = config();
        p.setProperty("history.jdbc-url", "jdbc:h2:mem:chat" + (++databases) + ";DB_CLOSE_DELAY=-1");
        return bot(p, new Application(TestFixtures.load(p)).openHistory());
    }

    @AfterEach
    void close() throws Exception {
        if (bot != null) {
            bot.awaitIdle(Duration.ofMinutes(2), true);
            bot.close();
        }
        if (session != null) {
            session.close();
        }
    }

    private static IncomingMessage post(String user, boolean admin, String text, Attachment... attachments) {
        return new IncomingMessage(text, List.of(attachments), user, admin, "c1", "g1");
    }

    private static Attachment image(String name, byte[] bytes) {
        return new Attachment(name, "image/png", bytes.length, bytes);
    }

    private static FakeConversation send(ChatBot bot, IncomingMessage m) throws InterruptedException {
        FakeConversation c = new FakeConversation();
        bot.handle(m, c);
        assertTrue(bot.awaitIdle(Duration.ofSeconds(60), false));
        return c;
    }

    @Test
    void aPictureGetsAnAnswerAndIsRecorded() throws Exception {
        ChatBot bot = bot();
        FakeConversation c = send(bot, post("7", false, "look", image("face.png", picture)));
        assertEquals(1, c.replies.size());
        assertTrue(
                c.texts().get(0).matches("(This is|Not sure — closest is) (Megumi|Umi): \\d+\\.\\d%.*"),
                c.texts().get(0));
        StatsReport stats = session.stats(StatsQuery.all()).orElseThrow();
        assertEquals(1, stats.total());
        assertEquals("7", stats.recent().get(0).userId());
        assertEquals("console", stats.recent().get(0).source());
    }

    @Test
    void otherFilesAreIgnoredOversizeAndCorruptOnesGetAPoliteAnswer() throws Exception {
        ChatBot bot = bot();
        assertEquals(
                List.of(),
                send(bot, post("7", false, "", new Attachment("notes.txt", "text/plain", 5, "hello".getBytes())))
                        .replies);
        assertEquals(List.of(), send(bot, post("7", false, "just chatting")).replies);
        FakeConversation big =
                send(bot, post("7", false, "", new Attachment("huge.png", "image/png", 5_000_000, null)));
        assertTrue(
                big.texts().get(0).startsWith("huge.png is too large for me (4.8 MiB; the limit is 0.2 MiB)"),
                big.texts().get(0));
        FakeConversation corrupt =
                send(bot, post("7", false, "", image("broken.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2})));
        assertTrue(
                corrupt.texts().get(0).startsWith("I couldn't read broken.jpg:"),
                corrupt.texts().get(0));
        assertEquals(
                1,
                send(bot, post("7", false, "", image("face.png", picture)))
                        .replies
                        .size(),
                "still serving");
    }

    @Test
    void hostilePicturesGetAnAnswerOrARefusalAndTheNextGoodPictureIsStillAnswered() throws Exception {
        ChatBot bot = bot();
        java.io.ByteArrayOutputStream thin = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(1, 5000, java.awt.image.BufferedImage.TYPE_3BYTE_BGR), "png", thin);
        FakeConversation strip = send(bot, post("8", false, "", image("strip.png", thin.toByteArray())));
        assertTrue(
                strip.texts().get(0).matches("(This is|Not sure — closest is) (Megumi|Umi): .*"),
                strip.texts().get(0));

        byte[] frameBomb = umimegu.vision.HostilePicturesTestAccess.gif(1, 1, 20_000, 20_000);
        FakeConversation bomb = send(bot, post("8", false, "", image("bomb.gif", frameBomb)));
        assertTrue(
                bomb.texts().get(0).startsWith("I couldn't read bomb.gif: image too large"),
                bomb.texts().get(0));

        FakeConversation empty = send(bot, post("8", false, "", image("empty.png", new byte[0])));
        assertTrue(
                empty.texts().get(0).startsWith("I couldn't read empty.png: empty file"),
                empty.texts().get(0));

        FakeConversation good = send(bot, post("8", false, "", image("face.png", picture)));
        assertTrue(
                good.texts().get(0).matches("(This is|Not sure — closest is) (Megumi|Umi): .*"),
                good.texts().get(0));
    }

    @Test
    void commandsHelpAndUnknownWords() throws Exception {
        ChatBot bot = bot();
        String help = send(bot, post("7", false, "!help")).texts().get(0);
        assertTrue(help.contains("!train"));
        bot.commands()
                .all()
                .forEach(c -> assertTrue(help.contains("`!" + c.name()), c.name() + " missing from " + help));
        assertEquals(
                "Usage: `!stats [12h|7d|4w] [@user]`",
                send(bot, post("7", false, "!stats soon")).texts().get(0));
        assertEquals(
                "I don't know `!dance`. Try `!help`.",
                send(bot, post("7", false, "!dance now")).texts().get(0));
        FakeConversation test = send(bot, post("7", false, "!test"));
        List<String> lines = test.texts().get(0).lines().toList();
        assertTrue(
                lines.get(0).matches("Test loss: [0-9.]+, Test acc: [0-9.]+ .*"),
                test.texts().get(0));
        assertTrue(
                lines.get(1).startsWith("Calibration error (ECE, 10 bins): "),
                test.texts().get(0));
        assertTrue(
                lines.get(2).matches("Answers at or above 75%: .*; \\d+ held back as not sure"),
                test.texts().get(0));
        assertEquals(
                List.of("confusion-matrix.png", "reliability.png"),
                test.replies.get(0).files().stream()
                        .map(Reply.OutgoingFile::name)
                        .toList());
    }

    @Test
    void statsCountWhatWasPosted() throws Exception {
        ChatBot bot = bot();
        send(bot, post("100001", false, "", image("a.png", picture)));
        send(bot, post("100002", false, "", image("b.png", picture), image("c.png", picture)));
        String all = send(bot, post("7", false, "!stats 1d")).texts().get(0);
        assertTrue(all.contains("Predictions: 3,"), all);
        String one = send(bot, post("7", false, "!stats <@100002>")).texts().get(0);
        assertTrue(one.contains("Predictions: 2,"), one);
        assertTrue(send(bot, post("7", false, "!stats sometime")).texts().get(0).startsWith("Usage:"));
    }

    @Test
    void repliesNameNoServerFolder() throws Exception {
        ChatBot bot = bot();
        String reply = send(bot, post("42", false, "!use nonexistent")).texts().get(0);
        assertTrue(reply.startsWith("I can't switch: model nonexistent"), reply);
        assertFalse(
                reply.contains(work.toString())
                        || reply.contains(work.toRealPath().toString()),
                reply);
    }

    @Test
    void everyAdminOnlyCommandRefusesAMemberWhateverTheFrontEnd() throws Exception {
        ChatBot bot = bot();
        List<String> refused = new java.util.ArrayList<>();
        for (ChatCommand c : bot.commands().all()) {
            Map<String, String> options = Map.of("mode", "off", "model", "x", "numbers", "1", "action", "cancel");
            Optional<String> what = c.adminOnly(options);
            if (what.isEmpty()) {
                continue;
            }
            refused.add(c.name());
            String expected = "Sorry, only admins can " + what.get() + ".";
            FakeConversation typed = new FakeConversation();
            bot.handleCommand(c.name(), options, post("7", false, ""), typed); // a slash command
            assertTrue(bot.awaitIdle(Duration.ofSeconds(30), false));
            assertEquals(List.of(expected), typed.texts(), c.name());
            String text = "!" + c.name()
                    + (c.name().equals("channel")
                            ? " off"
                            : c.name().equals("use")
                                    ? " x"
                                    : c.name().equals("accept") || c.name().equals("reject") ? " 1" : "");
            assertEquals(List.of(expected), send(bot, post("7", false, text)).texts(), text);
        }
        assertEquals(List.of("train", "review", "accept", "reject", "use", "rollback", "channel"), refused);
        assertFalse(bot.trainingRunning());
        assertTrue(
                send(bot, post("7", false, "!channel")).texts().get(0).startsWith("Here I'm "),
                "anyone may ask where the bot answers");
    }

    @Test
    void onlyAdminsTrainOneAtATimeAndTheLiveModelSwitchesAtTheEnd() throws Exception {
        ChatBot bot = bot();
        FakeConversation refused = send(bot, post("7", false, "!train"));
        assertEquals(List.of("Sorry, only admins can train the model."), refused.texts());
        assertFalse(bot.trainingRunning());

        String before = Files.readString(work.resolve("models/current")).trim();
        FakeConversation admin = new FakeConversation();
        bot.handle(post("42", false, "!train"), admin); // admin by configured id
        FakeConversation second = send(bot, post("9", true, "!train")); // admin by platform permission
        assertTrue(
                second.texts().get(0).startsWith("A training is already running"),
                second.texts().toString());
        assertTrue(bot.awaitIdle(Duration.ofMinutes(3), true));

        assertTrue(
                admin.edits.stream().anyMatch(e -> e.startsWith("Training: epoch 1/2, val_loss")),
                admin.edits.toString());
        Reply done = admin.replies.get(admin.replies.size() - 1);
        assertTrue(done.text().startsWith("Training done: 2 epochs run"), done.text());
        assertEquals(
                List.of("accuracy.png", "loss.png"),
                done.files().stream().map(Reply.OutgoingFile::name).toList());
        String after = Files.readString(work.resolve("models/current")).trim();
        assertNotEquals(before, after);
        assertTrue(done.text().contains(after), "the summary names the new live model");
        assertTrue(
                send(bot, post("7", false, "!test")).texts().get(0).contains("model " + after),
                "answers with the new model");
    }

    @Test
    void aCancelledTrainingSaysSoAndKeepsTheModel() throws Exception {
        Properties p = config();
        p.setProperty("train.max-epochs", "50");
        ChatBot bot = bot(p, null);
        String before = Files.readString(work.resolve("models/current")).trim();
        FakeConversation admin = new FakeConversation();
        bot.handle(post("42", false, "!train"), admin);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (admin.edits.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(
                List.of("Cancelling the training after the current batch…"),
                send(bot, post("42", false, "!train cancel")).texts());
        assertTrue(bot.awaitIdle(Duration.ofMinutes(2), true));
        assertTrue(
                admin.texts().contains("Training cancelled; the previous model keeps answering."),
                admin.texts().toString());
        assertEquals(before, Files.readString(work.resolve("models/current")).trim());
    }

    @Test
    void theRateLimitAnswersPolitelyPerUser() throws Exception {
        ChatBot bot = bot();
        int answered = 0;
        int limited = 0;
        for (int i = 0; i < 7; i++) {
            String text = send(bot, post("7", false, "", image("p.png", picture)))
                    .texts()
                    .get(0);
            if (text.startsWith("You're sending pictures faster")) {
                limited++;
            } else {
                answered++;
            }
        }
        assertEquals(5, answered);
        assertEquals(2, limited);
        assertFalse(send(bot, post("8", false, "", image("p.png", picture)))
                .texts()
                .get(0)
                .startsWith("You're sending"));
    }

    @Test
    void aDatabaseThatIsDownDoesNotStopAnswers() throws Exception {
        HistoryStore down = new HistoryStore() {
            @Override
            public void save(List<umimegu.history.PredictionRecord> records) {
                throw new HistoryException("connection refused", null);
            }

            @Override
            public StatsReport stats(StatsQuery query) {
                throw new HistoryException("connection refused", null);
            }

            @Override
            public void close() {}
        };
        ChatBot bot = bot(config(), down);
        assertEquals(
                1,
                send(bot, post("7", false, "", image("p.png", picture))).replies.size());
        assertEquals(
                "The prediction history is unavailable right now.",
                send(bot, post("7", false, "!stats")).texts().get(0));
    }
}
