package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import umimegu.demo.SyntheticFaces;

class AugmenterTest {

    @Test
    void changesThePictureReproduciblyAndKeepsItsSize() {
        InputSpec spec = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
        byte[] original = new Preprocessor(spec).toPixels(new SyntheticFaces(64).draw(0, new Random(1)));
        Augmenter augmenter = new Augmenter(spec);

        byte[] a = augmenter.augment(original, new Random(5));
        byte[] b = augmenter.augment(original, new Random(5));

        assertEquals(original.length, a.length);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(original, a));
    }
}
