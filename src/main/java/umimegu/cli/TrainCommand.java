package umimegu.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import umimegu.app.Application;
import umimegu.model.TrainingOutcome;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model from images/<label>/ and make it current.")
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Override
    public Integer call() {
        Application app = new Application(options.apply(main.config()));
        var out = spec.commandLine().getOut();
        TrainingOutcome outcome = app.trainingService().train(
                new ConsoleProgress(out, System.console() != null, app.config().training().maxEpochs()), () -> false);
        Reports.printTraining(out, outcome);
        return ExitCodes.OK;
    }
}
