package umimegu.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import umimegu.TestFixtures;
import umimegu.app.Application;
import umimegu.chat.ChatBot;
import umimegu.config.WebSettings;
import umimegu.model.TrainingListener;
import umimegu.usecase.HistorySession;
import umimegu.usecase.LiveModel;

/**
 * The real web server on a free loopback port, wired as {@code serve} wires it, with a model
 * trained on the demo generator's pictures, H2 in a temp folder and the admin token {@link #TOKEN}.
 */
final class WebFixture implements BeforeAllCallback, AfterAllCallback {
    static final String TOKEN = "test-admin-token";
    private Path work;
    private Application app;
    private HistorySession history;
    private ChatBot chat;
    private WebServer server;
    private final java.util.function.Consumer<Properties> adjust;

    WebFixture() {
        this(p -> {});
    }

    /** {@code adjust} may change the test config before the server starts. */
    WebFixture(java.util.function.Consumer<Properties> adjust) {
        this.adjust = adjust;
    }

    Path work() {
        return work;
    }

    Application app() {
        return app;
    }

    ChatBot chat() {
        return chat;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Pages following the training on the server now. */
    int eventStreams() {
        return server.eventStreams();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        work = Files.createTempDirectory("umimegu-web");
        TestFixtures.syntheticImages(work.resolve("images"), 16, 51);
        TestFixtures.syntheticImages(work.resolve("images-test"), 4, 52);
        Properties p = TestFixtures.fastConfig(work);
        p.setProperty("train.max-epochs", "3");
        if (WebBrowserTest.RETAKING_SCREENSHOTS) { // the pictures in docs/ show a model as the default recipe trains it
            Properties defaults = umimegu.config.ConfigLoader.defaults();
            for (String key :
                    List.of("input.width", "input.height", "train.batch-size", "train.max-epochs", "train.patience")) {
                p.setProperty(key, defaults.getProperty(key));
            }
        }
        p.setProperty("history.crops-dir", work.resolve("data/crops").toString());
        p.setProperty("chat.review-dir", work.resolve("data/review").toString());
        adjust.accept(p);
        app = new Application(TestFixtures.load(p).withWeb(new WebSettings("127.0.0.1", 0, 10)));
        app.trainingService().train(new TrainingListener() {}, () -> false);
        history = app.historySession();
        LiveModel live = app.liveModel();
        chat = app.chatBot("web", live, history);
        server = WebServer.start(new WebServer.Parts(
                chat.training(),
                app.answerPicture(live::get, history),
                app.answers(),
                live,
                chat.teaching(),
                app.decoder(),
                app.config().chat().maxAttachmentBytes(),
                app.config().web(),
                TOKEN,
                app.config().spoilers().nsfwOffDiscord()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
        if (chat != null) {
            chat.awaitIdle(java.time.Duration.ofMinutes(2), true);
            chat.close();
        }
        if (history != null) {
            history.close();
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
