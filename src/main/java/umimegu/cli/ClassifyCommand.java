package umimegu.cli;

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
import umimegu.config.Paths;
import umimegu.model.Classifier;
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

    @Override
    public Integer call() {
        var config = main.application().config();
        if (models != null) {
            Paths p = config.paths();
            config = config.withPaths(new Paths(p.images(), p.testImages(), models));
        }
        Application app = new Application(config);
        Classifier classifier = app.classifier(modelId);
        AnswerFormatter answers = app.answers();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int failures = 0;
        for (Path file : files) {
            try {
                String answer = answers.format(classifier.predict(app.decoder().decode(file)));
                out.println(files.size() == 1 ? answer : file + ": " + answer);
            } catch (ImageDecodeException e) {
                err.println("error: " + e.getMessage());
                failures++;
            }
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.PARTIAL_FAILURE;
    }
}
