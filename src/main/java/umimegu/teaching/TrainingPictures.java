package umimegu.teaching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import umimegu.common.Sha256;

/**
 * The training pictures, {@code images/<label>/}, as the chat adds to them: each picture gets a
 * content-hash name ({@code chat-<sha256>.png}), so the same crop is never added twice, and is
 * written to a hidden temporary file first, so a failed write leaves no half picture behind.
 */
public final class TrainingPictures {
    public static final String CHAT_PREFIX = "chat-";

    private final Path root;

    public TrainingPictures(Path root) {
        this.root = root;
    }

    public enum Added {
        ADDED,
        DUPLICATE
    }

    /** Picture count per label folder, and how many of them came from the chat. */
    public record LabelCount(String label, int pictures, int fromChat) {}

    /**
     * The label a user means by {@code typed}: the folder that exists under another case
     * ({@code Umi} for {@code umi}) or width ({@code ｕｍｉ}), else {@code typed} in NFKC. Throws
     * IllegalArgumentException for a name that is not allowed.
     */
    public String labelFor(String typed) {
        String label = Labels.check(typed);
        if (Files.isDirectory(root)) {
            try (Stream<Path> folders = Files.list(root)) {
                Optional<String> existing = folders.filter(Files::isDirectory)
                        .map(f -> f.getFileName().toString())
                        .filter(name -> Labels.normalized(name).equalsIgnoreCase(label))
                        .sorted()
                        .findFirst();
                if (existing.isPresent()) {
                    return existing.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
            }
        }
        return label;
    }

    /** Where a picture was put: added, already there, or moved from another label ({@code from}). */
    public record Placed(Added added, String from) {}

    /**
     * Puts a PNG under {@code label}, which wins over any other label it was under before (an
     * admin's correction): it is moved from there, and {@link Placed#from} says from where.
     */
    public synchronized Placed place(String typed, byte[] png) {
        String label = labelFor(typed);
        String name = CHAT_PREFIX + Sha256.hex(png) + ".png";
        try {
            Optional<Path> before = findChatPicture(name);
            if (before.isPresent()
                    && !before.get().getParent().getFileName().toString().equals(label)) {
                Path folder = Files.createDirectories(root.resolve(label));
                Files.move(before.get(), folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                return new Placed(
                        Added.ADDED, before.get().getParent().getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot move a picture into " + root.resolve(label) + ": " + e.getMessage(), e);
        }
        return new Placed(add(label, png), null);
    }

    private Optional<Path> findChatPicture(String name) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> labels = Files.list(root)) {
            return labels.map(folder -> folder.resolve(name))
                    .filter(Files::exists)
                    .findFirst();
        }
    }

    /** Adds a PNG under {@code label} (created when new); DUPLICATE when the same picture came from the chat before. */
    public synchronized Added add(String typed, byte[] png) {
        String label = labelFor(typed);
        String name = CHAT_PREFIX + Sha256.hex(png) + ".png";
        try {
            if (alreadyAdded(name)) {
                return Added.DUPLICATE;
            }
            Path folder = root.resolve(label);
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".chat-", ".part");
            try {
                Files.write(tmp, png);
                Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Added.ADDED;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write a picture into " + root.resolve(label) + ": " + e.getMessage(), e);
        }
    }

    private boolean alreadyAdded(String name) throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> labels = Files.list(root)) {
            return labels.anyMatch(folder -> Files.exists(folder.resolve(name)));
        }
    }

    /** The first {@code n} pictures of a label (sorted by name), to show a few; empty for an unknown label. */
    public java.util.List<Path> sample(String label, int n) {
        if (!Labels.isValid(label) || !Files.isDirectory(root.resolve(label))) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(root.resolve(label))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .limit(n)
                    .toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    /** Every label folder with its counts, sorted by label (hidden files and folders are not counted). */
    public Map<String, LabelCount> counts() {
        Map<String, LabelCount> counts = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return counts;
        }
        try (Stream<Path> labels = Files.list(root)) {
            for (Path folder : labels.filter(Files::isDirectory).sorted().toList()) {
                String label = folder.getFileName().toString();
                if (label.startsWith(".")) {
                    continue;
                }
                int all = 0;
                int chat = 0;
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String name = f.getFileName().toString();
                        if (name.startsWith(".")) {
                            continue;
                        }
                        all++;
                        if (name.startsWith(CHAT_PREFIX)) {
                            chat++;
                        }
                    }
                }
                counts.put(label, new LabelCount(label, all, chat));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return counts;
    }
}
