package umimegu.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
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

    @Override
    public Integer call() throws Exception {
        DiscordConnection connection = DiscordConnection.fromEnvironment(); // a missing token stops here: exit 2
        Application app = new Application(main.config());
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
