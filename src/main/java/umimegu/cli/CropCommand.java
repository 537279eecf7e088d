package umimegu.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.recognition.FaceCropper;

@Command(
        name = "crop",
        mixinStandardHelpOptions = true,
        description = {
            "Cut the faces out of whole pictures for training: FROM/<label>/* -> TO/<label>/*-face<N>.png.",
            "Sources already cropped are skipped, so running it again writes nothing new."
        })
final class CropCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "Pictures in one folder per label.")
    Path from;

    @Option(names = "--to", paramLabel = "DIR", description = "Where the crops go (default: images.dir).")
    Path to;

    @Override
    public Integer call() throws IOException {
        Application app = new Application(main.config());
        var detection = app.faceDetection();
        if (!detection.isAvailable()) {
            spec.commandLine()
                    .getErr()
                    .println("error: cannot crop without a face detector: " + detection.unavailableReason());
            return ExitCodes.USAGE;
        }
        Path target = to != null ? to : app.config().paths().images();
        FaceCropper.Report r = new FaceCropper(app.decoder(), detection).crop(from, target);
        spec.commandLine()
                .getOut()
                .printf(
                        "files: %d, faces written: %d, no face: %d, unreadable: %d, already cropped: %d%n",
                        r.files(), r.faces(), r.noFace(), r.unreadable(), r.alreadyCropped());
        return r.unreadable() == 0 ? ExitCodes.OK : ExitCodes.PARTIAL_FAILURE;
    }
}
