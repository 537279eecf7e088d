package umimegu.chat;

import umimegu.usecase.LiveModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import umimegu.chart.LearningCurves;
import umimegu.history.SharedLocks;
import umimegu.model.PictureClassifier;
import umimegu.model.EpochStats;
import umimegu.model.TrainingCancelledException;
import umimegu.model.TrainingListener;
import umimegu.model.TrainingOutcome;
import umimegu.model.TrainingService;

/**
 * One training at a time, in the background: a progress message edited after every epoch, the
 * curves and a summary at the end, and the live model switched only once the new one is saved.
 * A failed or cancelled run says so and leaves the live model as it was.
 */
final class TrainingJob {
    private static final Logger log = LoggerFactory.getLogger(TrainingJob.class);

    private final TrainingService training;
    private final Function<String, PictureClassifier> loader;
    private final LiveModel live;
    private final Runnable giveWay;
    private final String prefix;
    private final AtomicReference<Run> running = new AtomicReference<>();
    private final List<Consumer<TrainingEvent>> watchers = new CopyOnWriteArrayList<>();
    private static final long BATCH_EVENT_EVERY_NANOS = 250_000_000L;
    private final Supplier<Optional<SharedLocks.Held>> clusterLock;
    static final String LOCK = "training";

    /**
     * {@code giveWay} runs after every batch: it may pause the training while people wait for
     * answers. {@code clusterLock} takes the lock that keeps other bot processes (shards) from
     * training at the same time.
     */
    TrainingJob(TrainingService training, Function<String, PictureClassifier> loader, LiveModel live, Runnable giveWay,
                String prefix, Supplier<Optional<SharedLocks.Held>> clusterLock) {
        this.clusterLock = clusterLock;
        this.training = training;
        this.loader = loader;
        this.live = live;
        this.giveWay = giveWay;
        this.prefix = prefix;
    }

    private static final class Run {
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile String progress = "loading pictures";
        volatile Path directory;
        long lastBatchEvent;
        SharedLocks.Held lock;
    }

