package umimegu.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * OpenCV's cascade detector on the equalised grey picture, as the seed's author cropped faces.
 * Pictures whose longer side exceeds {@code detectMaxSide} are scaled down for detection (cost
 * grows with the pixel count) and the boxes are mapped back. One classifier instance is not safe
 * for concurrent use, so each detecting thread borrows one of a few loaded copies.
 */
public final class CascadeFaceDetector implements FaceDetector, AutoCloseable {
    private final BlockingQueue<CascadeClassifier> cascades;
    private final List<CascadeClassifier> all = new ArrayList<>();
    private final FaceSettings settings;

    public CascadeFaceDetector(Path cascadeFile, FaceSettings settings) throws CascadeUnavailableException {
        this.settings = settings;
        int copies = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.cascades = new ArrayBlockingQueue<>(copies);
        for (int i = 0; i < copies; i++) {
            CascadeClassifier loaded = load(cascadeFile);
            all.add(loaded);
            cascades.add(loaded);
        }
    }

    private static CascadeClassifier load(Path cascadeFile) throws CascadeUnavailableException {
        CascadeClassifier loaded;
        try {
            loaded = new CascadeClassifier(cascadeFile.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new CascadeUnavailableException(
                    "OpenCV cannot load the cascade " + cascadeFile + ": " + e.getMessage(), e);
        }
        if (loaded.empty()) {
            loaded.close();
            throw new CascadeUnavailableException(
                    "OpenCV cannot load the cascade " + cascadeFile + " (not a cascade file?)");
        }
        return loaded;
    }

    @Override
    public int detectionSide() {
        return settings.detectMaxSide();
    }

    @Override
    public List<FaceBox> detect(BufferedImage picture) {
        int longer = Math.max(picture.getWidth(), picture.getHeight());
        double scale = longer > settings.detectMaxSide() ? settings.detectMaxSide() / (double) longer : 1.0;
        List<FaceBox> boxes = new ArrayList<>();
        // a face cannot fit where the scaled picture is narrower than the smallest face (a 1×5000 strip
        // would even scale to 0 pixels, which OpenCV's resize refuses with an assertion)
        if (Math.min(picture.getWidth(), picture.getHeight()) * scale < settings.minSize()) {
            return boxes;
        }
        try (Mat bgr = Mats.fromBgrImage(picture);
                Mat small = new Mat();
                Mat grey = new Mat();
                RectVector found = new RectVector();
                Size minSize = new Size(settings.minSize(), settings.minSize());
                Size maxSize = new Size()) {
            Mat source = bgr;
            if (scale < 1.0) {
                try (Size target = new Size(
                        (int) Math.round(picture.getWidth() * scale), (int) Math.round(picture.getHeight() * scale))) {
                    resize(bgr, small, target, 0, 0, INTER_AREA);
                }
                source = small;
            }
            cvtColor(source, grey, COLOR_BGR2GRAY);
            equalizeHist(grey, grey);
            CascadeClassifier cascade = borrow();
            try {
                cascade.detectMultiScale(
                        grey, found, settings.scaleFactor(), settings.minNeighbors(), 0, minSize, maxSize);
            } finally {
                cascades.add(cascade);
            }
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                boxes.add(new FaceBox(r.x(), r.y(), r.width(), r.height()).scaled(1.0 / scale));
                r.close();
            }
        }
        return boxes;
    }

    private CascadeClassifier borrow() {
        try {
            return cascades.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a face detector", e);
        }
    }

    @Override
    public void close() {
        all.forEach(CascadeClassifier::close);
    }
}
