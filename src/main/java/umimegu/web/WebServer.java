package umimegu.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinGson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.app.Application;
import umimegu.common.ServerPaths;
import umimegu.config.WebSettings;
import umimegu.recognition.AnswerFormatter;
import umimegu.usecase.AnswerPicture;
import umimegu.usecase.HistorySession;
import umimegu.usecase.LiveModel;
import umimegu.usecase.Teaching;
import umimegu.usecase.TrainModel;
import umimegu.vision.ImageDecoder;

/**
 * The web page and its JSON API. Pages are static files from the jar ({@code /web}); every answer,
 * training and switch goes through the same use cases and training job as the chat. Errors are
 * {@code {"error": "…"}} with a 4xx status, never a stack trace.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /** The environment variable that enables admin actions. */
    public static final String TOKEN_ENV = "UMIMEGU_WEB_TOKEN";

    /** What the page works with, from one process's wiring. */
    public record Parts(
            TrainModel training,
            AnswerPicture answering,
            AnswerFormatter answers,
            LiveModel live,
            Teaching teaching,
            ImageDecoder decoder,
            long maxPictureBytes,
            WebSettings settings,
            String adminToken,
            boolean nsfwPage) {}

    private final Javalin app;
    private final TrainRoutes training;

    private WebServer(Javalin app, TrainRoutes training) {
        this.app = app;
        this.training = training;
    }

    record Session(String csrf, boolean adminEnabled, int maxFiles, long maxBytes) {}

    record Failure(String error) {}

    /**
     * The page for one process: its training, teaching use cases and live model are shared with the
     * chat front ends of the same process. Admin actions take their token from {@value #TOKEN_ENV}.
     */
    public static WebServer start(
            Application app, TrainModel training, Teaching teaching, LiveModel live, HistorySession history) {
        return start(new Parts(
                training,
                app.answerPicture(live::get, history),
                app.answers(),
                live,
                teaching,
                app.decoder(),
                app.config().chat().maxAttachmentBytes(),
                app.config().web(),
                System.getenv(TOKEN_ENV),
                app.config().spoilers().nsfwOffDiscord()));
    }

    public static WebServer start(Parts p) {
        WebSecurity security = new WebSecurity(p.adminToken());
        if (!p.settings().loopbackOnly() && !security.adminEnabled()) {
            log.warn(
                    "The web page listens on {} (not only this machine) without {}: anyone who reaches it can classify "
                            + "and judge, though not train or switch models",
                    p.settings().host(),
                    TOKEN_ENV);
        }
        ClassifyRoutes classify = new ClassifyRoutes(
                p.answering(),
                p.answers(),
                p.live(),
                p.teaching(),
                security,
                p.maxPictureBytes(),
                p.settings().maxFiles(),
                p.nsfwPage());
        TrainRoutes train = new TrainRoutes(p.training(), p.teaching(), p.decoder(), security);
        ModelRoutes models = new ModelRoutes(p.teaching().models(), p.training(), security);
        HistoryRoutes history = new HistoryRoutes(p.teaching().history());
        long maxRequest = p.maxPictureBytes() * p.settings().maxFiles() + 1_048_576;
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinGson());
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/web", Location.CLASSPATH);
            config.http.maxRequestSize = maxRequest;
            config.jetty.multipartConfig.maxFileSize(p.maxPictureBytes() + 1, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxRequest, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
            config.routes.before(WebSecurity::headers);
            config.routes.get(
                    "/api/session",
                    ctx -> ctx.json(new Session(
                            security.csrfToken(),
                            security.adminEnabled(),
                            p.settings().maxFiles(),
                            p.maxPictureBytes())));
            config.routes.post("/api/classify", classify::classify);
            config.routes.post("/api/feedback", classify::feedback);
            config.routes.get("/api/labels", train::labels);
            config.routes.get("/api/labels/{label}/thumbnail/{n}", train::thumbnail);
            config.routes.post("/api/train", train::start);
            config.routes.post("/api/train/cancel", train::cancel);
            config.routes.get("/api/train/state", train::state);
            config.routes.get("/api/train/curve/{name}", train::curve);
            config.routes.sse("/api/train/events", train::events);
            config.routes.get("/api/models", models::list);
            config.routes.get("/api/models/{id}/{file}", models::picture);
            config.routes.post("/api/models/rollback", models::rollback);
            config.routes.post("/api/models/{id}/use", models::use);
            config.routes.get("/api/history", history::stats);
            config.routes.get("/api/history/chart.png", history::chart);
            config.routes.get("/api/crops/{file}", history::crop);
            config.routes.exception(WebError.class, (e, ctx) -> fail(ctx, e.status(), e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Web request {} {} failed", ctx.method(), ctx.path(), e);
                fail(ctx, 500, "something went wrong on the server; it is logged");
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                    ctx.json(new Failure("no such page or API: " + WebText.printable(ctx.path())));
                }
            });
        });
        app.start(p.settings().host(), p.settings().port());
        log.info(
                "Web page on http://{}:{}/ (admin actions {})",
                p.settings().host(),
                app.port(),
                security.adminEnabled() ? "on" : "off: set " + TOKEN_ENV + " to enable them");
        return new WebServer(app, train);
    }

    private static void fail(Context ctx, int status, String message) {
        ctx.status(status)
                .json(new Failure(
                        message == null || message.isBlank() ? "request refused" : ServerPaths.hidden(message)));
    }

    /** Pages following the training now (for tests). */
    int eventStreams() {
        return training.streams();
    }

    public int port() {
        return app.port();
    }

    /** The page's address, for people. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        training.close();
        app.stop();
    }
}
