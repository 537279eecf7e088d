package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class PreprocessorTest {
    @Test
    void aBatchHoldsEachPixelScaledInChannelFirstOrder() {
        InputSpec spec = new InputSpec(17, 16, InputSpec.Scaling.MINUS_ONE_ONE);
        Random random = new Random(3);
        byte[] first = new byte[spec.valuesPerImage()];
        byte[] second = new byte[spec.valuesPerImage()];
        random.nextBytes(first);
        random.nextBytes(second);

        INDArray batch = new Preprocessor(spec).toBatch(List.of(first, second));

        assertEquals(DataType.FLOAT, batch.dataType());
        assertArrayEquals(new long[] {2, 3, 16, 17}, batch.shape());
        List<byte[]> pictures = List.of(first, second);
        for (int n = 0; n < 2; n++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 17; x++) {
                    for (int c = 0; c < 3; c++) {
                        int value = pictures.get(n)[(y * 17 + x) * 3 + c] & 0xFF;
                        assertEquals(
                                value * 2f / 255f - 1f,
                                batch.getFloat(n, c, y, x),
                                1e-6,
                                "picture " + n + " channel " + c + " at " + x + "," + y);
                    }
                }
            }
        }
    }
}
