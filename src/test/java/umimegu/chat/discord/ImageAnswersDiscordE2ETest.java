package umimegu.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static umimegu.chat.discord.DiscordE2E.awaitMessages;
import static umimegu.chat.discord.DiscordE2E.picture;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import umimegu.TestFixtures;
import umimegu.chat.discord.standin.BotMessage;
import umimegu.chat.discord.standin.DiscordStandIn;
import umimegu.chat.discord.standin.DiscordStandIn.Upload;
import umimegu.chat.discord.standin.RecordedRequest;
import umimegu.history.HistoryStore;
import umimegu.history.StatsQuery;

/** Pictures posted in a channel, through the real Javacord client and a Discord stand-in. */
class ImageAnswersDiscordE2ETest {
    /** One answer: sure or not, a label and a percentage, maybe a note (no face found). */
    static final String ANSWER = "(This is|Not sure — closest is) (Megumi|Umi): \\d+\\.\\d%( \\(.*\\))?";

    @RegisterExtension
    static BotOnStandIn bot = new BotOnStandIn(
            // every picture counts as explicit, as a real explicit one would: spoilers outside NSFW channels
            p -> p.setProperty("answer.nsfw-spoiler-above", "0"));

    static DiscordStandIn discord = bot.discord();

    @Test
    void aPictureIsAnsweredWithThePercentageAndRecorded() throws Exception {
        String channel = discord.channel(0);
        discord.post(channel, discord.member(), "", picture(bot.work(), "umi", 0));

        BotMessage answer = awaitMessages(discord, channel, 1).get(0);
        assertTrue(answer.content().lines().anyMatch(l -> l.matches(ANSWER)), answer.content());
        assertEquals(List.of(), answer.files(), "one face or none: no annotated picture");
        discord.await(
                "the typing indicator",
                DiscordE2E.WAIT,
                () -> discord.requests().stream()
                        .filter(r -> r.is("POST", "/channels/" + channel + "/typing"))
                        .findFirst()
                        .orElse(null));
        try (HistoryStore history = bot.app().openHistory()) {
            long recorded = discord.await("the answer in the history", DiscordE2E.WAIT, () -> {
                long n = history.stats(
                                new StatsQuery(null, null, discord.member().id(), channel, null, 5))
                        .total();
                return n > 0 ? n : null;
            });
            assertEquals(1, recorded);
            var last = history.stats(new StatsQuery(null, null, discord.member().id(), channel, null, 5))
                    .recent()
                    .get(0);
            assertEquals("discord", last.source());
            assertEquals(DiscordStandIn.GUILD_ID, last.guildId());
        }
    }

    @Test
    void severalFacesGetOneLineEachAndTheAnnotatedPicture() throws Exception {
        Path scene = TestFixtures.sharedData("anime_scenes").resolve("detect_01.jpg");
        String channel = discord.nsfwChannel();
        discord.post(channel, discord.member(), "who are they?", new Upload("scene.jpg", Files.readAllBytes(scene)));

        BotMessage answer = awaitMessages(discord, channel, 1).get(0);
        List<String> faces = answer.content()
                .lines()
                .filter(l -> l.matches("Face \\d+: " + ANSWER))
                .toList();
        assertEquals(6, faces.size(), answer.content());
        assertEquals(1, answer.files().size());
        RecordedRequest.Part annotated = answer.files().get(0);
        assertEquals("faces.png", annotated.fileName(), "no spoiler in a channel marked NSFW");
        var image = ImageIO.read(new ByteArrayInputStream(annotated.bytes()));
        assertEquals(ImageIO.read(scene.toFile()).getWidth(), image.getWidth(), "the picture itself, with boxes");
    }

    @Test
    void anExplicitLookingAnnotatedCopyIsPostedAsASpoilerInAChannelNotMarkedNsfw() throws Exception {
        Path scene = TestFixtures.sharedData("anime_scenes").resolve("detect_01.jpg");
        String channel = discord.channel(1);
        discord.post(channel, discord.member(), "", new Upload("scene.jpg", Files.readAllBytes(scene)));

        BotMessage answer = awaitMessages(discord, channel, 1).get(0);
        assertEquals(
                List.of("SPOILER_faces.png"),
                answer.files().stream().map(RecordedRequest.Part::fileName).toList());
    }

    @Test
    void otherFilesAreIgnoredAndBadPicturesAreRefusedClearlyWhileTheBotKeepsServing() throws Exception {
        String channel = discord.channel(2);
        byte[] huge = new byte[3_100_000];
        new Random(1).nextBytes(huge);
        discord.post(channel, discord.admin(), "my notes", new Upload("notes.txt", "just text".getBytes()));
        discord.post(channel, discord.admin(), "", new Upload("huge.jpg", huge));
        discord.post(channel, discord.admin(), "", new Upload("broken.png", "not a png at all".getBytes()));
        discord.post(channel, discord.admin(), "", picture(bot.work(), "megumi", 0));

        List<String> replies = awaitMessages(discord, channel, 3).stream()
                .map(BotMessage::content)
                .toList();
        Thread.sleep(300); // nothing more may come: the text file gets no answer
        assertEquals(
                3,
                discord.messagesIn(channel).size(),
                discord.messagesIn(channel).toString());
        assertTrue(replies.stream().anyMatch(r -> r.startsWith("huge.jpg is too large for me")), replies.toString());
        assertTrue(replies.stream().anyMatch(r -> r.startsWith("I couldn't read broken.png")), replies.toString());
        assertTrue(replies.stream().anyMatch(r -> r.matches(ANSWER)), replies.toString());
        assertTrue(replies.stream().noneMatch(r -> r.contains("notes.txt")), replies.toString());
    }

    @Test
    void statsCountWhatWasPostedHere() throws Exception {
        String channel = discord.channel(3);
        DiscordStandIn.Member fan = discord.fan(0);
        for (int i = 0; i < 3; i++) {
            discord.post(channel, fan, "", picture(bot.work(), i % 2 == 0 ? "megumi" : "umi", i + 1));
        }
        awaitMessages(discord, channel, 3);
        discord.post(channel, fan, "!stats " + fan.mention());

        BotMessage stats = awaitMessages(discord, channel, 4).get(3);
        assertTrue(stats.content().contains("Predictions: 3,"), stats.content());
        assertTrue(stats.content().contains(fan.id()), "top users name the fan: " + stats.content());
    }

    @Test
    void theBotResumesWhenDiscordAsksItToReconnectAndKeepsAnswering() throws Exception {
        String channel = discord.channel(5);
        discord.requestReconnect();
        discord.await(
                "a RESUME", Duration.ofSeconds(30), () -> discord.resumes().isEmpty() ? null : true);

        discord.post(channel, discord.member(), "", picture(bot.work(), "umi", 3));
        BotMessage answer = awaitMessages(discord, channel, 1).get(0);
        assertTrue(answer.content().matches(ANSWER), answer.content());
        assertEquals(1, discord.identifies().size(), "resumed, not logged in again");
    }

    @Test
    void messagesWithoutContentLogTheIntentHintOnce() throws Exception {
        String channel = discord.channel(4);
        discord.post(channel, discord.member(), "");
        discord.post(channel, discord.member(), "");
        discord.post(channel, discord.member(), "!help"); // processed after the two empty ones
        awaitMessages(discord, channel, 1);
        assertEquals(1, discord.logged("switch on the MESSAGE CONTENT intent"));
        assertEquals(1, discord.messagesIn(channel).size(), "empty messages get no reply");
    }
}
