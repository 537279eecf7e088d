package umimegu.model;

import java.nio.file.Path;
import java.util.Optional;

/** A finished, saved and switched training: its report, where it lives, and the test score if a test set exists. */
public record TrainingOutcome(
        TrainingReport report, String modelId, Path modelDirectory, Optional<EvaluationResult> test) {}
