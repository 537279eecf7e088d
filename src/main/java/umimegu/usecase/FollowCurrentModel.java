package umimegu.usecase;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.model.CurrentModelPointer;
import umimegu.model.ModelStoreException;
import umimegu.model.PictureClassifier;

/**
 * Keeps this process answering with the store's current model when another process (a shard)
 * trains, switches or rolls back: {@code models/current} is read every {@code every}; when it names
 * another model, that model is loaded and swapped in. A model that does not load is logged once
 * and the old one keeps answering.
 */
public final class FollowCurrentModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FollowCurrentModel.class);

    private final CurrentModelPointer pointer;
    private final Function<String, PictureClassifier> loader;
    private final LiveModel live;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "follow-current-model");
        t.setDaemon(true);
        return t;
    });
    private String refused;

    public FollowCurrentModel(CurrentModelPointer pointer, Function<String, PictureClassifier> loader, LiveModel live) {
        this.pointer = pointer;
        this.loader = loader;
        this.live = live;
    }

    public FollowCurrentModel start(Duration every) {
        timer.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look at {@code models/current}; returns the id switched to, or null when nothing changed. */
    synchronized String check() {
        String current;
        try {
            current = pointer.currentId();
        } catch (ModelStoreException e) {
            return null; // no model yet, or a pointer being replaced
        }
        String answering = live.isPresent() ? live.get().modelId() : null;
        if (current.equals(answering) || current.equals(refused)) {
            return null;
        }
        try {
            live.switchTo(loader.apply(current));
            log.info("Model {} answers now (made current by another process)", current);
            return current;
        } catch (RuntimeException e) {
            refused = current;
            log.error(
                    "Model {} is current but does not load here ({}); model {} keeps answering",
                    current,
                    e.getMessage(),
                    answering);
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
