package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import umimegu.common.Sha256;
import umimegu.model.PictureClassifier;
import umimegu.model.Prediction;
import umimegu.vision.FaceBox;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

/**
 * Picture in, one answer per face out: decode, find faces, crop each with the margin, classify all
 * crops in one batch with the live model, and number the faces left to right. Without faces the
 * whole picture is classified.
 */
public final class Recognizer {
    private final ImageDecoder decoder;
    private final FaceDetection detection;
    private final Supplier<? extends PictureClassifier> classifier;
    private final AnswerFormatter answers;

    /** {@code classifier} is asked on every picture, so a newly trained model is used as soon as it is live. */
    public Recognizer(ImageDecoder decoder, FaceDetection detection, Supplier<? extends PictureClassifier> classifier,
                      AnswerFormatter answers) {
        this.decoder = decoder;
        this.detection = detection;
        this.classifier = classifier;
        this.answers = answers;
    }

    public Recognition recognize(byte[] bytes, String name) throws ImageDecodeException {
        long start = System.nanoTime();
        BufferedImage picture = decoder.decode(bytes, name);
        String sha = Sha256.hex(bytes);
        PictureClassifier model = classifier.get();
        if (!detection.isAvailable()) {
            if (detection.fallback() == umimegu.vision.FaceSettings.Fallback.SKIP) {
                return new Recognition(sha, picture, Recognition.Outcome.SKIPPED, List.of(), model.modelId(),
                        elapsedMs(start));
            }
            return whole(sha, picture, model, Recognition.Outcome.DETECTION_UNAVAILABLE, start);
        }
        List<FaceBox> boxes = new ArrayList<>(detection.detector().detect(picture));
        if (boxes.isEmpty()) {
            return whole(sha, picture, model, Recognition.Outcome.NO_FACE, start);
        }
        boxes.sort(Comparator.comparingInt(FaceBox::x).thenComparingInt(FaceBox::y));
        List<BufferedImage> crops = boxes.stream()
                .map(b -> FaceCrops.crop(picture,
                        FaceCrops.withMargin(b, detection.margin(), picture.getWidth(), picture.getHeight())))
                .toList();
        List<Prediction> predictions = model.predictAll(crops);
        List<FaceAnswer> faces = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            faces.add(new FaceAnswer(i + 1, boxes.get(i), crops.get(i), predictions.get(i),
                    answers.isUnsure(predictions.get(i))));
        }
        return new Recognition(sha, picture, Recognition.Outcome.FACES, faces, model.modelId(), elapsedMs(start));
    }

    private Recognition whole(String sha, BufferedImage picture, PictureClassifier model, Recognition.Outcome outcome,
                              long start) {
        Prediction p = model.predict(picture);
        return new Recognition(sha, picture, outcome, List.of(new FaceAnswer(1, null, picture, p, answers.isUnsure(p))),
                model.modelId(), elapsedMs(start));
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
