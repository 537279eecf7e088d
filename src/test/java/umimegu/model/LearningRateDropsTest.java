package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateDropsTest {

    @Test
    void cutsTheRateToAFifthAfterHalfThePatienceAndStopsOnlyAfterTheLastCut() {
        EarlyStopping stopping = new EarlyStopping(4);
        LearningRateDrops drops = new LearningRateDrops(2, 4, 1e-3);
        int epoch = 0;
        stopping.record(++epoch, 1.0);
        assertTrue(Double.isNaN(drops.next(stopping)));
        stopping.record(++epoch, 1.1);
        assertTrue(Double.isNaN(drops.next(stopping)), "one stalled epoch of the two that half the patience needs");
        stopping.record(++epoch, 1.2);
        assertEquals(2e-4, drops.next(stopping), 1e-12);
        assertFalse(drops.exhausted());

        stopping.record(++epoch, 0.9); // the lower rate helped
        stopping.record(++epoch, 0.95);
        assertTrue(Double.isNaN(drops.next(stopping)));
        stopping.record(++epoch, 0.95);
        assertEquals(4e-5, drops.next(stopping), 1e-12);
        assertTrue(drops.exhausted());

        for (int i = 0; i < 3; i++) {
            stopping.record(++epoch, 1.0);
            assertTrue(Double.isNaN(drops.next(stopping)), "no third cut");
            assertFalse(stopping.shouldStop(), "patience counts again from the last cut");
        }
        stopping.record(++epoch, 1.0);
        assertTrue(stopping.shouldStop());
        assertEquals(4, stopping.bestEpoch());
    }

    @Test
    void noDropsLeavesTheRateAndEarlyStoppingAlone() {
        EarlyStopping stopping = new EarlyStopping(2);
        LearningRateDrops drops = new LearningRateDrops(0, 2, 1e-3);
        stopping.record(1, 1.0);
        stopping.record(2, 1.1);
        stopping.record(3, 1.2);
        assertTrue(Double.isNaN(drops.next(stopping)));
        assertTrue(drops.exhausted());
        assertTrue(stopping.shouldStop());
    }
}
