package umimegu.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.dataset.LabelledFile;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.PictureReader;

/** Decodes labelled files through the shared preprocessing path; bad files are skipped and reported. */
public final class ImageLoader {
    private static final Logger log = LoggerFactory.getLogger(ImageLoader.class);

    private final PictureReader decoder;
    private final Preprocessor preprocessor;

    public ImageLoader(PictureReader decoder, Preprocessor preprocessor) {
        this.decoder = decoder;
        this.preprocessor = preprocessor;
    }

    private static final int LOGGED_SKIPS = 10;

    public LoadedImages load(List<String> labels, List<LabelledFile> files, IntConsumer progress) {
        List<byte[]> pixels = new ArrayList<>(files.size());
        List<Integer> labelIndex = new ArrayList<>(files.size());
        List<java.nio.file.Path> sources = new ArrayList<>(files.size());
        List<String> skipped = new ArrayList<>();
        int done = 0;
        for (LabelledFile file : files) {
            try {
                pixels.add(preprocessor.toPixels(decoder.picture(file.path())));
                labelIndex.add(file.label());
                sources.add(file.path());
            } catch (ImageDecodeException e) {
                skip(skipped, e);
            }
            progress.accept(++done);
        }
        summariseSkips(skipped);
        return new LoadedImages(
                labels, pixels, labelIndex.stream().mapToInt(Integer::intValue).toArray(), sources, skipped);
    }

    /** Notes an unreadable file: logged for the first ten, counted for all. */
    static void skip(List<String> skipped, ImageDecodeException e) {
        if (skipped.size() < LOGGED_SKIPS) {
            log.warn("Skipping {}", e.getMessage());
        }
        skipped.add(e.getMessage());
    }

    /** How many unreadable files were skipped beyond those logged. */
    static void summariseSkips(List<String> skipped) {
        if (skipped.size() > LOGGED_SKIPS) {
            log.warn(
                    "... and {} more unreadable files skipped ({} in all)",
                    skipped.size() - LOGGED_SKIPS,
                    skipped.size());
        }
    }
}
