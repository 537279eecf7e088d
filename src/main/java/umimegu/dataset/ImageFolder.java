package umimegu.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of labelled images: each sub-folder is a label, named as the folder, in sorted order.
 * Hidden files are ignored; any other file is kept so a bad one is reported, not silently dropped.
 */
public record ImageFolder(Path root, List<String> labels, List<LabelledFile> files) {
    static final Set<String> IGNORED = Set.of(".ds_store", "thumbs.db", "desktop.ini");

    public ImageFolder {
        labels = List.copyOf(labels);
        files = List.copyOf(files);
    }

    /** Reads a training folder: at least two labels, none of them empty. */
    public static ImageFolder scan(Path root) {
        List<String> labels = labelsIn(root);
        if (labels.size() < 2) {
            throw new DatasetException(root + " must hold at least 2 label folders (images/<label>/...), found "
                    + labels.size() + (labels.isEmpty() ? "" : ": " + labels));
        }
        return scan(root, labels);
    }

    /** Reads a folder whose labels must be among {@code modelLabels}, e.g. a test set. */
    public static ImageFolder scanAgainst(Path root, List<String> modelLabels) {
        List<String> found = labelsIn(root);
        if (found.isEmpty()) {
            throw new DatasetException(root + " holds no label folders");
        }
        List<String> unknown =
                found.stream().filter(l -> !modelLabels.contains(l)).toList();
        if (!unknown.isEmpty()) {
            throw new DatasetException(
                    root + " has labels the model does not know: " + unknown + " (model labels: " + modelLabels + ")");
        }
        return scan(root, modelLabels, found);
    }

    private static ImageFolder scan(Path root, List<String> labels) {
        return scan(root, labels, labels);
    }

    private static ImageFolder scan(Path root, List<String> labels, List<String> present) {
        List<LabelledFile> files = new ArrayList<>();
        for (String label : present) {
            List<Path> inLabel = filesIn(root.resolve(label));
            if (inLabel.isEmpty()) {
                throw new DatasetException("label folder " + root.resolve(label) + " is empty");
            }
            int index = labels.indexOf(label);
            inLabel.forEach(path -> files.add(new LabelledFile(path, index)));
        }
        return new ImageFolder(root, labels, files);
    }

    public static boolean hasLabelFolders(Path root) {
        return Files.isDirectory(root) && !labelsIn(root).isEmpty();
    }

    private static List<String> labelsIn(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException("image folder not found: " + root.toAbsolutePath());
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + root + ": " + e.getMessage());
        }
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return !name.startsWith(".") && !IGNORED.contains(name.toLowerCase(Locale.ROOT));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage());
        }
    }
}
