package umimegu.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import umimegu.app.Application;
import umimegu.chat.AnswerFormatter;
import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.HistoryException;
import umimegu.history.HistoryStore;
import umimegu.history.PredictionRecord;
import umimegu.history.Sha256;
import umimegu.model.Classifier;
import umimegu.model.Prediction;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Say which label each picture shows, e.g. \"This is Megumi: 56.1%%\".")
final class ClassifyCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pictures to classify.")
    List<Path> files;

    @Option(names = "--models", paramLabel = "DIR", description = "Model store (default: models.dir).")
    Path models;

    @Option(names = "--model", paramLabel = "ID", description = "Model id (default: the current one).")
    String modelId;

    @Override
    public Integer call() {
        var config = main.config();
        Application app = new Application(config.withPaths(config.paths().override(null, null, models)));
        Classifier classifier = app.classifier(modelId);
        AnswerFormatter answers = app.answers();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int failures = 0;
        HistoryStore history = openHistory(app, err);
        try (AsyncHistoryRecorder recorder = history == null ? null : new AsyncHistoryRecorder(history)) {
            for (Path file : files) {
                try {
                    long start = System.nanoTime();
                    byte[] bytes = app.decoder().read(file);
                    Prediction prediction = classifier.predict(app.decoder().decode(bytes, file.toString()));
                    long latencyMs = (System.nanoTime() - start) / 1_000_000;
                    String answer = answers.format(prediction);
                    out.println(files.size() == 1 ? answer : file + ": " + answer);
                    if (recorder != null) {
                        recorder.record(List.of(new PredictionRecord(Instant.now(), "cli", null, null, null,
                                Sha256.hex(bytes), 0, null, prediction.label(), prediction.probability(),
                                prediction.probabilities(), false, classifier.model().id(), latencyMs, null)));
                    }
                } catch (ImageDecodeException e) {
                    err.println("error: " + e.getMessage());
                    failures++;
                }
            }
        } finally {
            if (history != null) {
                history.close();
            }
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.PARTIAL_FAILURE;
    }

    /** The history is optional on the answer path: when it cannot be opened, answers still come. */
    private static HistoryStore openHistory(Application app, java.io.PrintWriter err) {
        try {
            return app.openHistory();
        } catch (HistoryException e) {
            err.println("warning: predictions are not recorded: " + e.getMessage());
            return null;
        }
    }
}
