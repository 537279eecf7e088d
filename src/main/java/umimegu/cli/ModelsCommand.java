package umimegu.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.report.ModelsText;
import umimegu.usecase.HistorySession;

@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "List the stored models, newest first, with their figures and what users said of them.")
final class ModelsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--last", description = "How many models to list (default: ${DEFAULT-VALUE}).")
    int last = 10;

    @Override
    public Integer call() {
        Application app = new Application(main.config());
        try (HistorySession history = app.historySession()) {
            var rows = app.teaching(app.liveModel(), history).models().newest(last);
            spec.commandLine()
                    .getOut()
                    .println(ModelsText.table(rows, "umimegu ").replace("`", ""));
        }
        return ExitCodes.OK;
    }
}
