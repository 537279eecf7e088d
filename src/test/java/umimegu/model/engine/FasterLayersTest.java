package umimegu.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

class FasterLayersTest {
    private static final InputSpec INPUT = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
    private static final double LEARNING_RATE = 1e-2;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void trainingGivesTheSameGradientsAndWeightsAsDl4jsOwnLayer(Architecture architecture) {
        trainsAsDl4jsOwnLayers(architecture, 8);
    }

    /** Above 32 pictures the convolutions' backprop runs in slices of the batch. */
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void aBatchInSlicesGivesTheSameGradientsAndWeights(Architecture architecture) {
        trainsAsDl4jsOwnLayers(architecture, SlicedConvolution.SLICE + 9);
    }

    private static void trainsAsDl4jsOwnLayers(Architecture architecture, int batchSize) {
        MultiLayerNetwork fast = network(architecture);
        MultiLayerNetwork plain =
                new MultiLayerNetwork(fast.getLayerWiseConfigurations().clone());
        plain.init(fast.params().dup(), true);
        assertTrue(
                Arrays.stream(fast.getLayers()).anyMatch(l -> l instanceof ForwardKeepingConvolution),
                "the convolutions must be replaced");
        assertFalse(Arrays.stream(plain.getLayers()).anyMatch(l -> l instanceof ForwardKeepingConvolution));
        if (architecture == Architecture.COMPACT) {
            assertTrue(
                    Arrays.stream(fast.getLayers()).anyMatch(l -> l instanceof InPlaceRelu),
                    "the ReLU layers must be replaced");
            assertTrue(
                    Arrays.stream(fast.getLayers()).anyMatch(l -> l.getHelper() instanceof LeanBatchNormBackprop),
                    "batch normalization must get the lean backprop");
        }

        DataSet batch = batch(batchSize);
        for (int step = 0; step < 3; step++) {
            INDArray expected = gradient(plain, batch);
            double scale = Math.max(1, expected.amaxNumber().doubleValue());
            assertEquals(
                    0,
                    expected.sub(gradient(fast, batch)).amaxNumber().doubleValue(),
                    1e-5 * scale,
                    "the gradient at step " + step);
            Nd4j.getRandom().setSeed(100 + step);
            plain.fit(batch);
            Nd4j.getRandom().setSeed(100 + step);
            fast.fit(batch);
            // Adam moves a weight by about the learning rate whatever the size of its gradient, so
            // where a gradient is zero up to rounding (a convolution's bias before batch
            // normalization) rounding alone moves it: the next step starts from the same weights
            plain.setParams(fast.params().dup());
        }
        INDArray probe = batch(4).getFeatures();
        assertEquals(
                0,
                plain.output(probe, false)
                        .sub(fast.output(probe, false))
                        .amaxNumber()
                        .doubleValue(),
                1e-5);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void onePictureGetsTheSameAnswerAsDl4jsOwnPath(Architecture architecture) {
        MultiLayerNetwork fast = network(architecture);
        fast.fit(batch(8));
        MultiLayerNetwork plain =
                new MultiLayerNetwork(fast.getLayerWiseConfigurations().clone());
        plain.init(fast.params().dup(), true);
        if (architecture == Architecture.SEED) {
            assertTrue(Arrays.stream(fast.getLayers()).anyMatch(l -> l instanceof SingleRowDense));
        }

        INDArray pictures = batch(5).getFeatures();
        INDArray together = plain.output(pictures, false);
        for (int i = 0; i < 5; i++) {
            INDArray one = pictures.get(NDArrayIndex.interval(i, i + 1)).dup();
            INDArray answer = fast.output(one, false);
            assertEquals(0, answer.sub(plain.output(one, false)).amaxNumber().doubleValue(), 1e-5, "picture " + i);
            assertEquals(
                    0,
                    answer.sub(together.getRow(i, true)).amaxNumber().doubleValue(),
                    1e-5,
                    "picture " + i + " in a batch");
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void savedModelsNameOnlyDl4jsOwnLayers(Architecture architecture, @TempDir Path dir) throws Exception {
        MultiLayerNetwork fast = network(architecture);
        fast.fit(batch(4));
        Path file = dir.resolve("network.zip");
        ModelSerializer.writeModel(fast, file.toFile(), true);

        String json = fast.getLayerWiseConfigurations().toJson();
        assertFalse(json.contains("ForwardKeeping") || json.contains("SingleRow") || json.contains("umimegu"), json);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        for (Layer layer : loaded.getLayers()) {
            assertFalse(layer instanceof ForwardKeepingConvolution);
        }
        INDArray probe = batch(2).getFeatures();
        assertEquals(
                0,
                fast.output(probe, false)
                        .sub(loaded.output(probe, false))
                        .amaxNumber()
                        .doubleValue(),
                1e-6);
        assertTrue(Files.size(file) > 0);
    }

    private static MultiLayerNetwork network(Architecture architecture) {
        TrainingSettings settings =
                new TrainingSettings(0.2, 8, 1, 1, 0, LEARNING_RATE, 0, 0, 0, 3, false, false, architecture);
        return NetworkFactory.create(INPUT, 3, settings, new TrainingPlan(8, 1, 0, 0));
    }

    private static INDArray gradient(MultiLayerNetwork network, DataSet batch) {
        Nd4j.getRandom().setSeed(42);
        network.setInput(batch.getFeatures());
        network.setLabels(batch.getLabels());
        network.computeGradientAndScore();
        return network.gradient().gradient().dup();
    }

    private static DataSet batch(int size) {
        Nd4j.getRandom().setSeed(size);
        INDArray features = Nd4j.rand(DataType.FLOAT, size, InputSpec.CHANNELS, INPUT.height(), INPUT.width());
        INDArray labels = Nd4j.zeros(DataType.FLOAT, size, 3);
        for (int i = 0; i < size; i++) {
            labels.putScalar(i, i % 3, 1f);
        }
        return new DataSet(features, labels);
    }
}
