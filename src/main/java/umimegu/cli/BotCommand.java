package umimegu.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import umimegu.app.Application;
import umimegu.chat.ChatBot;
import umimegu.chat.discord.DiscordBot;
import umimegu.chat.discord.DiscordConnection;
import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.HistoryStore;

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
        HistoryStore history = ClassifyCommand.openHistory(app, spec.commandLine().getErr());
        CountDownLatch stopped = new CountDownLatch(1);
        try (AsyncHistoryRecorder recorder = history == null ? null : new AsyncHistoryRecorder(history);
             ChatBot bot = app.chatBot("discord", app.liveModel(), history, recorder);
             DiscordBot discord = new DiscordBot(bot, app.config().chat().maxAttachmentBytes(),
                     app.config().discordGuildIds())) {
            discord.start(connection);
            spec.commandLine().getOut().println("Bot is running; Ctrl+C stops it.");
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        } finally {
            if (history != null) {
                history.close();
            }
        }
        return ExitCodes.OK;
    }
}
