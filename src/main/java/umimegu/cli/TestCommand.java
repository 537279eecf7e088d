package umimegu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.chart.ConfusionMatrixChart;
import umimegu.chart.ReliabilityDiagram;
import umimegu.model.TestService;

@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Score the current model on the held-out set images-test/<label>/.")
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--test-images", paramLabel = "DIR", description = "Held-out images (default: images.test-dir).")
    Path testImages;

    @Option(names = "--models", paramLabel = "DIR", description = "Model store (default: models.dir).")
    Path models;

    @Option(names = "--model", paramLabel = "ID", description = "Model id (default: the current one).")
    String modelId;

    @Override
    public Integer call() {
        var config = main.config();
        Application app = new Application(config.withPaths(config.paths().override(null, testImages, models)));
        var model = modelId == null ? app.store().loadCurrent() : app.store().load(modelId);
        TestService.TestOutcome outcome = app.testService().test(model);
        var out = spec.commandLine().getOut();
        outcome.skippedFiles().forEach(s -> spec.commandLine().getErr().println("skipped: " + s));
        Reports.printEvaluation(
                out,
                outcome.result(),
                model.info().temperature(),
                config.answers().unsureBelow());
        Path matrix = model.directory().resolve(ConfusionMatrixChart.FILE);
        Path reliability = model.directory().resolve(ReliabilityDiagram.FILE);
        try {
            Files.write(matrix, ConfusionMatrixChart.png(outcome.result()));
            Files.write(reliability, ReliabilityDiagram.png(outcome.result()));
            out.println("Charts: " + matrix + ", " + reliability);
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot write the charts: " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
