package umimegu.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Decoded, resized images held as bytes, with their label indices. {@code skipped} lists the files
 * that could not be decoded, each with the reason. {@code pixels} is empty where only the files'
 * backbone features were needed ({@link HeadFeatures#load}).
 */
public record LoadedImages(
        List<String> labels, List<byte[]> pixels, int[] labelIndex, List<Path> sources, List<String> skipped) {

    public LoadedImages {
        labels = List.copyOf(labels);
        pixels = List.copyOf(pixels);
        sources = List.copyOf(sources);
        skipped = List.copyOf(skipped);
    }

    public int size() {
        return labelIndex.length;
    }

    public int[] countPerLabel() {
        int[] counts = new int[labels.size()];
        for (int label : labelIndex) {
            counts[label]++;
        }
        return counts;
    }
}
