package umimegu.recognition;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import umimegu.common.Sha256;
import umimegu.model.PictureClassifier;
import umimegu.model.Prediction;
import umimegu.vision.DecodeBudget;
import umimegu.vision.DecoderBusyException;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

/**
 * Picture in, one answer per face out: decode (large JPEGs reduced), find faces, crop each with the
 * margin ({@link PictureFaces}), classify all crops in one batch with the live model, and number
 * the faces left to right. Without faces the whole picture is classified.
 */
public final class Recognizer implements PictureRecognizer {
    private final ImageDecoder decoder;
    private final DecodeBudget budget;
    private final PictureFaces faces;
    private final FaceDetection detection;
    private final Supplier<? extends PictureClassifier> classifier;
    private final AnswerFormatter answers;

    /** {@code classifier} is asked on every picture, so a newly trained model is used as soon as it is live. */
    public Recognizer(
            ImageDecoder decoder,
            FaceDetection detection,
            Supplier<? extends PictureClassifier> classifier,
            AnswerFormatter answers) {
        this(decoder, detection, classifier, answers, DecodeBudget.SHARED);
    }

    /** As above, decoding within {@code budget}. */
    public Recognizer(
            ImageDecoder decoder,
            FaceDetection detection,
            Supplier<? extends PictureClassifier> classifier,
            AnswerFormatter answers,
            DecodeBudget budget) {
        this.decoder = decoder;
        this.faces = new PictureFaces(decoder);
        this.detection = detection;
        this.classifier = classifier;
        this.answers = answers;
        this.budget = budget;
    }

    /**
     * The faces of a picture and the model's answer for each, while the picture's share of the
     * decoding budget is held; throws {@link DecoderBusyException} when memory is short, never a
     * bad-file error for that.
     */
    @Override
    public Recognition recognize(byte[] bytes, String name) throws ImageDecodeException {
        try (DecodeBudget.Lease lease = budget.acquire(decoder.memoryNeeded(bytes), name)) {
            return recognizeHeld(bytes, name);
        } catch (OutOfMemoryError e) {
            throw new DecoderBusyException(
                    name + ": not enough memory to look at it right now; send it again in a minute");
        }
    }

    private Recognition recognizeHeld(byte[] bytes, String name) throws ImageDecodeException {
        long start = System.nanoTime();
        String sha = Sha256.hex(bytes);
        PictureClassifier model = classifier.get();
        if (!detection.isAvailable()) {
            BufferedImage picture = faces.whole(bytes, name);
            if (detection.fallback() == umimegu.vision.FaceSettings.Fallback.SKIP) {
                return new Recognition(
                        sha, picture, Recognition.Outcome.SKIPPED, List.of(), model.modelId(), elapsedMs(start));
            }
            return whole(sha, picture, 1.0, model, Recognition.Outcome.DETECTION_UNAVAILABLE, start);
        }
        PictureFaces.Found found = faces.find(bytes, name, detection);
        if (found.faces().isEmpty()) {
            return whole(sha, found.picture(), found.scale(), model, Recognition.Outcome.NO_FACE, start);
        }
        List<PictureFaces.Face> leftToRight = found.faces().stream()
                .sorted(Comparator.comparingInt((PictureFaces.Face f) -> f.box().x())
                        .thenComparingInt(f -> f.box().y()))
                .toList();
        List<Prediction> predictions = model.predictAll(
                leftToRight.stream().map(PictureFaces.Face::crop).toList());
        List<FaceAnswer> answered = new ArrayList<>();
        for (int i = 0; i < leftToRight.size(); i++) {
            answered.add(new FaceAnswer(
                    i + 1,
                    leftToRight.get(i).box(),
                    leftToRight.get(i).crop(),
                    predictions.get(i),
                    answers.isUnsure(predictions.get(i))));
        }
        return new Recognition(
                sha,
                found.picture(),
                Recognition.Outcome.FACES,
                answered,
                model.modelId(),
                elapsedMs(start),
                found.scale());
    }

    private Recognition whole(
            String sha,
            BufferedImage picture,
            double scale,
            PictureClassifier model,
            Recognition.Outcome outcome,
            long start) {
        Prediction p = model.predict(picture);
        return new Recognition(
                sha,
                picture,
                outcome,
                List.of(new FaceAnswer(1, null, picture, p, answers.isUnsure(p))),
                model.modelId(),
                elapsedMs(start),
                scale);
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
