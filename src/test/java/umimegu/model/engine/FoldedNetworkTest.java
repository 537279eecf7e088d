package umimegu.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import umimegu.model.Architecture;
import umimegu.model.InputSpec;
import umimegu.model.NetworkFactory;
import umimegu.model.TrainingPlan;
import umimegu.model.TrainingSettings;

class FoldedNetworkTest {
    private static final InputSpec INPUT = new InputSpec(40, 40, InputSpec.Scaling.ZERO_ONE);

    @Test
    void theCompactNetworkAnswersTheSameWithoutItsNormalizationLayers() {
        MultiLayerNetwork trained = network(Architecture.COMPACT);
        for (int step = 0; step < 20; step++) {
            trained.fit(batch(16, step)); // moves the running mean and variance away from 0 and 1
        }
        MultiLayerNetwork folded = FoldedNetwork.of(trained, INPUT.height(), INPUT.width(), InputSpec.CHANNELS);

        assertTrue(Arrays.stream(trained.getLayers()).anyMatch(l -> l instanceof BatchNormalization));
        assertTrue(
                Arrays.stream(folded.getLayers()).noneMatch(l -> l instanceof BatchNormalization),
                "no normalization layer left in " + Arrays.toString(folded.getLayers()));
        assertEquals(
                trained.getnLayers() - 8, folded.getnLayers(), "four blocks of three layers became four convolutions");

        INDArray pictures = batch(6, 99).getFeatures();
        // the features the output layer reads: unlike saturated probabilities, every error in the fold shows here
        INDArray features = trained.feedForward(pictures, false).get(trained.getnLayers() - 1);
        INDArray foldedFeatures = folded.feedForward(pictures, false).get(folded.getnLayers() - 1);
        double scale = features.amaxNumber().doubleValue();
        assertTrue(scale > 0, "the features are not all zero");
        assertEquals(
                0, features.sub(foldedFeatures).amaxNumber().doubleValue() / scale, 1e-5, "the features, relative");

        INDArray expected = trained.output(pictures, false);
        INDArray together = folded.output(pictures, false);
        assertEquals(0, expected.sub(together).amaxNumber().doubleValue(), 1e-5, "a batch");
        for (int i = 0; i < 6; i++) {
            INDArray one = pictures.get(NDArrayIndex.interval(i, i + 1)).dup();
            assertEquals(
                    0,
                    expected.getRow(i, true)
                            .sub(folded.output(one, false))
                            .amaxNumber()
                            .doubleValue(),
                    1e-5,
                    "picture " + i + " alone");
        }
    }

    @Test
    void theSeedNetworkHasNothingToFold() {
        MultiLayerNetwork trained = network(Architecture.SEED);
        assertSame(trained, FoldedNetwork.of(trained, INPUT.height(), INPUT.width(), InputSpec.CHANNELS));
    }

    private static MultiLayerNetwork network(Architecture architecture) {
        TrainingSettings settings =
                new TrainingSettings(0.2, 16, 1, 1, 0, 1e-2, 0, 0, 0, 5, false, false, architecture);
        return NetworkFactory.create(INPUT, 3, settings, new TrainingPlan(16, 1, 0, 0));
    }

    private static DataSet batch(int size, int seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray features = Nd4j.rand(DataType.FLOAT, size, InputSpec.CHANNELS, INPUT.height(), INPUT.width())
                .muli(2);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, size, 3);
        for (int i = 0; i < size; i++) {
            labels.putScalar(i, (i + seed) % 3, 1f);
        }
        return new DataSet(features, labels);
    }
}
