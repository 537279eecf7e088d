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
 * calibration temperature; in a model with a {@link FeatureHead}, the head answers from the
 * process's shared {@link Backbone} (alone, or averaged with the network: {@link ModelKind}).
 * DL4J networks are not thread-safe, so calls are serialised; pictures of callers that wait
 * meanwhile go through together ({@link CombinedBatches}).
 */
public final class Classifier implements PictureClassifier {
    private final StoredModel model;
    private final Preprocessor preprocessor;
    private final boolean mirror;
    private final CombinedBatches batches;
    private final Backbone backbone;

    public Classifier(StoredModel model) {
        this(model, false);
    }

    /** With {@code mirror}, each picture is also classified mirrored and the two answers averaged (test-time augmentation). */
    public Classifier(StoredModel model, boolean mirror) {
        this.model = model;
        this.preprocessor = new Preprocessor(model.info().input());
        this.mirror = mirror;
        this.batches = model.network() == null
                ? null
                : new CombinedBatches(
                        FoldedNetwork.of(
                                model.network(),
                                model.info().input().height(),
                                model.info().input().width(),
                                InputSpec.CHANNELS),
                        preprocessor::toBatch);
        this.backbone = model.head() == null
                ? null
                : Backbone.shared(
                        model.info().backbone().size(), model.info().kind().cut());
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
        return predictions(Ensemble.average(networkOutputs(images), headOutputs(images)));
    }

    /** The network's probabilities of each picture (mirror-averaged when asked), or null without a network. */
    private double[][] networkOutputs(List<BufferedImage> images) {
        if (batches == null) {
            return null;
        }
        List<byte[]> pixels = images.stream().map(preprocessor::toPixels).toList();
        List<byte[]> batch = new ArrayList<>(pixels);
        if (mirror) {
            for (byte[] p : pixels) {
                batch.add(mirrored(p));
            }
        }
        return mirror ? meanOfHalves(batches.output(batch), pixels.size()) : batches.output(batch);
    }

    /** The head's probabilities of each picture (mirror-averaged when asked), or null without a head. */
    private double[][] headOutputs(List<BufferedImage> images) {
        if (backbone == null) {
            return null;
        }
        List<BufferedImage> shown = new ArrayList<>(images);
        if (mirror) {
            images.forEach(i -> shown.add(FeatureCache.mirrored(i)));
        }
        double[][] output = model.head().probabilities(backbone.features(shown));
        return mirror ? meanOfHalves(output, images.size()) : output;
    }

    private static double[][] meanOfHalves(double[][] output, int count) {
        double[][] out = new double[count][];
        for (int row = 0; row < count; row++) {
            out[row] = new double[output[row].length];
            for (int c = 0; c < out[row].length; c++) {
                out[row][c] = (output[row][c] + output[row + count][c]) / 2;
            }
        }
        return out;
    }

    private List<Prediction> predictions(double[][] output) {
        List<String> labels = model.info().labels();
        List<Prediction> predictions = new ArrayList<>(output.length);
        for (double[] raw : output) {
            double[] calibrated = Calibration.scale(raw, model.info().temperature());
            List<Double> probabilities = new ArrayList<>(labels.size());
            int best = 0;
            for (int c = 0; c < labels.size(); c++) {
                probabilities.add(calibrated[c]);
                if (probabilities.get(c) > probabilities.get(best)) {
                    best = c;
                }
            }
            predictions.add(new Prediction(
                    labels.get(best),
                    probabilities.get(best),
                    probabilities,
                    model.info().unknownBelow()));
        }
        return predictions;
    }

    /**
     * Logits and penultimate features of these pictures (one network run, under the network's
     * lock); in a model without a network, the head's log-probabilities and the backbone's features.
     */
    public List<NetworkView> inspect(List<BufferedImage> images) {
        if (batches == null) {
            float[][] features = backbone.features(images);
            double[][] p = model.head().probabilities(features);
            List<NetworkView> views = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                double[] logits = new double[p[i].length];
                for (int c = 0; c < logits.length; c++) {
                    logits[c] = Math.log(Math.max(1e-12, p[i][c]));
                }
                double[] f =
                        new double[Math.min(features[i].length, TunedHead.POOLED)]; // a tuned head's row: pools first
                for (int c = 0; c < f.length; c++) {
                    f[c] = features[i][c];
                }
                views.add(new NetworkView(logits, f));
            }
            return views;
        }
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
        return batches == null ? 0 : batches.calls();
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
