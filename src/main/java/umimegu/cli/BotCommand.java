package umimegu.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.chat.discord.DiscordConnection;
import umimegu.chat.discord.DiscordService;
import umimegu.web.WebServer;

@Command(
        name = "bot",
        mixinStandardHelpOptions = true,
        description = {"Run the Discord bot. The token comes only from the environment variable DISCORD_TOKEN."})
final class BotCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--shard", paramLabel = "I", description = "This process's shard, 0..N-1 (default: discord.shard).")
    Integer shard;

    @Option(names = "--shards", paramLabel = "N", description = "How many shards run (default: discord.shards).")
    Integer shards;

    @Option(
            names = "--web",
            description = "Also serve the web page (web.host/web.port), sharing this bot's training and model.")
    boolean web;

    @Override
    public Integer call() throws Exception {
        DiscordConnection connection = DiscordConnection.fromEnvironment(); // a missing token stops here: exit 2
        var config = main.config();
        if (shard != null || shards != null) {
            try {
                config = config.withCluster(config.cluster()
                        .withShard(
                                shard != null ? shard : config.cluster().shard(),
                                shards != null ? shards : config.cluster().shards()));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Application app = new Application(config);
        CountDownLatch stopped = new CountDownLatch(1);
        DiscordService service = DiscordService.start(app, connection);
        WebServer page = web
                ? WebServer.start(
                        app, service.chat().training(), service.chat().teaching(), service.live(), service.history())
                : null;
        if (page != null) {
            spec.commandLine().getOut().println("Web page on " + page.url());
        }
        // Ctrl+C ends the JVM once the hooks are done: the hook itself closes the bot (history flushed)
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (page != null) {
                                page.close();
                            }
                            service.close();
                            stopped.countDown();
                        },
                        "bot-shutdown"));
        spec.commandLine().getOut().println("Bot is running; Ctrl+C stops it.");
        stopped.await();
        return ExitCodes.OK;
    }
}
