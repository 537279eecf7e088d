package umimegu.chat.discord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import umimegu.chat.discord.standin.BotMessage;
import umimegu.chat.discord.standin.DiscordStandIn;
import umimegu.chat.discord.standin.DiscordStandIn.Upload;

/** Small helpers shared by the {@code *DiscordE2ETest} classes. */
final class DiscordE2E {
    static final Duration WAIT = Duration.ofSeconds(30);

    private DiscordE2E() {}

    /** A held-out synthetic picture of the given label (the model was trained on the same generator). */
    static Upload picture(Path work, String label, int index) throws IOException {
        try (Stream<Path> files = Files.list(work.resolve("images-test").resolve(label))) {
            Path file = files.sorted().toList().get(index);
            return new Upload(file.getFileName().toString(), Files.readAllBytes(file));
        }
    }

    /** Waits until the bot has posted at least {@code n} messages in the channel and returns them. */
    static List<BotMessage> awaitMessages(DiscordStandIn discord, String channel, int n) {
        return discord.await(n + " bot message(s) in the channel", WAIT, () -> {
            List<BotMessage> messages = discord.messagesIn(channel);
            return messages.size() >= n ? messages : null;
        });
    }
}
