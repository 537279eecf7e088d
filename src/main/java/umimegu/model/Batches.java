package umimegu.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Cuts loaded images into network batches (features NCHW, one-hot labels). */
public final class Batches {
    private final LoadedImages images;
    private final Preprocessor preprocessor;

    public Batches(LoadedImages images, Preprocessor preprocessor) {
        this.images = images;
        this.preprocessor = preprocessor;
    }

    public LoadedImages images() {
        return images;
    }

    /** The indices in batches of {@code batchSize}, shuffled with {@code random} when it is not null. */
    public List<List<Integer>> plan(int batchSize, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            order.add(i);
        }
        if (random != null) {
            Collections.shuffle(order, random);
        }
        List<List<Integer>> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start += batchSize) {
            batches.add(order.subList(start, Math.min(order.size(), start + batchSize)));
        }
        return batches;
    }

    public DataSet build(List<Integer> indices, Augmenter augmenter, Random random) {
        List<byte[]> pixels = new ArrayList<>(indices.size());
        INDArray labels = Nd4j.zeros(
                org.nd4j.linalg.api.buffer.DataType.FLOAT,
                indices.size(),
                images.labels().size());
        for (int row = 0; row < indices.size(); row++) {
            int index = indices.get(row);
            byte[] raw = images.pixels().get(index);
            pixels.add(augmenter == null ? raw : augmenter.augment(raw, random));
            labels.putScalar(row, images.labelIndex()[index], 1f);
        }
        return new DataSet(preprocessor.toBatch(pixels), labels);
    }
}
