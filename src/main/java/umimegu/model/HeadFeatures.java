package umimegu.model;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import umimegu.dataset.DatasetException;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.PictureReader;

/**
 * The backbone features of picture files as training and testing read them, through the store's
 * {@link FeatureCache} ({@code models/.features/}), so a retraining after a few new pictures
 * computes only those.
 */
final class HeadFeatures {
    /** The cache's folder inside the model store; hidden, so never taken for a model. */
    static final String CACHE_FOLDER = ".features";

    private final FeatureCache cache;
    private final PictureReader reader;

    HeadFeatures(Path modelRoot, int size, boolean facesCut, PictureReader reader) {
        this.cache =
                new FeatureCache(modelRoot.resolve(CACHE_FOLDER), Backbone.shared(size), facesCut ? "faces" : "whole");
        this.reader = reader;
    }

    /** Per file, its features under each view; the files were read once already, so a failure now is a changed file. */
    float[][][] of(List<Path> files, List<FeatureCache.View> views, IntConsumer progress) {
        try {
            return cache.features(files, views, reader::picture, progress);
        } catch (ImageDecodeException e) {
            throw new DatasetException("a picture changed while training read it: " + e.getMessage());
        }
    }

    /** The plain view's features, one row per file. */
    float[][] plain(List<Path> files) {
        float[][][] all = of(files, List.of(FeatureCache.View.PLAIN), done -> {});
        float[][] rows = new float[all.length][];
        for (int i = 0; i < all.length; i++) {
            rows[i] = all[i][0];
        }
        return rows;
    }
}
