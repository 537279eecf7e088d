package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import umimegu.vision.DecodeBudget;
import umimegu.vision.DecoderBusyException;
import umimegu.vision.FaceSettings;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

/**
 * The face crops of a picture without classifying them (pictures added for training), cut as for
 * answers: largest face first. With no detector the whole picture stands for the face, as answers
 * do under {@code faces.fallback=whole-image}.
 */
public final class FaceFinder implements FacesOfPicture {
    private final ImageDecoder decoder;
    private final PictureFaces faces;
    private final Supplier<FaceDetection> detections;

    /** {@code detection} is asked on first use (setting up a detector may download its cascade). */
    public FaceFinder(ImageDecoder decoder, Supplier<FaceDetection> detection) {
        this.decoder = decoder;
        this.faces = new PictureFaces(decoder);
        this.detections = detection;
    }

    /** Within the shared decoding budget, as answers are ({@link Recognizer#recognize}). */
    @Override
    public List<BufferedImage> crops(byte[] bytes, String name) throws ImageDecodeException {
        try (DecodeBudget.Lease lease = DecodeBudget.SHARED.acquire(decoder.memoryNeeded(bytes), name)) {
            return cropsHeld(bytes, name);
        } catch (OutOfMemoryError e) {
            throw new DecoderBusyException(
                    name + ": not enough memory to look at it right now; send it again in a minute");
        }
    }

    private List<BufferedImage> cropsHeld(byte[] bytes, String name) throws ImageDecodeException {
        FaceDetection detection = detections.get();
        if (!detection.isAvailable()) {
            return detection.fallback() == FaceSettings.Fallback.SKIP ? List.of() : List.of(faces.whole(bytes, name));
        }
        return faces.find(bytes, name, detection).faces().stream()
                .sorted(Comparator.comparingLong(
                                (PictureFaces.Face f) -> f.box().area())
                        .reversed())
                .map(PictureFaces.Face::crop)
                .toList();
    }
}
