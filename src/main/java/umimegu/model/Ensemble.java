package umimegu.model;

/**
 * How the two parts of an {@link ModelKind#ENSEMBLE} model answer together: the mean of their
 * probabilities, the network's already calibrated by its own temperature when it was trained
 * (docs/pretrained.md). A model with one part answers with that part alone.
 */
final class Ensemble {
    private Ensemble() {}

    /** Row by row, the mean of the two parts' probabilities; either may be null (the part is absent). */
    static double[][] average(double[][] network, double[][] head) {
        if (network == null) {
            return head;
        }
        if (head == null) {
            return network;
        }
        double[][] out = new double[network.length][];
        for (int row = 0; row < network.length; row++) {
            out[row] = new double[network[row].length];
            for (int c = 0; c < out[row].length; c++) {
                out[row][c] = (network[row][c] + head[row][c]) / 2;
            }
        }
        return out;
    }

    /**
     * Divides the logits of the network's output layer by {@code temperature}, in its weights: the
     * network then gives the calibrated probabilities itself.
     */
    static void calibrateInPlace(org.deeplearning4j.nn.multilayer.MultiLayerNetwork network, double temperature) {
        var output = network.getLayer(network.getnLayers() - 1);
        output.getParam("W").divi(temperature);
        output.getParam("b").divi(temperature);
    }
}
