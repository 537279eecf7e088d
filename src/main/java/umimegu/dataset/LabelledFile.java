package umimegu.dataset;

import java.nio.file.Path;

/** One image file and the index of its label. */
public record LabelledFile(Path path, int label) {}
