package umimegu.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import umimegu.common.ProcessIdentity;
import umimegu.model.engine.FasterLayers;
import umimegu.model.engine.OneDnn;

/**
 * Keeps models as {@code models/<timestamp>/} folders. A model is written under
 * {@code <timestamp>.partial}, renamed when complete, and only then named current (through its
 * {@link CurrentModelPointer}), so a failed or interrupted training never changes the current
 * model. Loading checks the network against its {@link ModelInfoFile}.
 */
public final class ModelStore {
    public static final String NETWORK_FILE = "network.zip";
    public static final String INFO_FILE = ModelInfoFile.NAME;
    public static final String CONFIG_FILE = "config.properties";
    public static final String METRICS_FILE = "metrics.properties";
    public static final String CURRENT_FILE = CurrentModelPointer.CURRENT_FILE;
    private static final String TRAINED_SIZE_ENTRY = "umimegu-input-size";
    private static final String PARTIAL_SUFFIX = ModelIds.PARTIAL_SUFFIX;
    /** In a draft: the process writing it ({@link ProcessIdentity}). */
    private static final String OWNER_FILE = ".owner";

    private static final DateTimeFormatter ID_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ModelStore.class);
    /** A draft untouched this long belongs to a training that was killed. */
    static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(30);

    private final Path root;
    private final Clock clock;
    private final CurrentModelPointer pointer;

    public ModelStore(Path root) {
        this(root, Clock.systemUTC());
    }

    public ModelStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
        this.pointer = new CurrentModelPointer(root);
    }

    /** Which model answers, and the ones that answered before it. */
    public CurrentModelPointer pointer() {
        return pointer;
    }

    public Path root() {
        return root;
    }

    /** Starts a new model folder that becomes visible as a model only on {@link Draft#commit}. */
    public Draft begin() {
        try {
            Files.createDirectories(root);
            removeAbandonedDrafts();
            String id = ID_FORMAT.format(clock.instant());
            Path partial = root.resolve(id + PARTIAL_SUFFIX);
            while (Files.exists(partial) || Files.exists(root.resolve(id))) {
                id = id + "x";
                partial = root.resolve(id + PARTIAL_SUFFIX);
            }
            Files.createDirectory(partial);
            Files.writeString(partial.resolve(OWNER_FILE), ProcessIdentity.current());
            return new Draft(id, partial);
        } catch (IOException e) {
            throw new ModelStoreException("cannot create a model folder in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes {@code *.partial} folders left by a training that was killed: those whose training
     * process, on this machine, is gone, and those in which nothing was written for
     * {@link #ABANDONED_AFTER} (a live training rewrites its curves every epoch; this is how a
     * draft of a process on another machine sharing the folder is judged). Called when a process
     * starts answering and before every training.
     */
    public void removeAbandonedDrafts() {
        try {
            if (Files.isDirectory(root)) {
                removeDrafts();
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not look for unfinished model folders in {}: {}", root, e.getMessage());
        }
    }

    private void removeDrafts() throws IOException {
        List<Path> partials;
        try (Stream<Path> children = Files.list(root)) {
            partials = children.filter(p -> p.getFileName().toString().endsWith(PARTIAL_SUFFIX) && Files.isDirectory(p))
                    .toList();
        }
        for (Path partial : partials) {
            java.time.Instant last;
            try (Stream<Path> files = Files.walk(partial)) {
                last = files.map(ModelStore::modified)
                        .max(java.time.Instant::compareTo)
                        .orElse(java.time.Instant.EPOCH);
            }
            boolean ownerGone = ProcessIdentity.isGoneFromThisMachine(owner(partial));
            if (ownerGone || last.isBefore(clock.instant().minus(ABANDONED_AFTER))) {
                try (Stream<Path> files = Files.walk(partial)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                log.info(
                        "Removed {}, left by a training that did not finish ({})",
                        partial,
                        ownerGone ? "its process is gone" : "nothing written since " + last);
            }
        }
    }

    /** The process that writes a draft; null when it is not said (a draft of an older version). */
    private static String owner(Path partial) {
        try {
            return Files.readString(partial.resolve(OWNER_FILE)).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static java.time.Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return java.time.Instant.EPOCH;
        }
    }

    public String currentId() {
        return pointer.currentId();
    }

    /** A model id is the name of a folder inside the store: no separators, no "..", nothing hidden. */
    public static boolean isValidId(String id) {
        return ModelIds.isValid(id);
    }

    public StoredModel loadCurrent() {
        return load(currentId());
    }

    public StoredModel load(String id) {
        if (!isValidId(id)) {
            throw new ModelStoreException(
                    "'" + ModelIds.printable(id) + "' is not a model id: ids are folder names inside " + root
                            + " (letters, digits, '.', '_', '-'), as 'models' lists them");
        }
        Path dir = root.resolve(id);
        Path networkFile = dir.resolve(NETWORK_FILE);
        if (!isModel(dir)) {
            throw new ModelStoreException("model " + id + " not found in " + root.toAbsolutePath());
        }
        try {
            OneDnn.enable();
            ModelInfo info;
            try {
                info = ModelInfoFile.read(dir.resolve(INFO_FILE));
            } catch (IOException | RuntimeException e) {
                throw new ModelStoreException(
                        "cannot load model " + id + ": " + INFO_FILE + " is missing or damaged (" + e + ")", e);
            }
            MultiLayerNetwork network = null;
            if (info.kind().hasNetwork()) {
                if (!Files.isRegularFile(networkFile)) {
                    throw new ModelStoreException("cannot load model " + id + ": it is a "
                            + info.kind().configName() + " model and its " + NETWORK_FILE + " is missing");
                }
                network = FasterLayers.install(ModelSerializer.restoreMultiLayerNetwork(networkFile.toFile(), false));
                checkMatches(id, network, info);
                checkTrainedSize(id, networkFile, info);
            }
            Head head = info.kind().hasHead() ? loadHead(id, dir, info) : null;
            return new StoredModel(id, dir, network, info, head);
        } catch (ModelStoreException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelStoreException("cannot load model " + id + ": " + e, e);
        }
    }

    /** The head of a model that stands on the backbone: it must be the backbone this build carries, and answer its labels. */
    private static Head loadHead(String id, Path dir, ModelInfo info) throws IOException {
        BackboneSpec wanted = info.backbone();
        if (!wanted.id().equals(umimegu.model.Backbone.ID)
                || !wanted.sha256().equals(umimegu.model.Backbone.weightsSha256())) {
            throw new ModelStoreException("model " + id + " stands on the backbone " + wanted.id() + " with weights "
                    + wanted.sha256().substring(0, Math.min(12, wanted.sha256().length()))
                    + "…, which this version does not carry: train it again");
        }
        Path file = dir.resolve(Head.FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelStoreException("cannot load model " + id + ": it is a "
                    + info.kind().configName() + " model and its " + Head.FILE + " is missing");
        }
        Head head = info.kind().tunedHead() ? TunedHead.load(file) : FeatureHead.load(file);
        if (head.labelCount() != info.labels().size()) {
            throw new ModelStoreException(
                    "model " + id + " does not match its " + INFO_FILE + ": the head answers " + head.labelCount()
                            + " labels, the file lists " + info.labels().size());
        }
        return head;
    }

    /** Whether a folder holds a finished model: a network, a head on the backbone, or both. */
    public static boolean isModel(Path dir) {
        return Files.isRegularFile(dir.resolve(NETWORK_FILE)) || Files.isRegularFile(dir.resolve(Head.FILE));
    }

    /** The model's main file, whose time says when it was made. */
    public static Path mainFile(Path dir) {
        Path network = dir.resolve(NETWORK_FILE);
        return Files.isRegularFile(network) ? network : dir.resolve(Head.FILE);
    }

    public List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(ModelStore::isModel)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.endsWith(PARTIAL_SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ModelStoreException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** One blank picture through the network: its input size and label count must be what model.properties says. */
    private static void checkMatches(String id, MultiLayerNetwork network, ModelInfo info) {
        InputSpec in = info.input();
        long outputs;
        try (var blank = org.nd4j.linalg.factory.Nd4j.zeros(
                org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, InputSpec.CHANNELS, in.height(), in.width())) {
            outputs = network.output(blank, false).size(1);
        } catch (RuntimeException e) {
            throw new ModelStoreException(
                    "model " + id + " does not match its " + INFO_FILE + ": the network does not take " + in.width()
                            + "x" + in.height() + " pictures (" + e.getMessage() + ")",
                    e);
        }
        if (outputs != info.labels().size()) {
            throw new ModelStoreException("model " + id + " does not match its " + INFO_FILE + ": the network answers "
                    + outputs + " labels, the file lists " + info.labels().size());
        }
    }

    private static void checkTrainedSize(String id, Path networkFile, ModelInfo info) {
        String trained;
        try {
            trained = ModelSerializer.getObjectFromFile(networkFile.toFile(), TRAINED_SIZE_ENTRY);
        } catch (RuntimeException e) {
            return; // saved before the size was stored
        }
        String declared = info.input().width() + "x" + info.input().height();
        if (!declared.equals(trained)) {
            throw new ModelStoreException("model " + id + " does not match its " + INFO_FILE
                    + ": the network was trained on " + trained + " pictures, the file says " + declared);
        }
    }

    /** See {@link CurrentModelPointer#makeCurrent}. */
    public void makeCurrent(String id) {
        pointer.makeCurrent(id);
    }

    /** See {@link CurrentModelPointer#previousId}. */
    public Optional<String> previousId() {
        return pointer.previousId();
    }

    /** See {@link CurrentModelPointer#rollBack}. */
    public Optional<String> rollBack() {
        return pointer.rollBack();
    }

    /** A model being written. */
    public final class Draft {
        private final String id;
        private final Path directory;
        private boolean finished;

        private Draft(String id, Path directory) {
            this.id = id;
            this.directory = directory;
        }

        public String id() {
            return id;
        }

        /** Where files go while training runs (curves can be watched here). */
        public Path directory() {
            return directory;
        }

        /** Writes the network and its description, publishes the folder and makes it current. */
        public Path commit(MultiLayerNetwork network, ModelInfo info, Properties config, Properties metrics) {
            return commit(network, null, info, config, metrics);
        }

        /** Writes the network and the head (either may be null, as the model's kind says), its description, publishes the folder and makes it current. */
        public Path commit(
                MultiLayerNetwork network, Head head, ModelInfo info, Properties config, Properties metrics) {
            try {
                if (network != null) {
                    ModelSerializer.writeModel(
                            network, directory.resolve(NETWORK_FILE).toFile(), false);
                    // a network that pools globally takes any size, so the size it was trained on travels inside it too
                    ModelSerializer.addObjectToFile(
                            directory.resolve(NETWORK_FILE).toFile(),
                            TRAINED_SIZE_ENTRY,
                            info.input().width() + "x" + info.input().height());
                }
                if (head != null) {
                    head.save(directory.resolve(Head.FILE));
                }
                ModelInfoFile.write(directory.resolve(INFO_FILE), info);
                ModelInfoFile.store(
                        directory.resolve(CONFIG_FILE), config, "configuration this model was trained with");
                ModelInfoFile.store(directory.resolve(METRICS_FILE), metrics, "training and test figures");
                Path published = root.resolve(id);
                Files.deleteIfExists(directory.resolve(OWNER_FILE));
                Files.move(directory, published, StandardCopyOption.ATOMIC_MOVE);
                pointer.makeCurrent(id);
                finished = true;
                return published;
            } catch (IOException | RuntimeException e) {
                abandon();
                throw new ModelStoreException("cannot save model " + id + ": " + e.getMessage(), e);
            }
        }

        /** Removes the unfinished folder; the current model stays as it was. */
        public void abandon() {
            if (finished) {
                return;
            }
            finished = true;
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // leaving a stray .partial folder is harmless: it is never loaded
            }
        }
    }
}
