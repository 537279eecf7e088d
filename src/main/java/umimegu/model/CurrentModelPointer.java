package umimegu.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which stored model answers: {@code models/current}, a one-line file replaced by an atomic rename,
 * and {@code models/previous}, the models that answered before it, oldest first, which a roll-back
 * walks back through. Knows model folders only by name.
 */
public final class CurrentModelPointer {
    public static final String CURRENT_FILE = "current";
    /** The models that answered before the current one, oldest first: what {@link #rollBack} returns to. */
    public static final String PREVIOUS_FILE = "previous";

    private static final Logger log = LoggerFactory.getLogger(CurrentModelPointer.class);

    private final Path root;

    public CurrentModelPointer(Path root) {
        this.root = root;
    }

    /** The current model's id; throws {@link ModelStoreException} when there is none or the file is damaged. */
    public String currentId() {
        Path pointer = root.resolve(CURRENT_FILE);
        if (!Files.isRegularFile(pointer)) {
            throw new ModelStoreException(
                    "no trained model in " + root.toAbsolutePath() + ": run 'train' (or 'demo') first");
        }
        String id;
        try {
            id = new String(Files.readAllBytes(pointer), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ModelStoreException("cannot read " + pointer + ": " + e.getMessage(), e);
        }
        if (!ModelIds.isValid(id)) {
            throw new ModelStoreException(pointer + " does not name a model folder in " + root + " (it says '"
                    + ModelIds.printable(id) + "'); run 'train' again or write a model id into it");
        }
        return id;
    }

    /**
     * Makes a stored model the current one; the model it replaces is remembered for
     * {@link #rollBack}. The caller checks first that the model loads.
     */
    public synchronized void makeCurrent(String id) {
        if (!ModelIds.isValid(id) || !isStored(id)) {
            throw new ModelStoreException(
                    "model " + ModelIds.printable(String.valueOf(id)) + " not found in " + root.toAbsolutePath());
        }
        try {
            String old = currentIdOrNull();
            if (old != null && !old.equals(id)) {
                List<String> previous = new ArrayList<>(previousIds());
                previous.add(old);
                writeAtomically(root.resolve(PREVIOUS_FILE), String.join("\n", previous) + "\n");
            }
            writeAtomically(root.resolve(CURRENT_FILE), id + "\n");
        } catch (IOException e) {
            throw new ModelStoreException("cannot switch to model " + id + ": " + e.getMessage(), e);
        }
    }

    /** The model that answered before the current one, if any is still stored (not yet current). */
    public synchronized Optional<String> previousId() {
        List<String> previous = previousIds();
        String current = currentIdOrNull();
        for (int i = previous.size() - 1; i >= 0; i--) {
            String id = previous.get(i);
            if (!id.equals(current) && isStored(id)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * Makes the model that answered before the current one current again and forgets the current
     * one's place in the line, so a second roll-back goes one further back. Returns it, or empty.
     */
    public synchronized Optional<String> rollBack() {
        Optional<String> target = previousId();
        if (target.isEmpty()) {
            return target;
        }
        List<String> previous = new ArrayList<>(previousIds());
        previous.subList(previous.lastIndexOf(target.get()), previous.size()).clear();
        try {
            writeAtomically(
                    root.resolve(PREVIOUS_FILE), String.join("\n", previous) + (previous.isEmpty() ? "" : "\n"));
            writeAtomically(root.resolve(CURRENT_FILE), target.get() + "\n");
        } catch (IOException e) {
            throw new ModelStoreException("cannot roll back to model " + target.get() + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Whether a finished model folder of that name is in the store. */
    boolean isStored(String id) {
        return ModelStore.isModel(root.resolve(id));
    }

    private List<String> previousIds() {
        Path file = root.resolve(PREVIOUS_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::trim)
                    .filter(ModelIds::isValid)
                    .toList();
        } catch (IOException e) {
            log.warn("Cannot read {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    private String currentIdOrNull() {
        try {
            return currentId();
        } catch (ModelStoreException e) {
            return null;
        }
    }

    private void writeAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(root, target.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
