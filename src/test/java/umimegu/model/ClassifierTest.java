package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import umimegu.demo.SyntheticFaces;

class ClassifierTest {
    @Test
    void mirrorAveragingIsTheMeanOfThePictureAndItsMirror() {
        InputSpec input = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
        StoredModel model = new StoredModel("m", null, NetworkFactory.create(input, 3, 1e-3, 7),
                new ModelInfo(List.of("a", "b", "c"), input));
        BufferedImage face = new SyntheticFaces(32).draw(0, new Random(5));
        AffineTransform flip = AffineTransform.getScaleInstance(-1, 1);
        flip.translate(-face.getWidth(), 0);
        BufferedImage mirrored = new AffineTransformOp(flip, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(face, null);

        Classifier plain = new Classifier(model, false);
        List<Double> a = plain.predict(face).probabilities();
        List<Double> b = plain.predict(mirrored).probabilities();
        List<Double> averaged = new Classifier(model, true).predict(face).probabilities();
        for (int i = 0; i < 3; i++) {
            assertEquals((a.get(i) + b.get(i)) / 2, averaged.get(i), 1e-5);
        }
    }
}
