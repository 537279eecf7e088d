package umimegu.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static umimegu.chat.discord.DiscordE2E.picture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import umimegu.chat.discord.standin.BotMessage;
import umimegu.chat.discord.standin.DiscordStandIn;
import umimegu.chat.discord.standin.DiscordStandIn.Option;
import umimegu.chat.discord.standin.RecordedRequest;

/** Login, slash command registration, and slash commands answered through deferral and follow-up. */
class SlashCommandsDiscordE2ETest {
    @RegisterExtension
    static BotOnStandIn bot = new BotOnStandIn();

    static DiscordStandIn discord = bot.discord();

    @Test
    void theBotIdentifiesWithTheMessageContentIntentAndRegistersItsCommands() {
        JsonNode identify = discord.identifies().get(0);
        long intents = identify.get("intents").asLong();
        assertTrue((intents & (1 << 15)) != 0, "MESSAGE_CONTENT intent: " + intents);
        assertTrue((intents & (1 << 9)) != 0, "GUILD_MESSAGES intent: " + intents);
        assertTrue((intents & (1 << 10)) != 0, "GUILD_MESSAGE_REACTIONS intent (✅/❌ on answers): " + intents);
        assertTrue(
                discord.gatewayRequests().get(0).contains("encoding=json&v=10"),
                discord.gatewayRequests().toString());

        RecordedRequest registration = discord.requests().stream()
                .filter(r -> r.is("PUT", "/applications/" + DiscordStandIn.APPLICATION_ID + "/commands"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no global command registration: " + discord.requests()));
        List<String> names = new ArrayList<>();
        registration.json().forEach(c -> names.add(c.get("name").asText()));
        assertEquals(
                List.of(
                        "accept",
                        "add",
                        "channel",
                        "classify",
                        "feedback",
                        "labels",
                        "models",
                        "reject",
                        "review",
                        "rollback",
                        "stats",
                        "test",
                        "train",
                        "use"),
                names.stream().sorted().toList());
        JsonNode classify = null;
        for (JsonNode c : registration.json()) {
            if (c.get("name").asText().equals("classify")) {
                classify = c;
            }
        }
        JsonNode image = classify.get("options").get(0);
        assertEquals("image", image.get("name").asText());
        assertEquals(11, image.get("type").asInt(), "an attachment option");
        assertTrue(image.get("required").asBoolean());
    }

    @Test
    void classifyIsDeferredAtOnceThenAnswered() throws Exception {
        String token = discord.slash(
                discord.channel(0),
                discord.member(),
                "classify",
                Option.attachment("image", picture(bot.work(), "umi", 2)));

        BotMessage answer = firstResponse(token);
        assertTrue(answer.content().matches(ImageAnswersDiscordE2ETest.ANSWER), answer.content());
        assertDeferredFirst(token);
    }

    @Test
    void statsIsDeferredAtOnceThenAnswered() {
        DiscordStandIn.Member fan = discord.fan(3);
        String token = discord.slash(
                discord.channel(1), discord.admin(), "stats", Option.string("period", "7d"), Option.user("user", fan));

        BotMessage answer = firstResponse(token);
        assertTrue(
                answer.content().contains("Predictions: 0, not sure: 0"),
                "the fan posted nothing: " + answer.content());
        assertDeferredFirst(token);
    }

    @Test
    void testAnswersWithTheSeedLineAndUploadsTheConfusionMatrixInTheResponse() {
        String token = discord.slash(discord.channel(4), discord.member(), "test");

        BotMessage answer = firstResponse(token);
        assertTrue(answer.content().startsWith("Test loss: "), answer.content());
        assertEquals(
                List.of("confusion-matrix.png", "reliability.png"),
                answer.files().stream()
                        .map(RecordedRequest.Part::fileName)
                        .sorted()
                        .toList());
        byte[] png = answer.files().stream()
                .filter(f -> f.fileName().equals("confusion-matrix.png"))
                .findFirst()
                .orElseThrow()
                .bytes();
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        RecordedRequest patch = discord.requests().stream()
                .filter(r -> r.path().contains(token) && r.method().equals("PATCH"))
                .findFirst()
                .orElseThrow();
        assertTrue(patch.contentType().startsWith("multipart/form-data"), patch.contentType());
        assertDeferredFirst(token);
    }

    @Test
    void trainByAMemberIsRefusedInTheResponse() {
        String token = discord.slash(discord.channel(2), discord.member(), "train");

        BotMessage answer = firstResponse(token);
        assertEquals("Sorry, only admins can train the model.", answer.content());
        assertTrue(!bot.chat().trainingRunning());
    }

    @Test
    void aRefusedTokenEndsTheLoginQuicklyWithAClearError() {
        long start = System.nanoTime();
        DiscordLoginException e = assertThrows(
                DiscordLoginException.class,
                () -> DiscordService.start(bot.app(), discord.connectionWithWrongToken())
                        .close());
        assertTrue(e.getMessage().startsWith("Could not log in to Discord"), e.getMessage());
        assertFalse(
                e.getMessage().contains("stand-in-token"), "the token never appears in messages: " + e.getMessage());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "no waiting for the 60 s login timeout");
        List<String> seen = discord.takeProblems();
        assertTrue(
                seen.stream().anyMatch(p -> p.contains("without the bot's token") || p.contains("wrong token")),
                seen.toString());
    }

    @Test
    void aPacketJavacordCannotHandleFailsTheTest() {
        discord.dispatchRaw("MESSAGE_CREATE", "{\"id\":\"1\",\"channel_id\":\"" + discord.channel(3) + "\"}");
        discord.await(
                "Javacord's warning",
                DiscordE2E.WAIT,
                () -> discord.logged("Couldn't handle packet") > 0 ? true : null);
        AssertionError caught = assertThrows(AssertionError.class, discord::assertNoProblems);
        assertTrue(caught.getMessage().contains("MESSAGE_CREATE"), caught.getMessage());
    }

    /** The first response with text to the interaction, once it has come. */
    private static BotMessage firstResponse(String token) {
        return discord.await(
                "the response to " + token,
                DiscordE2E.WAIT,
                () -> discord.responsesTo(token).stream()
                        .filter(m -> !m.content().isEmpty())
                        .findFirst()
                        .orElse(null));
    }

    /** The deferral ({"type":5}) went out before anything else was said about this interaction. */
    private static void assertDeferredFirst(String token) {
        List<RecordedRequest> about = discord.requests().stream()
                .filter(r -> r.path().contains(token))
                .toList();
        RecordedRequest first = about.get(0);
        assertTrue(first.is("POST", "/interactions/\\d+/" + token + "/callback"), about.toString());
        assertEquals(5, first.json().get("type").asInt(), "DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE");
        assertTrue(
                about.get(1)
                        .is(
                                "PATCH",
                                "/webhooks/" + DiscordStandIn.APPLICATION_ID + "/" + token + "/messages/@original"),
                about.toString());
    }
}
