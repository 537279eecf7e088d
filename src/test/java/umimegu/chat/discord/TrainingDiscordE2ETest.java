package umimegu.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static umimegu.chat.discord.DiscordE2E.awaitMessages;
import static umimegu.chat.discord.DiscordE2E.picture;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import umimegu.chat.discord.standin.BotMessage;
import umimegu.chat.discord.standin.DiscordStandIn;
import umimegu.chat.discord.standin.RecordedRequest;
import umimegu.history.HistoryStore;
import umimegu.history.StatsQuery;

/** {@code !train} and {@code !test} through the real Javacord client and a Discord stand-in. */
class TrainingDiscordE2ETest {
    @RegisterExtension
    static BotOnStandIn bot = new BotOnStandIn();

    static DiscordStandIn discord = bot.discord();

    @Test
    void aMemberWithoutAdminRightsCannotTrain() throws Exception {
        String channel = discord.channel(0);
        long modelsBefore = models();
        discord.post(channel, discord.member(), "!train");

        BotMessage refusal = awaitMessages(discord, channel, 1).get(0);
        assertEquals("Sorry, only admins can train the model.", refusal.content());
        assertFalse(bot.chat().trainingRunning());
        Thread.sleep(300);
        assertEquals(modelsBefore, models(), "nothing was trained");
        assertEquals(1, discord.messagesIn(channel).size());
    }

    @Test
    void anAdminTrainsWithProgressCurvesAndTheNewModelAnswersAfterwards() throws Exception {
        String channel = discord.channel(1);
        String before = bot.app().store().loadCurrent().id();
        discord.post(channel, discord.admin(), "!train");
        discord.post(channel, discord.admin(), "!train"); // while the first one runs

        BotMessage done = discord.await(
                "the training summary",
                DiscordE2E.WAIT.multipliedBy(4),
                () -> discord.messagesIn(channel).stream()
                        .filter(m -> m.content().startsWith("Training done"))
                        .findFirst()
                        .orElse(null));
        List<BotMessage> messages = discord.messagesIn(channel);
        BotMessage progress = messages.stream()
                .filter(m -> m.versions().get(0).startsWith("Training started"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(messages.toString()));
        assertTrue(
                progress.versions().stream().anyMatch(v -> v.contains("epoch 1/2, val_loss")),
                progress.versions().toString());
        assertTrue(
                progress.versions().stream().anyMatch(v -> v.contains("epoch 2/2, val_loss")),
                progress.versions().toString());
        assertTrue(
                messages.stream().anyMatch(m -> m.content().startsWith("A training is already running")),
                messages.toString());

        List<String> curves = done.files().stream()
                .map(RecordedRequest.Part::fileName)
                .sorted()
                .toList();
        assertEquals(2, curves.size(), curves.toString());
        for (RecordedRequest.Part png : done.files()) {
            assertTrue(ImageIO.read(new ByteArrayInputStream(png.bytes())).getWidth() > 100, png.fileName());
        }
        String after = bot.app().store().loadCurrent().id();
        assertNotEquals(before, after);
        assertTrue(done.content().contains("Model " + after + " is now answering"), done.content());

        discord.post(channel, discord.admin(), "", picture(bot.work(), "megumi", 1));
        awaitMessages(discord, channel, messages.size() + 1);
        try (HistoryStore history = bot.app().openHistory()) {
            long byNewModel = discord.await("an answer by the new model", DiscordE2E.WAIT, () -> {
                long n = history.stats(new StatsQuery(null, null, null, channel, after, 1))
                        .total();
                return n > 0 ? n : null;
            });
            assertEquals(1, byNewModel);
        }
    }

    @Test
    void testPostsTheSeedLineAndTheConfusionMatrix() {
        String channel = discord.channel(2);
        discord.post(channel, discord.member(), "!test");

        BotMessage result = awaitMessages(discord, channel, 1).get(0);
        assertTrue(
                result.content()
                        .lines()
                        .findFirst()
                        .orElseThrow()
                        .matches("Test loss: \\d+\\.\\d{6}, Test acc: \\d\\.\\d{6} \\(model .*, 8 pictures\\)"),
                result.content());
        assertTrue(result.content().contains("Calibration error (ECE, 10 bins): "), result.content());
        assertEquals(
                List.of("confusion-matrix.png", "reliability.png"),
                result.files().stream()
                        .map(RecordedRequest.Part::fileName)
                        .sorted()
                        .toList());
    }

    private long models() throws Exception {
        try (Stream<Path> dirs = Files.list(bot.work().resolve("models"))) {
            return dirs.filter(Files::isDirectory).count();
        }
    }
}
