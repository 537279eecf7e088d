package umimegu.chat.discord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import umimegu.TestFixtures;
import umimegu.app.Application;
import umimegu.chat.ChatBot;
import umimegu.chat.discord.standin.DiscordStandIn;
import umimegu.model.TrainingListener;

/**
 * The real bot as {@code bot} runs it (same wiring, a model trained on the demo generator's
 * pictures, H2 in a temp folder), logged in to a {@link DiscordStandIn}, for one test class:
 * {@code @RegisterExtension static BotOnStandIn bot = new BotOnStandIn(config -> ...);}.
 */
final class BotOnStandIn implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final DiscordStandIn discord = new DiscordStandIn();
    private final Consumer<Properties> adjust;
    private Path work;
    private Application app;
    private DiscordService service;
    private String token;

    BotOnStandIn() {
        this(p -> {});
    }

    /** {@code adjust} may change the test config (trains fast: 32×32, 2 epochs, 3 MB attachments). */
    BotOnStandIn(Consumer<Properties> adjust) {
        this.adjust = adjust;
    }

    DiscordStandIn discord() {
        return discord;
    }

    Path work() {
        return work;
    }

    Application app() {
        return app;
    }

    /** The token the bot logged in with. */
    String token() {
        return token;
    }

    ChatBot chat() {
        return service.chat();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        discord.start();
        work = Files.createTempDirectory("umimegu-discord-e2e");
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "2");
        p.setProperty("chat.max-attachment-bytes", "3000000");
        adjust.accept(p);
        TestFixtures.syntheticImages(work.resolve("images"), 16, 31);
        TestFixtures.syntheticImages(work.resolve("images-test"), 4, 32);
        app = new Application(TestFixtures.load(p));
        app.trainingService().train(new TrainingListener() {}, () -> false);
        DiscordConnection connection = discord.connection();
        token = connection.token();
        service = DiscordService.start(app, connection);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        discord.assertNoProblems();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            discord.close();
            if (work != null) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
