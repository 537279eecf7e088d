package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import umimegu.config.ConfigLoader;

class TrainingPlanTest {
    private final TrainingSettings defaults =
            ConfigLoader.parse(ConfigLoader.defaults()).training();

    @Test
    void aSmallSetStillTakesSeveralStepsPerEpochAndEnoughStepsBeforeStopping() {
        TrainingPlan plan = TrainingPlan.of(defaults, 51); // the 63 shared anime crops less validation
        assertEquals(8, plan.batchSize());
        assertEquals(7, plan.stepsPerEpoch());
        assertTrue(plan.minEpochs() * plan.stepsPerEpoch() >= TrainingPlan.MIN_STEPS, plan.toString());
        assertTrue(plan.warmupSteps() >= 10 && plan.warmupSteps() <= 100, plan.toString());
    }

    @Test
    void aLargeSetUsesBatchesOf32AndTheTenEpochFloor() {
        TrainingPlan plan = TrainingPlan.of(defaults, 8_600);
        assertEquals(32, plan.batchSize());
        assertEquals(10, plan.minEpochs());
        assertEquals(100, plan.warmupSteps());
    }

    @Test
    void explicitSettingsWinAndTheMinimumNeverExceedsTheLimit() {
        TrainingPlan seed = TrainingPlan.of(defaults.asSeedRecipe(), 51);
        assertEquals(128, seed.batchSize());
        assertEquals(1, seed.stepsPerEpoch());
        assertEquals(0, seed.minEpochs());
        assertEquals(0, seed.warmupSteps());
        assertEquals(3, TrainingPlan.of(defaults.withMaxEpochs(3), 51).minEpochs());
    }

    @Test
    void adviceNamesLabelsWithFewPicturesAndTheWorstConfusion() {
        List<LabelAdvice> advice = LabelAdvice.of(
                List.of("megumi", "umi", "yuriko"), new int[] {40, 6, 30}, new int[] {10, 2, 8}, new int[][] {
                    {9, 1, 0}, {0, 2, 0}, {3, 0, 5}
                });
        assertEquals(
                List.of(
                        "umi has 8 pictures; 20+ would help",
                        "yuriko was taken for megumi 3 times in validation",
                        "megumi was taken for umi 1 time in validation"),
                LabelAdvice.hints(advice));
    }
}
