package umimegu.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import umimegu.chat.discord.standin.DiscordStandIn;

/**
 * The token is a secret: with Javacord and our code logging at TRACE through a whole login,
 * slash-command registration and an answered message, no log line contains it.
 */
class TokenPrivacyDiscordE2ETest {
    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static final Everything CAPTURE = new Everything();
    private static final List<Logger> LOUD =
            List.of((Logger) LoggerFactory.getLogger("org.javacord"), (Logger) LoggerFactory.getLogger("umimegu"));

    static { // before the extension logs the bot in
        CAPTURE.setContext(LOUD.get(0).getLoggerContext());
        CAPTURE.start();
        for (Logger logger : LOUD) {
            logger.setLevel(Level.TRACE);
            logger.setAdditive(false); // keep the console quiet
            logger.addAppender(CAPTURE);
        }
    }

    @RegisterExtension
    static BotOnStandIn bot = new BotOnStandIn();

    static DiscordStandIn discord = bot.discord();

    @AfterAll
    static void quiet() {
        for (Logger logger : LOUD) {
            logger.detachAppender(CAPTURE);
            logger.setLevel(null);
            logger.setAdditive(true);
        }
    }

    @Test
    void noLogLineShowsTheToken() throws Exception {
        String channel = discord.channel(6);
        discord.post(channel, discord.member(), "", DiscordE2E.picture(bot.work(), "umi", 1));
        DiscordE2E.awaitMessages(discord, channel, 1);

        assertTrue(LINES.size() > 10, "Javacord logged the login at TRACE: " + LINES.size() + " lines");
        assertTrue(
                LINES.stream()
                        .anyMatch(l -> l.contains("IDENTIFY") || l.contains("\"op\":2") || l.contains("identify")),
                "the identify packet was logged, so the check saw it");
        assertEquals(
                List.of(), LINES.stream().filter(l -> l.contains(bot.token())).toList());
    }

    private static final class Everything extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            LINES.add(event.getFormattedMessage());
        }
    }
}
