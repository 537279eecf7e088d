package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import umimegu.vision.FaceBox;
import umimegu.vision.FaceSettings;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

/**
 * The face crops of a picture without classifying them (pictures added for training), cut as for
 * answers: largest face first. With no detector the whole picture stands for the face, as answers
 * do under {@code faces.fallback=whole-image}.
 */
public final class FaceFinder {
    private final ImageDecoder decoder;
    private final Supplier<FaceDetection> detections;

    /** {@code detection} is asked on first use (setting up a detector may download its cascade). */
    public FaceFinder(ImageDecoder decoder, Supplier<FaceDetection> detection) {
        this.decoder = decoder;
        this.detections = detection;
    }

    public List<BufferedImage> crops(byte[] bytes, String name) throws ImageDecodeException {
        BufferedImage picture = decoder.decode(bytes, name);
        FaceDetection detection = detections.get();
        if (!detection.isAvailable()) {
            return detection.fallback() == FaceSettings.Fallback.SKIP ? List.of() : List.of(picture);
        }
        return detection.detector().detect(picture).stream()
                .sorted(Comparator.comparingLong((FaceBox b) -> (long) b.width() * b.height()).reversed())
                .map(b -> FaceCrops.crop(picture,
                        FaceCrops.withMargin(b, detection.margin(), picture.getWidth(), picture.getHeight())))
                .toList();
    }
}
