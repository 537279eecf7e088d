package umimegu.model;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import umimegu.model.engine.FasterLayers;
import umimegu.model.engine.OneDnn;

/** Builds the networks of {@link Architecture}: the seed's Keras CNN layer for layer, or the compact one. */
public final class NetworkFactory {
    /** DL4J's dropOut(p) takes the probability of keeping an activation; Keras' Dropout(0.5) drops half. */
    private static final double KEEP_HALF = 0.5;

    private NetworkFactory() {}

    /** The seed network with a fixed learning rate (benchmarks, tests). */
    public static MultiLayerNetwork create(InputSpec input, int labelCount, double learningRate, long seed) {
        return create(input, labelCount, Architecture.SEED, new FixedSchedule(learningRate), 0, seed);
    }

    /** The network {@code settings} names, with its learning-rate warm-up and weight decay. */
    public static MultiLayerNetwork create(
            InputSpec input, int labelCount, TrainingSettings settings, TrainingPlan plan) {
        ISchedule rate = new FixedSchedule(settings.learningRate());
        if (plan.warmupSteps() > 0) {
            rate = warmup(settings.learningRate(), plan.warmupSteps());
        }
        return create(input, labelCount, settings.architecture(), rate, settings.weightDecay(), settings.seed());
    }

    /**
     * A linear ramp to {@code rate} over {@code steps} iterations, then {@code rate}. A MapSchedule
     * because M2.1 cannot read a saved RampSchedule back (it has no JSON creator).
     */
    static ISchedule warmup(double rate, int steps) {
        Map<Integer, Double> values = new HashMap<>();
        for (int i = 0; i < steps; i++) {
            values.put(i, rate * (i + 1) / steps);
        }
        return new MapSchedule(ScheduleType.ITERATION, values);
    }

    private static MultiLayerNetwork create(
            InputSpec input, int labelCount, Architecture architecture, ISchedule rate, double weightDecay, long seed) {
        if (labelCount < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 labels, got " + labelCount);
        }
        OneDnn.enable();
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(rate))
                .weightInit(architecture == Architecture.SEED ? WeightInit.XAVIER_UNIFORM : WeightInit.RELU);
        if (weightDecay > 0) {
            builder.weightDecay(weightDecay);
        }
        NeuralNetConfiguration.ListBuilder layers = builder.list();
        if (architecture == Architecture.SEED) {
            seed(layers);
        } else {
            compact(layers);
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(labelCount)
                .activation(Activation.SOFTMAX);
        if (architecture != Architecture.SEED) {
            output.weightInit(WeightInit.XAVIER);
        }
        MultiLayerConfiguration conf = layers.layer(output.build())
                .setInputType(InputType.convolutional(input.height(), input.width(), InputSpec.CHANNELS))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return FasterLayers.install(network);
    }

    private static void seed(NeuralNetConfiguration.ListBuilder layers) {
        layers.layer(conv(24, ConvolutionMode.Same, Activation.RELU))
                .layer(conv(48, ConvolutionMode.Truncate, Activation.RELU))
                .layer(maxPool())
                .layer(new DropoutLayer(KEEP_HALF))
                .layer(conv(96, ConvolutionMode.Truncate, Activation.RELU))
                .layer(maxPool())
                .layer(new DropoutLayer(KEEP_HALF))
                .layer(new DenseLayer.Builder()
                        .nOut(128)
                        .activation(Activation.RELU)
                        .build())
                .layer(new DropoutLayer(KEEP_HALF));
    }

    /** conv-BN-ReLU blocks of 32, 64, 128 and 256 filters, max-pooled between, then global average pooling. */
    private static void compact(NeuralNetConfiguration.ListBuilder layers) {
        int[] filters = {32, 64, 128, 256};
        for (int i = 0; i < filters.length; i++) {
            layers.layer(conv(filters[i], ConvolutionMode.Same, Activation.IDENTITY))
                    .layer(new BatchNormalization.Builder().build())
                    .layer(new ActivationLayer.Builder()
                            .activation(Activation.RELU)
                            .build());
            if (i < filters.length - 1) {
                layers.layer(maxPool());
            }
        }
        layers.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build()).layer(new DropoutLayer(KEEP_HALF));
    }

    private static ConvolutionLayer conv(int filters, ConvolutionMode mode, Activation activation) {
        return new ConvolutionLayer.Builder(3, 3)
                .nOut(filters)
                .stride(1, 1)
                .convolutionMode(mode)
                .activation(activation)
                .build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2)
                .stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate)
                .build();
    }
}
