package umimegu.config;

import java.nio.file.Path;

/** Where the labelled images, the held-out images and the models live. */
public record Paths(Path images, Path testImages, Path models) {

    /** These paths with each non-null argument replacing its counterpart. */
    public Paths override(Path newImages, Path newTestImages, Path newModels) {
        return new Paths(
                newImages != null ? newImages : images,
                newTestImages != null ? newTestImages : testImages,
                newModels != null ? newModels : models);
    }
}
