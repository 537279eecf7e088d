package umimegu.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.model.InputSpec;
import umimegu.model.ModelInfo;
import umimegu.model.ModelInfoFile;
import umimegu.model.ModelStore;
import umimegu.model.ModelStoreException;
import umimegu.model.PictureClassifier;
import umimegu.teaching.Judgements;

/**
 * {@link ChooseModel} and {@link FollowCurrentModel} on a model folder of empty stand-in networks
 * and a loader that fakes loading: which model answers, switching, rolling back, and refusing a
 * model that does not load.
 */
class ModelChoiceTest {
    @TempDir
    Path dir;

    private ModelStore store;
    private final Fakes.Feedback feedback = new Fakes.Feedback();
    private HistorySession history;
    private final Set<String> broken = new java.util.HashSet<>();
    private final Function<String, PictureClassifier> loader = id -> {
        if (broken.contains(id)) {
            throw new ModelStoreException("cannot load model " + id);
        }
        return new Fakes.Model(id);
    };

    @BeforeEach
    void models() throws Exception {
        store = new ModelStore(dir);
        for (String id : List.of("m1", "m2", "m3")) {
            Path model = Files.createDirectories(dir.resolve(id));
            Files.writeString(model.resolve(ModelStore.NETWORK_FILE), "stand-in");
            ModelInfoFile.write(
                    model.resolve(ModelInfoFile.NAME),
                    new ModelInfo(List.of("megumi", "umi"), new InputSpec(32, 32, InputSpec.Scaling.ZERO_ONE), 1.0));
        }
        store.makeCurrent("m1");
        history = Fakes.session(new Fakes.History(), feedback, new Fakes.Locks(), null);
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void aSwitchChangesTheAnsweringModelAndRollingBackWalksBackOneAtATime() {
        LiveModel live = new LiveModel(new Fakes.Model("m1"));
        ChooseModel choose = new ChooseModel(store, loader, live, history);
        choose.use("m2");
        choose.use("m3");
        assertEquals("m3", live.get().modelId());
        assertEquals("m3", store.currentId());
        assertEquals(Optional.of("m2"), choose.rollBack());
        assertEquals("m2", live.get().modelId());
        assertEquals(Optional.of("m1"), choose.rollBack());
        assertEquals("m1", store.currentId());
        assertEquals(Optional.empty(), choose.rollBack(), "nothing before the first");
        assertEquals("m1", live.get().modelId());
    }

    @Test
    void aModelThatDoesNotLoadNeverAnswers() {
        LiveModel live = new LiveModel(new Fakes.Model("m1"));
        ChooseModel choose = new ChooseModel(store, loader, live, history);
        broken.add("m2");
        assertThrows(ModelStoreException.class, () -> choose.use("m2"));
        assertEquals("m1", store.currentId());
        assertEquals("m1", live.get().modelId());
        assertThrows(ModelStoreException.class, () -> choose.use("nope"));
        assertEquals("m1", store.currentId());
    }

    @Test
    void theListSaysWhichAnswersAndWhatUsersJudged() {
        feedback.verdicts.put("m2", new Judgements.Verdicts(4, 3));
        LiveModel live = new LiveModel(new Fakes.Model("m1"));
        List<ChooseModel.Row> rows = new ChooseModel(store, loader, live, history).newest(5);
        assertEquals(3, rows.size());
        ChooseModel.Row m1 = rows.stream()
                .filter(r -> r.model().id().equals("m1"))
                .findFirst()
                .orElseThrow();
        ChooseModel.Row m2 = rows.stream()
                .filter(r -> r.model().id().equals("m2"))
                .findFirst()
                .orElseThrow();
        assertTrue(m1.current());
        assertEquals(List.of(4L, 3L), List.of(m2.judged(), m2.judgedRight()));
        assertEquals(List.of(0L, 0L), List.of(m1.judged(), m1.judgedRight()));
        assertEquals(
                Optional.empty(),
                new ChooseModel(store, loader, live, history).picture("m1", "network.zip"),
                "only the model's pictures are shown");
        assertEquals(Optional.empty(), new ChooseModel(store, loader, live, history).picture("../m1", "loss.png"));
    }

    @Test
    void anotherProcessesSwitchIsFollowedAndABrokenModelIsLeftOut() {
        LiveModel live = new LiveModel(new Fakes.Model("m1"));
        FollowCurrentModel follow = new FollowCurrentModel(store.pointer(), loader, live);
        assertNull(follow.check(), "nothing changed");
        store.makeCurrent("m2");
        assertEquals("m2", follow.check());
        assertEquals("m2", live.get().modelId());
        broken.add("m3");
        store.makeCurrent("m3");
        assertNull(follow.check());
        assertEquals("m2", live.get().modelId(), "the old model keeps answering");
        follow.close();
    }
}
