package umimegu.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.dataset.DatasetException;
import umimegu.model.TrainingListener;
import umimegu.model.TrainingOutcome;
import umimegu.usecase.TrainModel;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
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
        TrainingOutcome outcome = trainHere(
                app,
                new ConsoleProgress(
                        out, System.console() != null, app.trainingService().maxEpochs())); // rounds, for a head
        Reports.printTraining(out, outcome);
        return ExitCodes.OK;
    }

    /**
     * Trains on this thread through {@link TrainModel}, as the chat and the web page do; a refusal
     * (no pictures, one label) or a failure is thrown for {@link Main} to report.
     */
    static TrainingOutcome trainHere(Application app, TrainingListener progress) {
        TrainModel.Outcome outcome = app.trainModelHere().runHere(new TrainModel.Caller() {
            @Override
            public TrainingListener listener() {
                return progress;
            }

            @Override
            public void onEnd(TrainModel.End end) {}
        });
        if (outcome instanceof TrainModel.Finished finished) {
            return finished.outcome();
        }
        if (outcome instanceof TrainModel.Failed failed) {
            throw failed.cause();
        }
        if (outcome instanceof TrainModel.Refused refused) {
            throw new DatasetException(refused.reason());
        }
        throw new IllegalStateException("the training did not run: " + outcome);
    }
}
