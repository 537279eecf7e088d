package umimegu.usecase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import umimegu.chart.ConfusionMatrixChart;
import umimegu.chart.LearningCurves;
import umimegu.chart.ReliabilityDiagram;
import umimegu.history.HistoryException;
import umimegu.model.ModelStore;
import umimegu.model.ModelSummary;
import umimegu.model.PictureClassifier;
import umimegu.teaching.Judgements;

/**
 * The stored models and which one answers: list them with what users said of each, switch to one,
 * or roll back to the one that answered before. A switch loads the model first and changes
 * {@code models/current} and the live model together, so a model that does not load never answers.
 */
public final class ChooseModel {
    private final ModelStore store;
    private final Function<String, PictureClassifier> loader;
    private final LiveModel live;
    private final HistorySession history;

    public ChooseModel(
            ModelStore store, Function<String, PictureClassifier> loader, LiveModel live, HistorySession history) {
        this.store = store;
        this.loader = loader;
        this.live = live;
        this.history = history;
    }

    /** A stored model, whether it answers now, and how many of its answers users judged (and found right). */
    public record Row(ModelSummary model, boolean current, long judged, long judgedRight) {}

    public List<Row> newest(int limit) {
        String current = live.isPresent() ? live.get().modelId() : null;
        Map<String, Judgements.Verdicts> judged = Map.of();
        try {
            judged = history.judgements().map(Judgements::judgedPerModel).orElse(Map.of());
        } catch (HistoryException e) {
            // the list is still useful without the users' verdicts
        }
        Map<String, Judgements.Verdicts> verdicts = judged;
        return ModelSummary.newest(store, limit).stream()
                .map(m -> {
                    Judgements.Verdicts v = verdicts.getOrDefault(m.id(), Judgements.Verdicts.NONE);
                    return new Row(m, m.id().equals(current), v.judged(), v.right());
                })
                .toList();
    }

    /** The pictures a model folder may show: its curves and, when it was tested, its confusion matrix. */
    public static final List<String> PICTURES = List.of(
            LearningCurves.ACCURACY_FILE, LearningCurves.LOSS_FILE, ConfusionMatrixChart.FILE, ReliabilityDiagram.FILE);

    /** One of {@link #PICTURES} of a stored model; empty for anything else or when it is not there. */
    public Optional<java.nio.file.Path> picture(String id, String name) {
        if (!ModelStore.isValidId(id) || !PICTURES.contains(name)) {
            return Optional.empty();
        }
        java.nio.file.Path file = store.root().resolve(id).resolve(name);
        return java.nio.file.Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Makes model {@code id} answer; throws ModelStoreException when it is not there or does not load. */
    public synchronized String use(String id) {
        PictureClassifier next = loader.apply(id);
        store.pointer().makeCurrent(id);
        live.switchTo(next);
        return id;
    }

    /** Goes back to the model that answered before; empty when there is none. */
    public synchronized Optional<String> rollBack() {
        Optional<String> previous = store.pointer().previousId();
        if (previous.isEmpty()) {
            return previous;
        }
        PictureClassifier next = loader.apply(previous.get());
        Optional<String> done = store.pointer().rollBack();
        done.ifPresent(id -> live.switchTo(next));
        return done;
    }
}
