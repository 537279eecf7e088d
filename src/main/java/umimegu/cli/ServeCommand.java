package umimegu.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.usecase.FollowCurrentModel;
import umimegu.usecase.HistorySession;
import umimegu.usecase.LiveModel;
import umimegu.web.WebServer;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the web page: answer pictures, train, compare models, read the history.",
            "Admin actions need the environment variable UMIMEGU_WEB_TOKEN."
        })
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: web.host, 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: web.port, 8080; 0 picks a free one).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        var config = main.config();
        var web = config.web();
        config = config.withWeb(new umimegu.config.WebSettings(
                host != null ? host : web.host(), port != null ? port : web.port(), web.maxFiles()));
        Application app = new Application(config);
        HistorySession history = app.historySession();
        LiveModel live = app.liveModel();
        FollowCurrentModel follower =
                app.followCurrentModel(live).start(config.cluster().followModelsEvery());
        WebServer server =
                WebServer.start(app, app.trainModel(live, history), app.teaching(live, history), live, history);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            follower.close();
                            history.close();
                            stopped.countDown();
                        },
                        "serve-shutdown"));
        spec.commandLine().getOut().println("Web page on " + server.url() + " — Ctrl+C stops it.");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
