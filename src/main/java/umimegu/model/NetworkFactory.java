package umimegu.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The seed's Keras CNN, rebuilt layer for layer. */
public final class NetworkFactory {
    /** DL4J's dropOut(p) takes the probability of keeping an activation; Keras' Dropout(0.5) drops half. */
    private static final double KEEP_HALF = 0.5;

    private NetworkFactory() {
    }

    public static MultiLayerNetwork create(InputSpec input, int labelCount, double learningRate, long seed) {
        if (labelCount < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 labels, got " + labelCount);
        }
        OneDnn.enable();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .list()
                .layer(conv(24, ConvolutionMode.Same))
                .layer(conv(48, ConvolutionMode.Truncate))
                .layer(maxPool())
                .layer(new DropoutLayer(KEEP_HALF))
                .layer(conv(96, ConvolutionMode.Truncate))
                .layer(maxPool())
                .layer(new DropoutLayer(KEEP_HALF))
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new DropoutLayer(KEEP_HALF))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(labelCount).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(input.height(), input.width(), InputSpec.CHANNELS))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    private static ConvolutionLayer conv(int filters, ConvolutionMode mode) {
        return new ConvolutionLayer.Builder(3, 3)
                .nOut(filters)
                .stride(1, 1)
                .convolutionMode(mode)
                .activation(Activation.RELU)
                .build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build();
    }
}
