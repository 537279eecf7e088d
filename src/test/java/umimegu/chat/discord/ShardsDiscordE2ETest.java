package umimegu.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static umimegu.chat.discord.DiscordE2E.awaitMessages;
import static umimegu.chat.discord.DiscordE2E.picture;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import umimegu.TestFixtures;
import umimegu.app.Application;
import umimegu.chat.discord.standin.BotMessage;
import umimegu.chat.discord.standin.DiscordStandIn;
import umimegu.history.HistorySettings;
import umimegu.history.HistoryStore;
import umimegu.history.StatsQuery;
import umimegu.history.TestDatabase;
import umimegu.model.TrainingListener;

/**
 * Two bot processes' worth of wiring (two {@code DiscordService}s, each with its own Application,
 * pool and connection) as shards 0 and 1 of one bot, against one Discord stand-in, one real
 * PostgreSQL history and one models folder.
 */
class ShardsDiscordE2ETest {
    static final DiscordStandIn discord = new DiscordStandIn(2);
    static Path work;
    static Application[] apps = new Application[2];
    static DiscordService[] shards = new DiscordService[2];

    @BeforeAll
    static void startTwoShards() throws Exception {
        discord.start();
        work = Files.createTempDirectory("umimegu-shards");
        HistorySettings history = TestDatabase.POSTGRES.fresh(work, "shards");
        TestFixtures.syntheticImages(work.resolve("images"), 16, 41);
        TestFixtures.syntheticImages(work.resolve("images-test"), 4, 42);
        for (int shard = 0; shard < 2; shard++) {
            Properties p = TestFixtures.fastConfig(work);
            p.setProperty("train.max-epochs", "2");
            p.setProperty("history.jdbc-url", history.jdbcUrl());
            p.setProperty("history.user", history.user());
            p.setProperty("history.password", history.password());
            p.setProperty("discord.shard", String.valueOf(shard));
            p.setProperty("discord.shards", "2");
            p.setProperty("models.follow-seconds", "0.3");
            p.setProperty("chat.rate-per-minute", "0");
            apps[shard] = new Application(TestFixtures.load(p));
        }
        apps[0].trainingService().train(new TrainingListener() {}, () -> false);
        shards[0] = DiscordService.start(apps[0], discord.connection());
        shards[1] = DiscordService.start(apps[1], discord.sameBot());
    }

    @AfterEach
    void noProblems() {
        discord.assertNoProblems();
    }

    @AfterAll
    static void stop() throws Exception {
        for (DiscordService s : shards) {
            if (s != null) {
                s.close();
            }
        }
        discord.close();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** A channel of the server that Discord gives to {@code shard}. */
    private static String channelOf(int shard, int i) {
        return discord.shardOf(DiscordStandIn.GUILD_ID) == shard ? discord.channel(i) : discord.secondChannel(i);
    }

    private static String lastModelIn(HistoryStore history, String channel) {
        var recent = history.stats(new StatsQuery(null, null, null, channel, null, 1))
                .recent();
        return recent.isEmpty() ? null : recent.get(0).modelId();
    }

    @Test
    void eachShardIdentifiesAsItselfAndCommandsAreRegisteredOnce() {
        List<String> shardFields = new ArrayList<>();
        for (JsonNode identify : discord.identifies()) {
            shardFields.add(identify.get("shard").toString());
        }
        assertEquals(List.of("[0,2]", "[1,2]"), shardFields.stream().sorted().toList());
        long registrations = discord.requests().stream()
                .filter(r -> r.method().equals("PUT"))
                .count();
        assertEquals(1, registrations, "slash commands are registered by shard 0 only");
    }

    @Test
    void eachShardAnswersItsOwnServersAndStatsCountBoth() throws Exception {
        String first = channelOf(0, 0);
        String second = channelOf(1, 0);
        discord.post(first, discord.member(), "", picture(work, "megumi", 0));
        discord.post(second, discord.member(), "", picture(work, "umi", 0));
        awaitMessages(discord, first, 1);
        awaitMessages(discord, second, 1);
        Thread.sleep(500);
        assertEquals(1, discord.messagesIn(first).size(), "one answer: only the server's own shard got the message");
        assertEquals(1, discord.messagesIn(second).size());

        discord.post(second, discord.member(), "!stats");
        String stats = awaitMessages(discord, second, 2).get(1).content();
        assertTrue(
                stats.matches("(?s).*Predictions: [2-9]\\d*,.*"), "both shards' answers, from one history: " + stats);
    }

    @Test
    void oneTrainingForBothShardsAndTheOtherShardAnswersWithItsModel() throws Exception {
        String here = channelOf(0, 1);
        String there = channelOf(1, 1);
        String before = apps[0].store().currentId();
        discord.post(here, discord.admin(), "!train");
        discord.post(there, discord.admin(), "!train");
        BotMessage done = discord.await(
                "the training summary",
                DiscordE2E.WAIT.multipliedBy(4),
                () -> Stream.of(here, there)
                        .flatMap(c -> discord.messagesIn(c).stream())
                        .filter(m -> m.content().startsWith("Training done"))
                        .findFirst()
                        .orElse(null));
        List<String> all = Stream.of(here, there)
                .flatMap(c -> discord.messagesIn(c).stream())
                .map(BotMessage::content)
                .toList();
        assertEquals(1, all.stream().filter(t -> t.startsWith("Training done")).count(), all.toString());
        assertEquals(
                1,
                all.stream()
                        .filter(t -> t.startsWith("A training is already running in another bot process"))
                        .count(),
                all.toString());
        String after = apps[0].store().currentId();
        assertNotEquals(before, after);
        assertTrue(done.content().contains(after));

        String trainedIn =
                discord.messagesIn(here).stream().anyMatch(m -> m.content().startsWith("Training done")) ? here : there;
        String other = trainedIn.equals(here) ? there : here;
        try (HistoryStore history = apps[1].openHistory()) {
            String answeredBy = discord.await("the other shard answering with the new model", DiscordE2E.WAIT, () -> {
                int shown = discord.messagesIn(other).size();
                discord.post(other, discord.member(), "", uncheckedPicture());
                awaitMessages(discord, other, shown + 1);
                String model = lastModelIn(history, other);
                return after.equals(model) ? model : null;
            });
            assertEquals(after, answeredBy);

            int shown = discord.messagesIn(other).size();
            discord.post(other, discord.admin(), "!rollback");
            assertEquals(
                    "Rolled back: model " + before + " answers now.",
                    awaitMessages(discord, other, shown + 1).get(shown).content());
            String rolledBack =
                    discord.await("the training shard answering with the old model again", DiscordE2E.WAIT, () -> {
                        int n = discord.messagesIn(trainedIn).size();
                        discord.post(trainedIn, discord.member(), "", uncheckedPicture());
                        awaitMessages(discord, trainedIn, n + 1);
                        String model = lastModelIn(history, trainedIn);
                        return before.equals(model) ? model : null;
                    });
            assertEquals(before, rolledBack);
        }
    }

    private static DiscordStandIn.Upload uncheckedPicture() {
        try {
            return picture(work, "umi", 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
