package umimegu.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.usecase.ChooseModel;
import umimegu.usecase.HistorySession;

@Command(
        name = "use",
        mixinStandardHelpOptions = true,
        description = "Make a stored model the one that answers (models/current), or --rollback to the one before.")
final class UseCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A model id, as 'models' lists them.")
    String id;

    @Option(names = "--rollback", description = "Go back to the model that answered before the current one.")
    boolean rollback;

    @Override
    public Integer call() {
        if ((id == null) == !rollback) {
            spec.commandLine().getErr().println("error: give a model ID or --rollback");
            return ExitCodes.USAGE;
        }
        Application app = new Application(main.config());
        try (HistorySession history = HistorySession.none("not needed to switch models")) {
            ChooseModel models = app.teaching(app.liveModel(), history).models();
            if (rollback) {
                var back = models.rollBack();
                if (back.isEmpty()) {
                    spec.commandLine().getErr().println("error: there is no earlier model to go back to");
                    return ExitCodes.USAGE;
                }
                spec.commandLine().getOut().println("Model " + back.get() + " answers now.");
            } else {
                spec.commandLine().getOut().println("Model " + models.use(id) + " answers now.");
            }
        }
        return ExitCodes.OK;
    }
}
