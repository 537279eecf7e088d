package umimegu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import umimegu.app.Application;
import umimegu.recognition.AnswerFormatter;
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
        Set<String> annotatedNames = new HashSet<>();
        HistoryStore history = openHistory(app, err);
        try (AsyncHistoryRecorder recorder = history == null ? null : new AsyncHistoryRecorder(history)) {
            RecognitionLog log = recorder == null ? null : new RecognitionLog(recorder, config.cropsDir());
            for (Path file : files) {
                try {
                    Recognition r = recognizer.recognize(app.decoder().read(file), file.toString());
                    if (log != null) {
                        log.record(r, Origin.cli()); // recorded first: nothing after the answer may lose it
                    }
                    List<String> lines = AnswerLines.of(r, answers);
                    if (files.size() == 1) {
                        lines.forEach(out::println);
                    } else {
                        out.println(file + ": " + String.join(lines.size() > 1 ? "\n  " : "", lines));
                    }
                    if (r.severalFaces() || (annotateAlways && r.outcome() == Recognition.Outcome.FACES)) {
                        Path target = annotatedDir.resolve(AnnotatedNames.next(file, annotatedNames));
                        try {
                            Files.createDirectories(annotatedDir);
                            Files.write(target, Annotator.png(Annotator.draw(r, answers)));
                            out.println("annotated: " + target);
                        } catch (IOException e) {
                            err.println("warning: " + file + ": the answer stands, but the annotated picture could not be written ("
                                    + e.getMessage() + ")");
                        }
                    }
                } catch (ImageDecodeException e) {
                    err.println("error: " + e.getMessage());
                    failures++;
                } catch (RuntimeException e) {
                    err.println("error: " + file + ": could not be classified (" + e + ")");
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
    static HistoryStore openHistory(Application app, java.io.PrintWriter err) {
        return app.openHistoryOrNull(reason -> err.println("warning: predictions are not recorded: " + reason));
    }
}
