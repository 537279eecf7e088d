package umimegu.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import umimegu.model.InputSpec;
import umimegu.model.NetworkFactory;

class OneDnnTest {

    @Test
    void convolutionLayersRunOnTheOneDnnHelper() {
        MultiLayerNetwork network =
                NetworkFactory.create(new InputSpec(100, 100, InputSpec.Scaling.ZERO_ONE), 2, 1e-3, 1);

        assertEquals("CPU", OneDnn.backend());
        assertTrue(BaseMKLDNNHelper.mklDnnEnabled(), "DL4J's oneDNN support check must pass");
        assertTrue(OneDnn.convolutionActive(network), "convolution layers must use the oneDNN helper");
    }
}
