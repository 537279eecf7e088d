package umimegu.recognition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

/**
 * Turns whole pictures into training crops: {@code from/<label>/*} → {@code to/<label>/<name>-<ext>-face<i>.png},
 * one PNG per detected face (margin included, as for answers). A source whose first crop already
 * exists is skipped, so a second run writes nothing.
 */
public final class FaceCropper {
    private static final Logger log = LoggerFactory.getLogger(FaceCropper.class);

    public record Report(int files, int faces, int noFace, int unreadable, int alreadyCropped) {}

    private final ImageDecoder decoder;
    private final FaceDetection detection;
    private final PictureFaces pictureFaces;

    public FaceCropper(ImageDecoder decoder, FaceDetection detection) {
        if (!detection.isAvailable()) {
            throw new IllegalArgumentException("cannot crop faces: " + detection.unavailableReason());
        }
        this.decoder = decoder;
        this.detection = detection;
        this.pictureFaces = new PictureFaces(decoder);
    }

    public Report crop(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("no such folder: " + from);
        }
        int files = 0;
        int faces = 0;
        int noFace = 0;
        int unreadable = 0;
        int already = 0;
        for (Path labelDir : list(from, Files::isDirectory)) {
            Path target = to.resolve(labelDir.getFileName().toString());
            for (Path source : list(labelDir, Files::isRegularFile)) {
                files++;
                if (Files.exists(target.resolve(cropName(source, 1)))) {
                    already++;
                    continue;
                }
                PictureFaces.Found found;
                try {
                    found = pictureFaces.find(decoder.read(source), source.toString(), detection);
                } catch (ImageDecodeException e) {
                    log.warn("Not cropped: {}", e.getMessage());
                    unreadable++;
                    continue;
                }
                List<PictureFaces.Face> leftToRight = found.faces().stream()
                        .sorted(Comparator.comparingInt(
                                (PictureFaces.Face f) -> f.box().x()))
                        .toList();
                if (leftToRight.isEmpty()) {
                    noFace++;
                    continue;
                }
                Files.createDirectories(target);
                // the first crop is written last: its presence means the source is done
                for (int i = leftToRight.size(); i >= 1; i--) {
                    Path out = target.resolve(cropName(source, i));
                    Path tmp = target.resolve(out.getFileName() + ".part");
                    Files.write(tmp, Annotator.png(leftToRight.get(i - 1).crop()));
                    Files.move(
                            tmp,
                            out,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                faces += leftToRight.size();
            }
        }
        return new Report(files, faces, noFace, unreadable, already);
    }

    static String cropName(Path source, int index) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem =
                dot > 0 ? name.substring(0, dot) + "-" + name.substring(dot + 1).toLowerCase(Locale.ROOT) : name;
        return stem + "-face" + index + ".png";
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(keep)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
