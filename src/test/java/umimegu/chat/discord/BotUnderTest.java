package umimegu.chat.discord;

import java.nio.file.Path;
import java.util.Properties;

import umimegu.TestFixtures;
import umimegu.app.Application;
import umimegu.app.DiscordService;
import umimegu.chat.discord.standin.DiscordStandIn;
import umimegu.model.TrainingListener;

/**
 * The real bot as {@code bot} runs it (same wiring, real model trained on the demo generator's
 * pictures, real H2 in a temp folder), logged in to a {@link DiscordStandIn}.
 */
final class BotUnderTest implements AutoCloseable {
    final Path work;
    final Application app;
    final DiscordService service;

    private BotUnderTest(Path work, Application app, DiscordService service) {
        this.work = work;
        this.app = app;
        this.service = service;
    }

    /** The test's config: trains fast; {@code adjust} may change anything before the model is trained. */
    static Properties config(Path work) {
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "2");
        p.setProperty("chat.max-attachment-bytes", "3000000");
        return p;
    }

    static BotUnderTest start(Path work, Properties config, DiscordStandIn discord) throws Exception {
        TestFixtures.syntheticImages(work.resolve("images"), 16, 31);
        TestFixtures.syntheticImages(work.resolve("images-test"), 4, 32);
        Application app = new Application(TestFixtures.load(config));
        app.trainingService().train(new TrainingListener() { }, () -> false);
        return new BotUnderTest(work, app, DiscordService.start(app, discord.connection()));
    }

    @Override
    public void close() {
        service.close();
    }
}
