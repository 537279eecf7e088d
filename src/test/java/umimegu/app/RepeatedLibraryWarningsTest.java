package umimegu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Javacord retrying an unreachable Discord: one warning, not one every few seconds; our own lines untouched. */
class RepeatedLibraryWarningsTest {
    @Test
    void aLibrarysRepeatedWarningPassesOnceAndOursAlways() {
        LoggerContext context = new LoggerContext();
        RepeatedLibraryWarnings filter = new RepeatedLibraryWarnings();
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
        List<String> seen = new ArrayList<>();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                seen.add(e.getLoggerName() + ": " + e.getFormattedMessage());
            }
        };
        capture.setContext(context);
        capture.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(capture);

        Logger javacord = context.getLogger("org.javacord.core.util.gateway.DiscordWebSocketAdapter");
        Logger ours = context.getLogger("umimegu.chat.ChatBot");
        for (int i = 0; i < 20; i++) {
            javacord.warn("An error occurred while connecting to websocket", new RuntimeException("discord.com"));
            ours.warn("Could not send a reply: {}", "attempt " + i);
        }
        javacord.warn("Another problem");
        javacord.info("Trying to reconnect/resume in 4 seconds!");
        assertEquals(
                1,
                seen.stream().filter(s -> s.endsWith("connecting to websocket")).count());
        assertEquals(
                20,
                seen.stream().filter(s -> s.startsWith("umimegu.chat.ChatBot")).count());
        assertEquals(1, seen.stream().filter(s -> s.endsWith("Another problem")).count());
        assertEquals(
                1,
                seen.stream().filter(s -> s.contains("Trying to reconnect")).count(),
                "INFO is for logback.xml's levels");
        LoggerFactory.getLogger(getClass()).info("seen: {}", seen.size());
    }
}
