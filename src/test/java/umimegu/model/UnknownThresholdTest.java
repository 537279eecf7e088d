package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's own "I don't know" threshold: fitted on its validation faces, kept with it. */
class UnknownThresholdTest {
    @TempDir
    Path dir;

    /** Forty validation faces whose top probabilities are 0.40, 0.41, … 0.79 (three labels, temperature 1). */
    private static double[][] outputs() {
        double[][] rows = new double[40][];
        for (int i = 0; i < rows.length; i++) {
            double top = 0.40 + i / 100.0;
            rows[(i * 7) % 40] = new double[] {(1 - top) / 2, top, (1 - top) / 2}; // in no particular order
        }
        return rows;
    }

    @Test
    void fivePercentOfTheValidationFacesFallBelowIt() {
        double below = TrainingService.unknownBelow(outputs(), 1.0);
        assertEquals(0.42, below, 1e-9, "2 of 40 faces (5%) below it");
    }

    @Test
    void withFewFacesNoneIsTurnedAway() {
        double[][] few = java.util.Arrays.copyOf(outputs(), 10);
        double lowest =
                java.util.Arrays.stream(few).mapToDouble(r -> r[1]).min().orElseThrow();
        assertEquals(lowest, TrainingService.unknownBelow(few, 1.0), 1e-9);
    }

    @Test
    void itIsKeptWithTheModelAndAnOlderModelHasNone() throws IOException {
        InputSpec input = new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE);
        ModelInfo fitted = new ModelInfo(List.of("a", "b", "c"), input, 1.3, ModelKind.COMPACT, null, 0.42);
        ModelInfoFile.write(dir.resolve("model.properties"), fitted);
        assertEquals(0.42, ModelInfoFile.read(dir.resolve("model.properties")).unknownBelow(), 1e-12);

        ModelInfoFile.write(dir.resolve("model.properties"), new ModelInfo(List.of("a", "b", "c"), input, 1.3));
        assertEquals(
                Double.NaN, ModelInfoFile.read(dir.resolve("model.properties")).unknownBelow());
    }
}
