package umimegu.usecase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.chart.LearningCurves;
import umimegu.common.ServerPaths;
import umimegu.dataset.DatasetException;
import umimegu.history.SharedLocks;
import umimegu.model.EpochStats;
import umimegu.model.ModelTrainer;
import umimegu.model.PictureClassifier;
import umimegu.model.TrainingCancelledException;
import umimegu.model.TrainingListener;
import umimegu.model.TrainingOutcome;

/**
 * Train a model: the one way in for {@code train}, {@code !train} and the web page. One training at
 * a time in this process, and (through {@code clusterLock}) in every process sharing the history;
 * the live model switches only once the new one is saved, and a failed or cancelled training leaves
 * it as it was. Everyone watching hears every training's progress, whoever started it.
 */
public final class TrainModel {
    private static final Logger log = LoggerFactory.getLogger(TrainModel.class);
    /** The cluster-wide lock's name. */
    public static final String LOCK = "training";

    private static final long BATCH_EVENT_EVERY_NANOS = 250_000_000L;
    private static final long MAX_PAUSE_PER_BATCH_NANOS = 2_000_000_000L;

    private final ModelTrainer trainer;
    private final Function<String, PictureClassifier> loader;
    private final LiveModel live;
    private final Supplier<Optional<SharedLocks.Held>> clusterLock;
    private final AtomicReference<Run> running = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger reporting = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Consumer<TrainingEvent>> watchers = new CopyOnWriteArrayList<>();
    private final List<BooleanSupplier> answering = new CopyOnWriteArrayList<>();

    /**
     * {@code clusterLock} takes the lock that keeps other processes from training at the same time
     * (empty when another holds it); {@code loader} loads a saved model for the live model.
     */
    public TrainModel(
            ModelTrainer trainer,
            Function<String, PictureClassifier> loader,
            LiveModel live,
            Supplier<Optional<SharedLocks.Held>> clusterLock) {
        this.trainer = trainer;
        this.loader = loader;
        this.live = live;
        this.clusterLock = clusterLock;
    }

    /** How asking to start a training ended. */
    public sealed interface Start permits Started, AlreadyRunning, RunningElsewhere, Refused {}

    /** How a training that started ended. */
    public sealed interface End permits Finished, Cancelled, Failed {}

    /** How a training on the caller's thread went: it ended, or it did not start. */
    public sealed interface Outcome permits AlreadyRunning, RunningElsewhere, Refused, Finished, Cancelled, Failed {}

    /** Started in the background; the caller hears its progress and end. */
    public record Started() implements Start {}

    /** One runs in this process already; {@code progress} says how far it got. */
    public record AlreadyRunning(String progress) implements Start, Outcome {}

    /** Another process sharing the history trains now; its model will answer here too. */
    public record RunningElsewhere() implements Start, Outcome {}

    /** Cannot train now, for {@code reason} (no pictures, fewer than two labels…). */
    public record Refused(String reason) implements Start, Outcome {}

    /** Saved and answering; {@code progress} is the last epoch's line. */
    public record Finished(TrainingOutcome outcome, String progress) implements End, Outcome {}

    public record Cancelled() implements End, Outcome {}

    public record Failed(RuntimeException cause) implements End, Outcome {}

    /** What the one who started a training hears of it, beside the events every watcher gets. */
    public interface Caller {
        /** Every event of this training, {@code started} first. */
        default void onEvent(TrainingEvent event) {}

        /** The training's own listener: every batch and epoch with all their figures. */
        default TrainingListener listener() {
            return TrainingListener.NONE;
        }

        void onEnd(End end);
    }

    /** What asking to cancel did. */
    public enum Cancel {
        CANCELLING,
        NOTHING_RUNNING
    }

    private static final class Run {
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile String progress = "loading pictures";
        volatile Path directory;
        long lastBatchEvent;
        SharedLocks.Held lock;
    }

    /** Starts a training in the background, or says why not. */
    public Start start(Caller caller) {
        Run run = new Run();
        Start start = claim(run);
        if (start instanceof Started) {
            Thread worker = new Thread(() -> execute(run, caller), "training");
            worker.setDaemon(true);
            worker.start();
        }
        return start;
    }

    /** Trains on this thread (the command line): how it ended, or why it did not start. */
    public Outcome runHere(Caller caller) {
        Run run = new Run();
        Start start = claim(run);
        if (!(start instanceof Started)) {
            return (Outcome) start;
        }
        AtomicReference<End> end = new AtomicReference<>();
        execute(run, new Caller() {
            @Override
            public void onEvent(TrainingEvent event) {
                caller.onEvent(event);
            }

            @Override
            public TrainingListener listener() {
                return caller.listener();
            }

            @Override
            public void onEnd(End e) {
                end.set(e);
                caller.onEnd(e);
            }
        });
        return (Outcome) end.get();
    }

    /** Makes {@code run} the one running training, or says why it cannot start. */
    private Start claim(Run run) {
        Optional<String> refusal = trainer.refusal();
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (!running.compareAndSet(null, run)) {
            return new AlreadyRunning(running.get().progress);
        }
        Optional<SharedLocks.Held> lock;
        try {
            lock = clusterLock.get();
        } catch (RuntimeException e) {
            log.warn("Cannot take the cluster-wide training lock ({}); training in this process only", e.getMessage());
            lock = Optional.of(() -> {});
        }
        if (lock.isEmpty()) {
            running.set(null);
            return new RunningElsewhere();
        }
        run.lock = lock.get();
        return new Started();
    }

    /** Stops the running training after its current batch; the previous model keeps answering. */
    public Cancel cancel() {
        Run run = running.get();
        if (run == null) {
            return Cancel.NOTHING_RUNNING;
        }
        run.cancelled.set(true);
        return Cancel.CANCELLING;
    }

