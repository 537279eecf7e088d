package umimegu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import umimegu.chat.discord.DiscordLoginException;
import umimegu.config.AppConfig;
import umimegu.config.ConfigException;
import umimegu.config.ConfigLoader;
import umimegu.dataset.DatasetException;
import umimegu.history.HistoryException;
import umimegu.model.ModelStoreException;

@Command(
        name = "umimegu",
        mixinStandardHelpOptions = true,
        version = "umimegu 0.1.0",
        description = "Tells which character a picture shows.",
        subcommands = {
            TrainCommand.class,
            TestCommand.class,
            ClassifyCommand.class,
            CropCommand.class,
            ConsoleCommand.class,
            BotCommand.class,
            StatsCommand.class,
            ModelsCommand.class,
            UseCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Config file (default: config/umimegu.properties when present).")
    Path configFile;

    /** Loads the config named by --config. */
    AppConfig config() {
        return ConfigLoader.load(configFile);
    }

    public static void main(String[] args) throws Exception {
        if (NativeMemoryTuning.needed()) {
            System.exit(NativeMemoryTuning.relaunch(Main.class, args));
        }
        NativeMemoryTuning.endWithTheLauncher(System.getenv());
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException
                    || e instanceof DatasetException
                    || e instanceof ModelStoreException
                    || e instanceof HistoryException
                    || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof DiscordLoginException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.PARTIAL_FAILURE;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
