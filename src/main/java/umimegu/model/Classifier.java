package umimegu.model;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Predicts labels for pictures with a stored model, using the model's own input spec.
 * DL4J networks are not thread-safe, so calls are serialised.
 */
public final class Classifier {
    private final StoredModel model;
    private final Preprocessor preprocessor;

    public Classifier(StoredModel model) {
        this.model = model;
        this.preprocessor = new Preprocessor(model.info().input());
    }

    public StoredModel model() {
        return model;
    }

    public Prediction predict(BufferedImage image) {
        return predictAll(List.of(image)).get(0);
    }

    public List<Prediction> predictAll(List<BufferedImage> images) {
        List<byte[]> pixels = images.stream().map(preprocessor::toPixels).toList();
        return predictPixels(pixels);
    }

    public List<Prediction> predictPixels(List<byte[]> pixels) {
        INDArray output;
        MultiLayerNetwork network = model.network();
        synchronized (network) {
            output = network.output(preprocessor.toBatch(pixels), false);
        }
        List<String> labels = model.info().labels();
        List<Prediction> predictions = new ArrayList<>(pixels.size());
        for (int row = 0; row < pixels.size(); row++) {
            List<Double> probabilities = new ArrayList<>(labels.size());
            int best = 0;
            for (int c = 0; c < labels.size(); c++) {
                probabilities.add(output.getDouble(row, c));
                if (probabilities.get(c) > probabilities.get(best)) {
                    best = c;
                }
            }
            predictions.add(new Prediction(labels.get(best), probabilities.get(best), probabilities));
        }
        return predictions;
    }
}
