package umimegu.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Draws the learning curves into a model's folder after each epoch (the chart adapter does). */
@FunctionalInterface
public interface CurveWriter {
    void write(List<EpochStats> history, Path directory) throws IOException;

    CurveWriter NONE = (history, directory) -> {};

    /** Charts of the test result (the confusion matrix) into the model's folder; nothing by default. */
    default void writeTest(EvaluationResult test, Path directory) throws IOException {}
}
