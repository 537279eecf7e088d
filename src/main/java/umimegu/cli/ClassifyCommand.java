package umimegu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import umimegu.history.HistoryStore;
import umimegu.model.Classifier;
import umimegu.recognition.AnswerLines;
import umimegu.recognition.Annotator;
import umimegu.recognition.Origin;
import umimegu.recognition.Recognition;
import umimegu.recognition.RecognitionLog;
import umimegu.recognition.Recognizer;
import umimegu.vision.ImageDecodeException;

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

    @Option(names = "--annotated", paramLabel = "DIR",
            description = "Where pictures with several faces are saved with boxes drawn (default: ${DEFAULT-VALUE}).")
    Path annotatedDir = Path.of("data", "annotated");

    @Option(names = "--annotate-always", description = "Save the annotated picture even for a single face.")
    boolean annotateAlways;

    @Override
    public Integer call() throws IOException {
        var config = main.config();
        Application app = new Application(config.withPaths(config.paths().override(null, null, models)));
        Classifier classifier = app.classifier(modelId);
        Recognizer recognizer = app.recognizer(() -> classifier);
        AnswerFormatter answers = app.answers();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int failures = 0;
        HistoryStore history = openHistory(app, err);
        try (AsyncHistoryRecorder recorder = history == null ? null : new AsyncHistoryRecorder(history)) {
            RecognitionLog log = recorder == null ? null : new RecognitionLog(recorder, config.cropsDir());
            for (Path file : files) {
                try {
                    Recognition r = recognizer.recognize(app.decoder().read(file), file.toString());
                    List<String> lines = AnswerLines.of(r, answers);
                    if (files.size() == 1) {
                        lines.forEach(out::println);
                    } else {
                        out.println(file + ": " + String.join(lines.size() > 1 ? "\n  " : "", lines));
                    }
                    if (r.severalFaces() || (annotateAlways && r.outcome() == Recognition.Outcome.FACES)) {
                        Files.createDirectories(annotatedDir);
                        Path target = annotatedDir.resolve(baseName(file) + "-annotated.png");
                        Files.write(target, Annotator.png(Annotator.draw(r, answers)));
                        out.println("annotated: " + target);
                    }
                    if (log != null) {
                        log.record(r, Origin.cli());
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

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The history is optional on the answer path: when it cannot be opened, answers still come. */
    static HistoryStore openHistory(Application app, java.io.PrintWriter err) {
        return app.openHistoryOrNull(reason -> err.println("warning: predictions are not recorded: " + reason));
    }
}
