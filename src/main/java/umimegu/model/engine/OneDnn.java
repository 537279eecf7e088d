package umimegu.model.engine;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes DL4J 1.0.0-M2.1 use oneDNN for convolutions on the CPU backend.
 *
 * <p>Two things keep the oneDNN layer helpers off in M2.1:
 * <ol>
 *   <li>{@code HelperUtils} creates no helper unless the system property
 *       {@value #HELPERS_DISABLE_PROPERTY} is {@code false} (its default is {@code true});</li>
 *   <li>the helpers' support check reflects on a class that M2.1 no longer ships; the shim
 *       {@link org.nd4j.nativeblas.Nd4jCpu} supplies it.</li>
 * </ol>
 * Without both, training this CNN runs about six times slower. {@link #enable()} must run before
 * the first network is initialised.
 */
public final class OneDnn {
    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private OneDnn() {}

    public static void enable() {
        if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
            System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
        }
    }

    public static String backend() {
        return Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "unknown");
    }

    /** True when the network's first convolution layer runs on the oneDNN helper. */
    public static boolean convolutionActive(MultiLayerNetwork network) {
        for (Layer layer : network.getLayers()) {
            if (layer instanceof ConvolutionLayer conv) {
                LayerHelper helper = conv.getHelper();
                return helper != null && helper.getClass().getSimpleName().startsWith("MKLDNN");
            }
        }
        return false;
    }
}