    /**
     * Whether a training runs, or has just ended and its starter is still being told (its summary
     * posted); a new one may already start then.
     */
    public boolean isRunning() {
        return running.get() != null || reporting.get() > 0;
    }

    /** Tells {@code watcher} about every training from now on, whoever started it; close to stop. */
    public AutoCloseable watch(Consumer<TrainingEvent> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /**
     * Answers come before training: after each batch the training waits while {@code busy} says
     * pictures are being answered, at most 2 s a batch so that it still moves.
     */
    public void giveWayTo(BooleanSupplier busy) {
        answering.add(busy);
    }

    /** A learning-curve picture of the running training, as far as it got; empty when none runs. */
    public Optional<Path> curve(String name) {
        Run run = running.get();
        if (run == null
                || run.directory == null
                || !List.of(LearningCurves.ACCURACY_FILE, LearningCurves.LOSS_FILE)
                        .contains(name)) {
            return Optional.empty();
        }
        Path file = run.directory.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private void tell(Caller caller, TrainingEvent event) {
        for (Consumer<TrainingEvent> w : watchers) {
            try {
                w.accept(event);
            } catch (RuntimeException e) {
                log.warn("A training watcher failed: {}", e.getMessage());
            }
        }
        try {
            caller.onEvent(event);
        } catch (RuntimeException e) {
            log.warn("The one who started the training could not be told: {}", e.getMessage());
        }
    }

    private void execute(Run run, Caller caller) {
        End end;
        int maxEpochs = trainer.maxEpochs();
        try {
            tell(caller, TrainingEvent.of("started", "Training started: loading pictures…"));
            long start = System.nanoTime();
            TrainingListener own = caller.listener();
            TrainingOutcome outcome = trainer.train(
                    new TrainingListener() {
                        @Override
                        public void onStart(Path directory, int trainingImages, int validationImages) {
                            run.directory = directory;
                            own.onStart(directory, trainingImages, validationImages);
                        }

                        @Override
                        public void onLoading(int imagesDone, int imagesTotal) {
                            own.onLoading(imagesDone, imagesTotal);
                        }

                        @Override
                        public void onBatch(int epoch, int batchesDone, int batchesInEpoch) {
                            own.onBatch(epoch, batchesDone, batchesInEpoch);
                            waitWhileAnswering();
                            long now = System.nanoTime();
                            if (now - run.lastBatchEvent > BATCH_EVENT_EVERY_NANOS || batchesDone == batchesInEpoch) {
                                run.lastBatchEvent = now;
                                tell(
                                        caller,
                                        new TrainingEvent(
                                                "batch",
                                                run.progress,
                                                epoch,
                                                maxEpochs,
                                                batchesDone,
                                                batchesInEpoch,
                                                Double.NaN,
                                                Double.NaN,
                                                null));
                            }
                        }

                        @Override
                        public void onEpoch(EpochStats stats, List<EpochStats> history) {
                            own.onEpoch(stats, history);
                            run.progress = describe(stats, history, start, maxEpochs);
                            tell(
                                    caller,
                                    new TrainingEvent(
                                            "epoch",
                                            "Training: " + run.progress,
                                            stats.epoch(),
                                            maxEpochs,
                                            0,
                                            0,
                                            stats.valLoss(),
                                            stats.valAccuracy(),
                                            null));
                        }
                    },
                    run.cancelled::get);
            live.switchTo(loader.apply(outcome.modelId()));
            var report = outcome.report();
            tell(
                    caller,
                    new TrainingEvent(
                            "done",
                            String.format(
                                    Locale.ROOT,
                                    "Training done: %d epochs run, best epoch %d (val_acc %.4f). Model %s is now answering.",
                                    report.epochsRun(),
                                    report.bestEpoch(),
                                    report.best().valAccuracy(),
                                    outcome.modelId()),
                            report.epochsRun(),
                            maxEpochs,
                            0,
                            0,
                            report.best().valLoss(),
                            report.best().valAccuracy(),
                            outcome.modelId()));
            end = new Finished(outcome, run.progress);
        } catch (TrainingCancelledException e) {
            tell(caller, TrainingEvent.of("cancelled", "Training cancelled; the previous model keeps answering."));
            end = new Cancelled();
        } catch (RuntimeException e) {
            if (e instanceof DatasetException) {
                log.debug("Training failed: {}", e.getMessage());
            } else {
                log.error("Training failed", e);
            }
            tell(
                    caller,
                    TrainingEvent.of(
                            "failed",
                            "Training failed: " + ServerPaths.hidden(e.getMessage())
                                    + ". The previous model keeps answering."));
            end = new Failed(e);
        } finally {
            reporting.incrementAndGet(); // still "running" for watchers until the starter has been told
            try {
                run.lock.close();
            } finally {
                running.set(null);
            }
        }
        try {
            caller.onEnd(end);
        } catch (RuntimeException e) {
            log.warn("The one who started the training could not be told how it ended: {}", e.getMessage());
        } finally {
            reporting.decrementAndGet();
        }
    }

    private void waitWhileAnswering() {
        long deadline = System.nanoTime() + MAX_PAUSE_PER_BATCH_NANOS;
        while (answering.stream().anyMatch(BooleanSupplier::getAsBoolean) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String describe(EpochStats stats, List<EpochStats> history, long startNanos, int max) {
        double perEpoch = (System.nanoTime() - startNanos) / 1e9 / history.size();
        long left = Math.round(perEpoch * (max - stats.epoch()));
        return String.format(
                Locale.ROOT,
                "epoch %d/%d, val_loss %.4f, val_acc %.4f, at most %d s left",
                stats.epoch(),
                max,
                stats.valLoss(),
                stats.valAccuracy(),
                left);
    }
}
