package umimegu.config;

import java.nio.file.Path;

/** Where the labelled images, the held-out images and the models live. */
public record Paths(Path images, Path testImages, Path models) {
}
