package umimegu.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import umimegu.app.Application;
import umimegu.chat.discord.DiscordService;
import umimegu.chat.discord.DiscordConnection;

@Command(name = "bot", mixinStandardHelpOptions = true,
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

    @Override
    public Integer call() throws Exception {
        DiscordConnection connection = DiscordConnection.fromEnvironment(); // a missing token stops here: exit 2
        var config = main.config();
        if (shard != null || shards != null) {
            try {
                config = config.withCluster(config.cluster().withShard(shard != null ? shard : config.cluster().shard(),
                        shards != null ? shards : config.cluster().shards()));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Application app = new Application(config);
        CountDownLatch stopped = new CountDownLatch(1);
        DiscordService service = DiscordService.start(app, connection);
        // Ctrl+C ends the JVM once the hooks are done: the hook itself closes the bot (history flushed)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "bot-shutdown"));
        spec.commandLine().getOut().println("Bot is running; Ctrl+C stops it.");
        stopped.await();
        return ExitCodes.OK;
    }
}
