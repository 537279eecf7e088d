package umimegu.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import umimegu.model.EpochStats;
import umimegu.model.ModelTrainer;
import umimegu.model.TrainingCancelledException;
import umimegu.model.TrainingListener;
import umimegu.model.TrainingOutcome;

/** {@link TrainModel} against a trainer that does what each test tells it, a fake model and in-memory locks. */
@Timeout(30)
class TrainModelTest {
    @TempDir
    Path dir;

    private final Fakes.Locks locks = new Fakes.Locks();
    private final LiveModel live = new LiveModel(new Fakes.Model("old"));
    private final List<TrainingEvent> watched = new CopyOnWriteArrayList<>();

    /** Trains one epoch, then waits until {@link #finish} (or a cancellation), then saves model {@code new}. */
    private final class Trainer implements ModelTrainer {
        final CountDownLatch epochDone = new CountDownLatch(1);
        final CountDownLatch finish = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();
        volatile RuntimeException failure;
        volatile String refusal;
        volatile int batches = 1;

        @Override
        public int maxEpochs() {
            return 2;
        }

        @Override
        public Optional<String> refusal() {
            return Optional.ofNullable(refusal);
        }

        @Override
        public TrainingOutcome train(TrainingListener listener, BooleanSupplier cancelled) {
            runs.incrementAndGet();
            listener.onStart(dir, 8, 2);
            for (int b = 1; b <= batches; b++) {
                listener.onBatch(1, b, batches);
            }
            EpochStats epoch = new EpochStats(1, 0.9, 0.5, 0.8, 0.6, 1.0);
            listener.onEpoch(epoch, List.of(epoch));
            epochDone.countDown();
            try {
                while (!finish.await(10, TimeUnit.MILLISECONDS)) {
                    if (cancelled.getAsBoolean()) {
                        throw new TrainingCancelledException();
                    }
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failure != null) {
                throw failure;
            }
            return Fakes.outcome("new", dir);
        }
    }

    private final Trainer trainer = new Trainer();
    private final TrainModel training =
            new TrainModel(trainer, Fakes.Model::new, live, () -> locks.tryLock(TrainModel.LOCK));

    /** The one who started a training: its events and how it ended. */
    private static final class Starter implements TrainModel.Caller {
        final List<String> kinds = new CopyOnWriteArrayList<>();
        final CompletableFuture<TrainModel.End> end = new CompletableFuture<>();

        @Override
        public void onEvent(TrainingEvent event) {
            kinds.add(event.kind());
        }

        @Override
        public void onEnd(TrainModel.End e) {
            end.complete(e);
        }
    }

    /** Whether the training is over within a few seconds (its starter is told first). */
    private boolean stopsRunning() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (training.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return !training.isRunning();
    }

    @Test
    void oneTrainingAtATimeAndTheLiveModelSwitchesOnlyOnceTheNewOneIsSaved() throws Exception {
        training.watch(watched::add);
        Starter starter = new Starter();
        assertInstanceOf(TrainModel.Started.class, training.start(starter));
        assertTrue(trainer.epochDone.await(10, TimeUnit.SECONDS));
        assertTrue(training.isRunning());
        assertEquals("old", live.get().modelId(), "the old model answers while the new one trains");

        TrainModel.Start second = training.start(new Starter());
        TrainModel.AlreadyRunning running = assertInstanceOf(TrainModel.AlreadyRunning.class, second);
        assertTrue(running.progress().startsWith("epoch 1/2, val_loss 0.8000, val_acc 0.6000"), running.progress());
        assertEquals(1, trainer.runs.get());

        trainer.finish.countDown();
        TrainModel.Finished finished =
                assertInstanceOf(TrainModel.Finished.class, starter.end.get(10, TimeUnit.SECONDS));
        assertEquals("new", finished.outcome().modelId());
        assertEquals("new", live.get().modelId());
        assertTrue(stopsRunning(), "the training ends");
        assertTrue(locks.held.isEmpty(), "the cluster lock is given back");
        assertEquals(List.of("started", "batch", "epoch", "done"), starter.kinds);
        assertEquals(
                starter.kinds,
                watched.stream().map(TrainingEvent::kind).toList(),
                "watchers hear what the starter hears");
        assertEquals("new", watched.get(watched.size() - 1).modelId());
    }

    @Test
    void aTrainingInAnotherProcessIsToldAndNothingRuns() {
        locks.holdElsewhere(TrainModel.LOCK);
        assertInstanceOf(TrainModel.RunningElsewhere.class, training.start(new Starter()));
        assertFalse(training.isRunning());
        assertEquals(0, trainer.runs.get());
    }

    @Test
    void picturesThatCannotTrainAreRefusedWithTheReasonBeforeAnythingRuns() {
        trainer.refusal = "images must hold at least 2 label folders";
        TrainModel.Refused refused = assertInstanceOf(TrainModel.Refused.class, training.start(new Starter()));
        assertEquals("images must hold at least 2 label folders", refused.reason());
        assertInstanceOf(TrainModel.Refused.class, training.runHere(new Starter()));
        assertEquals(0, trainer.runs.get());
        assertTrue(locks.held.isEmpty());
    }

    @Test
    void aCancelledTrainingKeepsTheOldModelAndFreesTheWayForTheNext() throws Exception {
        assertEquals(TrainModel.Cancel.NOTHING_RUNNING, training.cancel());
        Starter starter = new Starter();
        training.start(starter);
        assertTrue(trainer.epochDone.await(10, TimeUnit.SECONDS));
        assertEquals(TrainModel.Cancel.CANCELLING, training.cancel());
        assertInstanceOf(TrainModel.Cancelled.class, starter.end.get(10, TimeUnit.SECONDS));
        assertEquals("old", live.get().modelId());
        assertTrue(stopsRunning(), "the training ends");
        assertTrue(locks.held.isEmpty());
        assertEquals("cancelled", starter.kinds.get(starter.kinds.size() - 1));
    }

    @Test
    void aFailedTrainingSaysWhyAndKeepsTheOldModel() throws Exception {
        trainer.failure = new IllegalStateException("disk full");
        trainer.finish.countDown();
        Starter starter = new Starter();
        training.start(starter);
        TrainModel.Failed failed = assertInstanceOf(TrainModel.Failed.class, starter.end.get(10, TimeUnit.SECONDS));
        assertEquals("disk full", failed.cause().getMessage());
        assertEquals("old", live.get().modelId());
        assertTrue(locks.held.isEmpty());
        assertInstanceOf(TrainModel.Started.class, training.start(new Starter()), "the next one may start");
    }

    @Test
    void onTheCallersThreadItReturnsHowItEnded() {
        trainer.finish.countDown();
        TrainModel.Outcome outcome = training.runHere(new Starter());
        assertEquals(
                "new",
                assertInstanceOf(TrainModel.Finished.class, outcome).outcome().modelId());
        assertEquals("new", live.get().modelId());
    }

    @Test
    void batchesWaitWhileAnswersAreBeingGiven() throws Exception {
        AtomicBoolean answering = new AtomicBoolean(true);
        AtomicInteger asked = new AtomicInteger();
        training.giveWayTo(() -> {
            asked.incrementAndGet();
            return answering.get();
        });
        trainer.batches = 2;
        training.start(new Starter());
        Thread.sleep(300);
        assertEquals(1, trainer.epochDone.getCount(), "no epoch while answers are waiting");
        assertTrue(asked.get() > 1);
        answering.set(false);
        assertTrue(trainer.epochDone.await(10, TimeUnit.SECONDS));
        trainer.finish.countDown();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (training.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("new", live.get().modelId());
    }
}
