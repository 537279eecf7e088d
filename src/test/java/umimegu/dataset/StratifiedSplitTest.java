package umimegu.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
    record Item(int id, int label) {}

    private static List<Item> items(int... perLabel) {
        List<Item> items = new ArrayList<>();
        int id = 0;
        for (int label = 0; label < perLabel.length; label++) {
            for (int i = 0; i < perLabel[label]; i++) {
                items.add(new Item(id++, label));
            }
        }
        return items;
    }

    @Test
    void keepsEveryItemAndSplitsEachLabelByTheFraction() {
        List<Item> items = items(100, 30, 7);
        var split = StratifiedSplit.split(items, Item::label, 3, 0.2, 42);

        var all = new HashSet<>(split.training());
        all.addAll(split.validation());
        assertEquals(new HashSet<>(items), all);
        assertEquals(items.size(), split.training().size() + split.validation().size());
        assertEquals(20, split.validation().stream().filter(i -> i.label() == 0).count());
        assertEquals(6, split.validation().stream().filter(i -> i.label() == 1).count());
        assertEquals(1, split.validation().stream().filter(i -> i.label() == 2).count());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        List<Item> items = items(50, 50);
        var a = StratifiedSplit.split(items, Item::label, 2, 0.2, 1);
        var b = StratifiedSplit.split(items, Item::label, 2, 0.2, 1);
        var c = StratifiedSplit.split(items, Item::label, 2, 0.2, 2);
        assertEquals(a.validation(), b.validation());
        assertNotEquals(new HashSet<>(a.validation()), new HashSet<>(c.validation()));
    }

    @Test
    void aLabelWithOneItemStaysInTraining() {
        var split = StratifiedSplit.split(items(10, 1), Item::label, 2, 0.2, 3);
        assertEquals(1, split.training().stream().filter(i -> i.label() == 1).count());
    }
}
