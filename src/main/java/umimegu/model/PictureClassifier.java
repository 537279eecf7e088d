package umimegu.model;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The classifier port: which model answers, its labels, and predictions for a batch of pictures.
 * {@link Classifier} is the Deeplearning4j implementation; nothing outside {@code model} needs to
 * know that a network is behind it.
 */
public interface PictureClassifier {
    String modelId();

    List<String> labels();

    /** One prediction per picture, in order, as one batch. */
    List<Prediction> predictAll(List<BufferedImage> pictures);

    default Prediction predict(BufferedImage picture) {
        return predictAll(List.of(picture)).get(0);
    }
}
