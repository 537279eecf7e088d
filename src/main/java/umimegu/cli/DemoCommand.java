package umimegu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.chart.LearningCurves;
import umimegu.config.AppConfig;
import umimegu.dataset.ImageFolder;
import umimegu.demo.SyntheticFaces;
import umimegu.model.Classifier;
import umimegu.model.TrainingOutcome;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generate synthetic two-class faces (if images/ and images-test/ hold no labelled folders),",
            "then train, test, and classify one test picture. The demo images are synthetic drawings."
        })
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Option(names = "--per-label", description = "Synthetic training images per label (default: ${DEFAULT-VALUE}).")
    int perLabel = 200;

    @Option(names = "--test-per-label", description = "Synthetic test images per label (default: ${DEFAULT-VALUE}).")
    int testPerLabel = 50;

    /** Keeps the demo within a few minutes on 2 cores; --epochs and --batch still override. */
    private static final int DEMO_EPOCHS = 15;

    private static final int DEMO_PATIENCE = 5;
    private static final int DEMO_BATCH = 32;

    @Override
    public Integer call() throws IOException {
        AppConfig base = main.config();
        base = base.withTraining(base.training()
                .withMaxEpochs(DEMO_EPOCHS)
                .withPatience(DEMO_PATIENCE)
                .withBatchSize(DEMO_BATCH));
        AppConfig config = options.apply(base);
        Application app = new Application(config);
        var out = spec.commandLine().getOut();
        SyntheticFaces faces = new SyntheticFaces(config.input().width());
        generateIfEmpty(
                out, faces, config.paths().images(), perLabel, config.training().seed());
        generateIfEmpty(
                out,
                faces,
                config.paths().testImages(),
                testPerLabel,
                config.training().seed() + 1);

        TrainingOutcome outcome = TrainCommand.trainHere(
                app,
                new ConsoleProgress(
                        out, System.console() != null, config.training().maxEpochs()));
        Reports.printTraining(out, outcome);

        Classifier classifier = app.classifier(null);
        var test = app.testService().test(classifier.model());
        out.println();
        Reports.printEvaluation(
                out,
                test.result(),
                classifier.model().info().temperature(),
                config.answers().unsureBelow());
        Path sample = sampleImage(config.paths().testImages());
        out.println();
        out.println("classify " + sample + ":");
        out.println(app.answers().format(classifier.predict(app.decoder().decode(sample))));
        out.println();
        out.println("Learning curves: " + outcome.modelDirectory().resolve(LearningCurves.ACCURACY_FILE) + " and "
                + outcome.modelDirectory().resolve(LearningCurves.LOSS_FILE));
        return ExitCodes.OK;
    }

    private static void generateIfEmpty(
            java.io.PrintWriter out, SyntheticFaces faces, Path root, int perLabel, long seed) throws IOException {
        if (Files.isDirectory(root) && ImageFolder.hasLabelFolders(root)) {
            out.println("Using the labelled images already in " + root);
            return;
        }
        faces.write(root, perLabel, seed);
        out.printf(
                "Wrote %d synthetic images per label %s into %s (synthetic drawings, not real artwork)%n",
                perLabel, SyntheticFaces.LABELS, root);
    }

    private static Path sampleImage(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            return files.get(files.size() / 2);
        }
    }
}
