package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRemembersTheBest() {
        EarlyStopping stopping = new EarlyStopping(2);
        assertTrue(stopping.record(1, 0.9));
        assertTrue(stopping.record(2, 0.5));
        assertFalse(stopping.record(3, 0.6));
        assertFalse(stopping.shouldStop());
        assertFalse(stopping.record(4, 0.5)); // equal is no improvement
        assertTrue(stopping.shouldStop());
        assertEquals(2, stopping.bestEpoch());
    }

    @Test
    void improvementResetsPatience() {
        EarlyStopping stopping = new EarlyStopping(2);
        stopping.record(1, 0.9);
        stopping.record(2, 1.0);
        stopping.record(3, 0.8);
        stopping.record(4, 0.85);
        assertFalse(stopping.shouldStop());
        assertEquals(3, stopping.bestEpoch());
    }

    @Test
    void neverStopsBeforeTheMinimumAndNeverKeepsAnEpochBeforeTheFirstCandidate() {
        EarlyStopping stopping = new EarlyStopping(2, 6, 3);
        assertFalse(stopping.record(1, 0.1)); // lowest by chance, too early to keep
        assertFalse(stopping.record(2, 0.9));
        assertTrue(stopping.record(3, 0.5));
        stopping.record(4, 0.6);
        stopping.record(5, 0.7);
        assertFalse(stopping.shouldStop(), "patience ran out, but the minimum is 6 epochs");
        stopping.record(6, 0.8);
        assertTrue(stopping.shouldStop());
        assertEquals(3, stopping.bestEpoch());
    }
}
