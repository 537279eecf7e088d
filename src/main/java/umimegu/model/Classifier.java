package umimegu.model;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import umimegu.model.engine.CombinedBatches;
import umimegu.model.engine.FoldedNetwork;

/**
 * Predicts labels for pictures with a stored model, using the model's own input spec and its
 * calibration temperature.
 * DL4J networks are not thread-safe, so calls are serialised; pictures of callers that wait
 * meanwhile go through together ({@link CombinedBatches}).
 */
public final class Classifier implements PictureClassifier {
    private final StoredModel model;
    private final Preprocessor preprocessor;
    private final boolean mirror;
    private final CombinedBatches batches;

    public Classifier(StoredModel model) {
        this(model, false);
    }

    /** With {@code mirror}, each picture is also classified mirrored and the two answers averaged (test-time augmentation). */
    public Classifier(StoredModel model, boolean mirror) {
        this.model = model;
        this.preprocessor = new Preprocessor(model.info().input());
        this.mirror = mirror;
        this.batches = new CombinedBatches(
                FoldedNetwork.of(
                        model.network(),
                        model.info().input().height(),
                        model.info().input().width(),
                        InputSpec.CHANNELS),
                preprocessor::toBatch);
    }

    public StoredModel model() {
        return model;
    }

    @Override
    public String modelId() {
        return model.id();
    }

    @Override
    public List<String> labels() {
        return model.info().labels();
    }

    @Override
    public List<Prediction> predictAll(List<BufferedImage> images) {
        List<byte[]> pixels = images.stream().map(preprocessor::toPixels).toList();
        return predictPixels(pixels);
    }

    public List<Prediction> predictPixels(List<byte[]> pixels) {
        List<byte[]> batch = new ArrayList<>(pixels);
        if (mirror) {
            for (byte[] p : pixels) {
                batch.add(mirrored(p));
            }
        }
        double[][] output = batches.output(batch);
        List<String> labels = model.info().labels();
        List<Prediction> predictions = new ArrayList<>(pixels.size());
        for (int row = 0; row < pixels.size(); row++) {
            double[] raw = new double[labels.size()];
            for (int c = 0; c < labels.size(); c++) {
                raw[c] = mirror ? (output[row][c] + output[row + pixels.size()][c]) / 2 : output[row][c];
            }
            double[] calibrated = Calibration.scale(raw, model.info().temperature());
            List<Double> probabilities = new ArrayList<>(labels.size());
            int best = 0;
            for (int c = 0; c < labels.size(); c++) {
                probabilities.add(calibrated[c]);
                if (probabilities.get(c) > probabilities.get(best)) {
                    best = c;
                }
            }
            predictions.add(new Prediction(labels.get(best), probabilities.get(best), probabilities));
        }
        return predictions;
    }

    /** Logits and penultimate features of these pictures (one network run, under the network's lock). */
    public List<NetworkView> inspect(List<BufferedImage> images) {
        MultiLayerNetwork network = model.network();
        INDArray input =
                preprocessor.toBatch(images.stream().map(preprocessor::toPixels).toList());
        double[][] features;
        double[][] logits;
        synchronized (network) {
            List<INDArray> activations = network.feedForward(input, false);
            INDArray penultimate = activations.get(network.getnLayers() - 1);
            org.deeplearning4j.nn.api.Layer output = network.getLayer(network.getnLayers() - 1);
            features = penultimate.toDoubleMatrix();
            logits = penultimate
                    .mmul(output.getParam("W"))
                    .addRowVector(output.getParam("b"))
                    .toDoubleMatrix();
        }
        List<NetworkView> views = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            views.add(new NetworkView(logits[i], features[i]));
        }
        return views;
    }

    /** How many times the network ran for this classifier (several callers' pictures may share a run). */
    long networkCalls() {
        return batches.calls();
    }

    /** The picture flipped left to right (HWC RGB bytes). */
    private byte[] mirrored(byte[] pixels) {
        int w = model.info().input().width();
        int h = model.info().input().height();
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(
                        pixels,
                        (y * w + x) * InputSpec.CHANNELS,
                        out,
                        (y * w + (w - 1 - x)) * InputSpec.CHANNELS,
                        InputSpec.CHANNELS);
            }
        }
        return out;
    }
}
