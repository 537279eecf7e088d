package umimegu.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.chat.ChatBot;
import umimegu.chat.console.ConsoleChat;
import umimegu.usecase.HistorySession;

@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        description = {
            "The chat bot on this terminal, no Discord needed: type !help, !train, !test, !stats,",
            "or a path to a picture. Pictures the bot would post are written under --out."
        })
final class ConsoleCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--admin", description = "Act as an admin (may use !train).")
    boolean admin;

    @Option(names = "--out", paramLabel = "DIR", description = "Where posted pictures go (default: ${DEFAULT-VALUE}).")
    Path outDir = Path.of("data", "console");

    /** Standard input unless a test sets another reader. */
    BufferedReader input;

    @Override
    public Integer call() throws Exception {
        Application app = new Application(main.config());
        BufferedReader in =
                input != null ? input : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (HistorySession history =
                        ClassifyCommand.history(app, spec.commandLine().getErr());
                ChatBot bot = app.chatBot("console", app.liveModel(), history)) {
            new ConsoleChat(
                            bot,
                            spec.commandLine().getOut(),
                            outDir,
                            admin,
                            app.config().chat().maxAttachmentBytes(),
                            app.config().spoilers().nsfwOffDiscord())
                    .run(in);
        }
        return ExitCodes.OK;
    }
}