    /** Tells {@code watcher} about every training from now on, whoever started it; close to stop. */
    AutoCloseable watch(Consumer<TrainingEvent> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** A learning-curve picture of the running training, as far as it got; empty when none runs. */
    Optional<Path> curve(String name) {
        Run run = running.get();
        if (run == null || run.directory == null || !List.of(LearningCurves.ACCURACY_FILE, LearningCurves.LOSS_FILE).contains(name)) {
            return Optional.empty();
        }
        Path file = run.directory.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private void tell(TrainingEvent event) {
        for (Consumer<TrainingEvent> w : watchers) {
            try {
                w.accept(event);
            } catch (RuntimeException e) {
                log.warn("A training watcher failed: {}", e.getMessage());
            }
        }
    }

    /** Starts a run, or returns the running one's progress (single flight). */
    String startOrDescribe(Conversation conversation) {
        Run run = new Run();
        if (!running.compareAndSet(null, run)) {
            return "A training is already running: " + running.get().progress + ". `" + prefix + "train cancel` stops it.";
        }
        Optional<SharedLocks.Held> lock;
        try {
            lock = clusterLock.get();
        } catch (RuntimeException e) {
            log.warn("Cannot take the cluster-wide training lock ({}); training in this process only", e.getMessage());
            lock = Optional.of(() -> { });
        }
        if (lock.isEmpty()) {
            running.set(null);
            return "A training is already running in another bot process; its model will answer here too when it is done.";
        }
        run.lock = lock.get();
        Thread worker = new Thread(() -> execute(run, conversation), "training");
        worker.setDaemon(true);
        worker.start();
        return null;
    }

    String cancel() {
        Run run = running.get();
        if (run == null) {
            return "No training is running.";
        }
        run.cancelled.set(true);
        return "Cancelling the training after the current batch…";
    }

    boolean isRunning() {
        return running.get() != null;
    }

    private void execute(Run run, Conversation conversation) {
        try {
            tell(TrainingEvent.of("started", "Training started: loading pictures…"));
            Conversation.SentReply progress = conversation.send(Reply.text("Training started: loading pictures…")).join();
            long start = System.nanoTime();
            int maxEpochs = training.maxEpochs();
            TrainingOutcome outcome = training.train(new TrainingListener() {
                @Override
                public void onStart(Path directory, int trainingImages, int validationImages) {
                    run.directory = directory;
                }

                @Override
                public void onBatch(int epoch, int batchesDone, int batchesInEpoch) {
                    giveWay.run();
                    long now = System.nanoTime();
                    if (!watchers.isEmpty() && (now - run.lastBatchEvent > BATCH_EVENT_EVERY_NANOS || batchesDone == batchesInEpoch)) {
                        run.lastBatchEvent = now;
                        tell(new TrainingEvent("batch", run.progress, epoch, maxEpochs, batchesDone, batchesInEpoch,
                                Double.NaN, Double.NaN, null));
                    }
                }

                @Override
                public void onEpoch(EpochStats stats, List<EpochStats> history) {
                    run.progress = describe(stats, history, start);
                    tell(new TrainingEvent("epoch", "Training: " + run.progress, stats.epoch(), maxEpochs, 0, 0,
                            stats.valLoss(), stats.valAccuracy(), null));
                    progress.edit("Training: " + run.progress).exceptionally(e -> {
                        log.warn("Could not edit the progress message: {}", e.getMessage());
                        return null;
                    });
                }
            }, run.cancelled::get);
            live.switchTo(loader.apply(outcome.modelId()));
            String summary = summary(outcome);
            tell(new TrainingEvent("done", summary, outcome.report().epochsRun(), maxEpochs, 0, 0, outcome.report().best().valLoss(),
                    outcome.report().best().valAccuracy(), outcome.modelId()));
            progress.edit("Training finished: " + run.progress).exceptionally(TrainingJob::notSent);
            conversation.send(new Reply(summary, curves(outcome.modelDirectory()))).exceptionally(TrainingJob::notSent);
        } catch (TrainingCancelledException e) {
            tell(TrainingEvent.of("cancelled", "Training cancelled; the previous model keeps answering."));
            conversation.send(Reply.text("Training cancelled; the previous model keeps answering."))
                    .exceptionally(TrainingJob::notSent);
        } catch (RuntimeException e) {
            log.error("Training failed", e);
            String text = "Training failed: " + e.getMessage() + ". The previous model keeps answering.";
            tell(TrainingEvent.of("failed", text));
            conversation.send(Reply.text(text)).exceptionally(TrainingJob::notSent);
        } finally {
            try {
                run.lock.close();
            } finally {
                running.set(null);
            }
        }
    }

    private static <T> T notSent(Throwable e) {
        log.error("Could not send a training message: {}", e.getMessage());
        return null;
    }

    private String describe(EpochStats stats, List<EpochStats> history, long startNanos) {
        int max = training.maxEpochs();
        double perEpoch = (System.nanoTime() - startNanos) / 1e9 / history.size();
        long left = Math.round(perEpoch * (max - stats.epoch()));
        return String.format(Locale.ROOT, "epoch %d/%d, val_loss %.4f, val_acc %.4f, at most %d s left",
                stats.epoch(), max, stats.valLoss(), stats.valAccuracy(), left);
    }

    static String summary(TrainingOutcome outcome) {
        var report = outcome.report();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Training done: %d epochs run, best epoch %d (val_acc %.4f). Model %s is now answering.",
                report.epochsRun(), report.bestEpoch(), report.best().valAccuracy(), outcome.modelId()));
        outcome.test().ifPresent(t -> s.append("\n").append(TestText.seedLine(t)));
        report.hints().forEach(h -> s.append("\n• ").append(h));
        return s.toString();
    }

    private static List<Reply.OutgoingFile> curves(Path modelDirectory) {
        List<Reply.OutgoingFile> files = new ArrayList<>();
        for (String name : List.of(LearningCurves.ACCURACY_FILE, LearningCurves.LOSS_FILE)) {
            try {
                files.add(new Reply.OutgoingFile(name, Files.readAllBytes(modelDirectory.resolve(name))));
            } catch (java.io.IOException e) {
                log.warn("Learning curve {} missing: {}", name, e.getMessage());
            }
        }
        return files;
    }
}
