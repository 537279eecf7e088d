package umimegu.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.common.ProcessIdentity;

/** Unfinished model folders of a killed training go at the next start or training; a live one's stay. */
class AbandonedDraftsTest {
    @TempDir
    Path models;

    private Path draft(String name, String owner) throws Exception {
        Path partial = Files.createDirectories(models.resolve(name + ".partial"));
        Files.writeString(partial.resolve("history.csv"), "epoch\n");
        if (owner != null) {
            Files.writeString(partial.resolve(".owner"), owner);
        }
        return partial;
    }

    @Test
    void aKilledTrainingsDraftIsRemovedAtOnceAndALiveOnesIsKept() throws Exception {
        // this process's id with another start time: the process that wrote it is gone
        Path killed = draft(
                "20261206-010101-001", ManagementFactory.getRuntimeMXBean().getName() + "/1");
        Path live = draft("20261206-010101-002", ProcessIdentity.current());
        Path older = draft("20261206-010101-003", null); // no owner written: judged by its age
        new ModelStore(models).removeAbandonedDrafts();
        assertFalse(Files.exists(killed), "the killed training's draft is gone");
        assertTrue(Files.exists(live), "a running training's draft stays");
        assertTrue(Files.exists(older), "a fresh draft of unknown owner stays");
    }

    @Test
    void aNewTrainingClearsWhatAKilledOneLeft() throws Exception {
        Path killed = draft(
                "20261206-010101-001", ManagementFactory.getRuntimeMXBean().getName() + "/1");
        ModelStore.Draft next = new ModelStore(models).begin();
        assertFalse(Files.exists(killed));
        assertTrue(Files.isDirectory(next.directory()));
        next.abandon();
    }
}
