package umimegu.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static umimegu.chat.discord.DiscordE2E.awaitMessages;
import static umimegu.chat.discord.DiscordE2E.picture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import umimegu.TestFixtures;
import umimegu.chat.discord.standin.BotMessage;
import umimegu.chat.discord.standin.DiscordStandIn;
import umimegu.history.HistoryStore;
import umimegu.history.StatsQuery;
import umimegu.teaching.FeedbackReport;

/** Teaching the bot on Discord: replies, reactions, review, adding pictures and switching models, through Javacord. */
class TeachingDiscordE2ETest {
    @RegisterExtension
    static BotOnStandIn bot = new BotOnStandIn();

    static DiscordStandIn discord = bot.discord();

    private static long chatFiles(String label) throws Exception {
        Path folder = bot.work().resolve("images").resolve(label);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("chat-"))
                    .count();
        }
    }

    private static long allPictures() throws Exception {
        try (Stream<Path> files = Files.walk(bot.work().resolve("images"))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .count();
        }
    }

    private static BotMessage next(String channel, int count) {
        List<BotMessage> messages = awaitMessages(discord, channel, count);
        return messages.get(count - 1);
    }

    private static long pictures(String modelId) throws Exception {
        Properties metrics = new Properties();
        try (var in = Files.newBufferedReader(
                bot.app().store().root().resolve(modelId).resolve("metrics.properties"))) {
            metrics.load(in);
        }
        return Integer.parseInt(metrics.getProperty("train_images"))
                + Integer.parseInt(metrics.getProperty("validation_images"));
    }

    @Test
    void aReplyCorrectsAnAnswerAnAdminAcceptsItAndTheNextTrainingLearnsIt() throws Exception {
        String channel = discord.channel(2);
        String before = bot.app().store().currentId();
        discord.post(channel, discord.member(), "", picture(bot.work(), "megumi", 0));
        BotMessage answer = next(channel, 1);

        discord.replyTo(channel, discord.member(), answer.id(), "!wrong kotoha");
        String queued = next(channel, 2).content();
        assertTrue(
                queued.matches(
                        "Thanks — your correction of that face \\(I said \\w+\\) waits for an admin's review \\(#\\d+\\)\\."),
                queued);
        String number = queued.replaceAll(".*#(\\d+).*", "$1");

        discord.post(channel, discord.member(), "!accept " + number);
        assertEquals("Sorry, only admins can accept pictures.", next(channel, 3).content());
        discord.post(channel, discord.admin(), "!review");
        BotMessage review = next(channel, 4);
        assertTrue(review.content().startsWith("#" + number + " correction: I said "), review.content());
        assertEquals("review-" + number + ".png", review.files().get(0).fileName());
        discord.post(channel, discord.admin(), "!accept " + number);
        assertTrue(next(channel, 5).content().startsWith("#" + number + ": accepted into kotoha"));
        assertEquals(1, chatFiles("kotoha"));

        discord.post(channel, discord.admin(), "!train");
        BotMessage done = discord.await(
                "the training summary",
                DiscordE2E.WAIT.multipliedBy(4),
                () -> discord.messagesIn(channel).stream()
                        .filter(m -> m.content().startsWith("Training done"))
                        .findFirst()
                        .orElse(null));
        String after = bot.app().store().currentId();
        assertNotEquals(before, after);
        assertEquals(
                allPictures(), pictures(after), "the new model was trained on every picture, the corrected face too");
        assertTrue(pictures(after) > pictures(before));
        assertTrue(done.content().contains(after));

        int shown = discord.messagesIn(channel).size();
        discord.post(channel, discord.member(), "!rollback");
        assertEquals(
                "Sorry, only admins can switch the model.",
                next(channel, shown + 1).content());
        discord.post(channel, discord.admin(), "!rollback");
        assertEquals(
                "Rolled back: model " + before + " answers now.",
                next(channel, shown + 2).content());
        discord.post(channel, discord.member(), "", picture(bot.work(), "umi", 0));
        next(channel, shown + 3);
        try (HistoryStore history = bot.app().openHistory()) {
            String latest = discord.await("the answer in the history", DiscordE2E.WAIT, () -> {
                var recent = history.stats(new StatsQuery(null, null, null, channel, null, 1))
                        .recent();
                return recent.isEmpty() || recent.get(0).label() == null
                        ? null
                        : recent.get(0).modelId();
            });
            assertEquals(before, latest, "the previous model answers again");
        }
    }

    @Test
    void reactionsOnAnAnswerAreRecordedAsJudgements() throws Exception {
        String channel = discord.channel(3);
        discord.post(channel, discord.member(), "", picture(bot.work(), "umi", 1));
        BotMessage answer = next(channel, 1);
        try (HistoryStore history = bot.app().openHistory()) {
            // the post is linked to its answer once Discord has answered the post: people react later than that
            discord.await(
                    "the answer linked to its post",
                    DiscordE2E.WAIT,
                    () -> bot.app()
                            .feedbackOn(history)
                            .answerOfPost(answer.id())
                            .orElse(null));
            FeedbackReport before = bot.app().feedbackOn(history).feedback(null, null, null, 5);
            discord.react(channel, discord.fan(1), answer.id(), "❌");
            discord.react(channel, discord.fan(2), answer.id(), "✅");
            discord.react(channel, discord.fan(3), answer.id(), "🎉");
            discord.await("two judgements", DiscordE2E.WAIT, () -> {
                FeedbackReport r = bot.app().feedbackOn(history).feedback(null, null, null, 5);
                return r.judged() >= before.judged() + 2 ? r : null;
            });
            Thread.sleep(300);
            FeedbackReport settled = bot.app().feedbackOn(history).feedback(null, null, null, 5);
            assertEquals(before.judged() + 2, settled.judged(), "the party emoji is no judgement");
            assertEquals(before.right() + 1, settled.right());
        }
        assertEquals(1, discord.messagesIn(channel).size(), "reactions are taken quietly");
    }

    @Test
    void anAdminAddsTwoPicturesAndTheSameTwoAreNotAddedAgain() throws Exception {
        Path scenes = TestFixtures.sharedData("anime_scenes");
        String channel = discord.channel(4);
        var first = new DiscordStandIn.Upload("detect_01.jpg", Files.readAllBytes(scenes.resolve("detect_01.jpg")));
        var second = new DiscordStandIn.Upload("detect_03.jpg", Files.readAllBytes(scenes.resolve("detect_03.jpg")));
        long before = chatFiles("hibiki");
        discord.post(channel, discord.admin(), "!add hibiki", first, second);
        assertTrue(
                next(channel, 1).content().startsWith("Added 2 faces to hibiki"),
                discord.messagesIn(channel).toString());
        assertEquals(before + 2, chatFiles("hibiki"));
        discord.post(channel, discord.admin(), "!add hibiki", first, second);
        assertTrue(
                next(channel, 2).content().contains("2 faces were already there"),
                discord.messagesIn(channel).toString());
        assertEquals(before + 2, chatFiles("hibiki"));
    }

    @Test
    void membersCannotSilenceAChannelOrSwitchModels() throws Exception {
        String channel = discord.channel(5);
        discord.post(channel, discord.member(), "!channel off");
        assertEquals(
                "Sorry, only admins can change where I answer.",
                next(channel, 1).content());
        discord.post(channel, discord.member(), "!use " + bot.app().store().currentId());
        assertEquals(
                "Sorry, only admins can switch the model.", next(channel, 2).content());
        discord.post(channel, discord.admin(), "!channel off");
        assertTrue(next(channel, 3).content().startsWith("From now on I'm silent"));
        discord.post(channel, discord.member(), "", picture(bot.work(), "umi", 2));
        Thread.sleep(1500);
        assertEquals(3, discord.messagesIn(channel).size(), "no answer in a silent channel");
        discord.post(channel, discord.admin(), "!channel on");
        assertTrue(next(channel, 4).content().startsWith("From now on I'm answering every picture"));
        discord.post(channel, discord.member(), "", picture(bot.work(), "umi", 2));
        next(channel, 5);
    }
}
