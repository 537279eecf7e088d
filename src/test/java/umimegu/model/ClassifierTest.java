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
        StoredModel model = new StoredModel(
                "m", null, NetworkFactory.create(input, 3, 1e-3, 7), new ModelInfo(List.of("a", "b", "c"), input));
        BufferedImage face = new SyntheticFaces(32).draw(0, new Random(5));
        AffineTransform flip = AffineTransform.getScaleInstance(-1, 1);
        flip.translate(-face.getWidth(), 0);
        BufferedImage mirrored =
                new AffineTransformOp(flip, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(face, null);

        Classifier plain = new Classifier(model, false);
        List<Double> a = plain.predict(face).probabilities();
        List<Double> b = plain.predict(mirrored).probabilities();
        List<Double> averaged = new Classifier(model, true).predict(face).probabilities();
        for (int i = 0; i < 3; i++) {
            assertEquals((a.get(i) + b.get(i)) / 2, averaged.get(i), 1e-5);
        }
    }

    /** The open-set scores read the logits and features: their softmax must be the answer's probabilities. */
    @Test
    void inspectedLogitsGiveTheAnswersProbabilities() {
        InputSpec input = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
        StoredModel model = new StoredModel(
                "m", null, NetworkFactory.create(input, 3, 1e-3, 7), new ModelInfo(List.of("a", "b", "c"), input));
        Classifier classifier = new Classifier(model, false);
        List<BufferedImage> faces =
                List.of(new SyntheticFaces(32).draw(0, new Random(5)), new SyntheticFaces(32).draw(1, new Random(6)));
        List<NetworkView> views = classifier.inspect(faces);
        List<Prediction> answers = classifier.predictAll(faces);
        for (int i = 0; i < faces.size(); i++) {
            double[] z = views.get(i).logits();
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v);
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(answers.get(i).probabilities().get(c), Math.exp(z[c]) / sum, 1e-5);
            }
            assertEquals(
                    model.network()
                            .getLayer(model.network().getnLayers() - 1)
                            .getParam("W")
                            .rows(),
                    views.get(i).features().length);
        }
    }

    @Test
    void picturesFromManyThreadsShareNetworkRunsAndGetTheirOwnAnswers() throws Exception {
        InputSpec input = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
        StoredModel model = new StoredModel(
                "m", null, NetworkFactory.create(input, 3, 1e-3, 7), new ModelInfo(List.of("a", "b", "c"), input));
        Classifier classifier = new Classifier(model, false);
        SyntheticFaces faces = new SyntheticFaces(32);
        int threads = 8;
        int each = 10;
        List<List<BufferedImage>> pictures = new java.util.ArrayList<>();
        List<List<List<Double>>> alone = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<BufferedImage> mine = new java.util.ArrayList<>();
            List<List<Double>> expected = new java.util.ArrayList<>();
            for (int i = 0; i < each; i++) {
                BufferedImage face = faces.draw((t + i) % 3, new Random(100L * t + i));
                mine.add(face);
                expected.add(classifier.predict(face).probabilities()); // one at a time: the plain output() path
            }
            pictures.add(mine);
            alone.add(expected);
        }
        long before = classifier.networkCalls();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<List<Double>>>> answers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<BufferedImage> mine = pictures.get(t);
            answers.add(pool.submit(() -> {
                start.await();
                List<List<Double>> got = new java.util.ArrayList<>();
                for (BufferedImage face : mine) {
                    got.add(classifier.predict(face).probabilities());
                }
                return got;
            }));
        }
        start.countDown();
        for (int t = 0; t < threads; t++) {
            List<List<Double>> got = answers.get(t).get(2, java.util.concurrent.TimeUnit.MINUTES);
            for (int i = 0; i < each; i++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(alone.get(t).get(i).get(c), got.get(i).get(c), 1e-5, "thread " + t + " picture " + i);
                }
            }
        }
        pool.shutdown();
        long runs = classifier.networkCalls() - before;
        org.junit.jupiter.api.Assertions.assertTrue(
                runs < threads * each,
                runs + " network runs for " + threads * each
                        + " pictures asked for at once: waiting pictures went together");
    }
}
