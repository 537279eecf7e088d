package umimegu.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import umimegu.dataset.DatasetException;
import umimegu.dataset.LabelledFile;
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

    HeadFeatures(Path modelRoot, int size, Backbone.Cut cut, boolean facesCut, PictureReader reader) {
        this.cache = new FeatureCache(
                modelRoot.resolve(CACHE_FOLDER), Backbone.shared(size, cut), facesCut ? "faces" : "whole");
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

    /** Labelled files as the head needs them: their features under each view, and who they are. */
    record Loaded(LoadedImages images, float[][][] views) {}

    /**
     * The features of labelled files under each view, decoding only the files whose features are
     * not kept yet (a retraining after a few new pictures decodes only those); an unreadable file
     * is skipped with the reason, as {@link ImageLoader} does. The images hold no pixels.
     */
    Loaded load(List<String> labels, List<LabelledFile> files, List<FeatureCache.View> views, IntConsumer progress) {
        List<String> skipped = new ArrayList<>();
        float[][][] all = cache.features(
                files.stream().map(LabelledFile::path).toList(),
                views,
                path -> {
                    try {
                        return reader.picture(path);
                    } catch (ImageDecodeException e) {
                        ImageLoader.skip(skipped, e);
                        return null;
                    }
                },
                progress);
        List<float[][]> kept = new ArrayList<>();
        List<Integer> labelIndex = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (all[i] != null) {
                kept.add(all[i]);
                labelIndex.add(files.get(i).label());
                sources.add(files.get(i).path());
            }
        }
        ImageLoader.summariseSkips(skipped);
        return new Loaded(
                new LoadedImages(
                        labels,
                        List.of(),
                        labelIndex.stream().mapToInt(Integer::intValue).toArray(),
                        sources,
                        skipped),
                kept.toArray(float[][][]::new));
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
