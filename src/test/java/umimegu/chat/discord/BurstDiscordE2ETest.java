package umimegu.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static umimegu.chat.discord.DiscordE2E.picture;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import umimegu.chat.discord.standin.BotMessage;
import umimegu.chat.discord.standin.DiscordStandIn;
import umimegu.chat.discord.standin.DiscordStandIn.Upload;

/**
 * Many pictures at once from many users: each gets exactly one reply, an answer or a polite
 * refusal. This bot is configured for one server, so its slash commands are registered there.
 */
class BurstDiscordE2ETest {
    private static final int USERS = 10;
    private static final int PER_USER = 5;
    private static final int RATE = 4;

    @RegisterExtension
    static BotOnStandIn bot = new BotOnStandIn(p -> {
        p.setProperty("chat.rate-per-minute", String.valueOf(RATE));
        p.setProperty("discord.guild-ids", DiscordStandIn.GUILD_ID);
    });

    static DiscordStandIn discord = bot.discord();

    @Test
    void slashCommandsGoToTheConfiguredServerInsteadOfGlobally() {
        var put = discord.requests().stream()
                .filter(r -> r.method().equals("PUT"))
                .toList();
        assertEquals(1, put.size(), put.toString());
        assertEquals(
                "/applications/" + DiscordStandIn.APPLICATION_ID + "/guilds/" + DiscordStandIn.GUILD_ID + "/commands",
                put.get(0).path());
        assertEquals(
                bot.chat().commands().all().stream()
                        .filter(umimegu.chat.ChatCommand::inPlatformMenu)
                        .count(),
                put.get(0).json().size(),
                "every command of the menu");
        assertEquals(14, put.get(0).json().size());
    }

    @Test
    void fiftyPicturesFromTenUsersAreAllAnsweredOrRateLimited() throws Exception {
        String channel = discord.channel(5);
        Upload picture = picture(bot.work(), "megumi", 2);
        for (int round = 0; round < PER_USER; round++) {
            for (int user = 0; user < USERS; user++) {
                discord.post(channel, discord.fan(user), "", picture);
            }
        }

        List<BotMessage> replies = DiscordE2E.awaitMessages(discord, channel, USERS * PER_USER);
        Thread.sleep(500); // no extra replies either
        replies = discord.messagesIn(channel);
        long answered = replies.stream()
                .filter(m -> m.content().matches(ImageAnswersDiscordE2ETest.ANSWER))
                .count();
        long limited = replies.stream()
                .filter(m -> m.content().startsWith("You're sending pictures faster"))
                .count();
        assertEquals(USERS * PER_USER, replies.size(), "one reply per picture");
        assertEquals(USERS * RATE, answered, replies.toString());
        assertEquals(USERS * (PER_USER - RATE), limited);
    }
}
