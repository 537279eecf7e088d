package umimegu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.model.Classifier;
import umimegu.recognition.Origin;
import umimegu.usecase.AnswerPicture;
import umimegu.usecase.HistorySession;
import umimegu.vision.ImageDecodeException;

@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
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

    @Option(
            names = "--annotated",
            paramLabel = "DIR",
            description = "Where pictures with several faces are saved with boxes drawn (default: ${DEFAULT-VALUE}).")
    Path annotatedDir = Path.of("data", "annotated");

    @Option(names = "--annotate-always", description = "Save the annotated picture even for a single face.")
    boolean annotateAlways;

    @Override
    public Integer call() throws IOException {
        var config = main.config();
        Application app = new Application(config.withPaths(config.paths().override(null, null, models)));
        Classifier classifier = app.classifier(modelId);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int failures = 0;
        Set<String> annotatedNames = new HashSet<>();
        try (HistorySession history = history(app, err)) {
            AnswerPicture answering = app.answerPicture(() -> classifier, history);
            for (Path file : files) {
                try {
                    AnswerPicture.Answer answer = answering.answer(
                            app.decoder().read(file), file.toString(), Origin.cli(), annotateAlways, true);
                    if (files.size() == 1) {
                        answer.lines().forEach(out::println);
                    } else {
                        out.println(file + ": " + String.join(answer.lines().size() > 1 ? "\n  " : "", answer.lines()));
                    }
                    if (answer.annotatedPng() != null) {
                        writeAnnotated(file, answer.annotatedPng(), annotatedNames, out, err);
                    }
                } catch (ImageDecodeException e) {
                    err.println("error: " + e.getMessage());
                    failures++;
                } catch (RuntimeException e) {
                    err.println("error: " + file + ": could not be classified (" + e + ")");
                    failures++;
                }
            }
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.PARTIAL_FAILURE;
    }

    private void writeAnnotated(Path file, byte[] png, Set<String> used, PrintWriter out, PrintWriter err) {
        Path target = annotatedDir.resolve(AnnotatedNames.next(file, used));
        try {
            Files.createDirectories(annotatedDir);
            Files.write(target, png);
            out.println("annotated: " + target);
        } catch (IOException e) {
            err.println("warning: " + file + ": the answer stands, but the annotated picture could not be written ("
                    + e.getMessage() + ")");
        }
    }

    /** The history is optional on the answer path: when it cannot be opened, answers still come, with a warning. */
    static HistorySession history(Application app, PrintWriter err) {
        HistorySession history = app.historySession();
        if (!history.isAvailable()) {
            err.println("warning: predictions are not recorded: " + history.unavailableReason());
        }
        return history;
    }
}
