package umimegu.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.model.engine.TrainingMemory;

/**
 * The training loop: seeded shuffles, optional augmentation, per-epoch metrics on training and
 * validation data, learning-rate drops and early stopping on validation loss, and the best epoch's
 * weights restored at the end.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private final TrainingSettings settings;
    private final TrainingPlan plan;

    public Trainer(TrainingSettings settings, TrainingPlan plan) {
        this.settings = settings;
        this.plan = plan;
    }

    /** {@code rateDrops}: the epochs after which the learning rate was cut. */
    public record Result(
            List<EpochStats> history, int bestEpoch, TrainingReport.StopReason stopReason, List<Integer> rateDrops) {}

    public Result train(
            MultiLayerNetwork network,
            Batches training,
            Batches validation,
            Augmenter augmenter,
            TrainingListener listener,
            BooleanSupplier cancelled) {
        try {
            return epochs(network, training, validation, augmenter, listener, cancelled);
        } finally {
            TrainingMemory.release();
        }
    }

    private Result epochs(
            MultiLayerNetwork network,
            Batches training,
            Batches validation,
            Augmenter augmenter,
            TrainingListener listener,
            BooleanSupplier cancelled) {
        Random random = new Random(settings.seed());
        EarlyStopping stopping = new EarlyStopping(settings.patience(), plan.minEpochs(), plan.firstCandidateEpoch());
        List<EpochStats> history = new ArrayList<>();
        LearningRateDrops drops =
                new LearningRateDrops(settings.learningRateDrops(), settings.patience(), settings.learningRate());
        List<Integer> dropEpochs = new ArrayList<>();
        INDArray bestParams = null;
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
            long start = System.nanoTime();
            List<List<Integer>> batches = training.plan(plan.batchSize(), random);
            for (int b = 0; b < batches.size(); b++) {
                if (cancelled.getAsBoolean()) {
                    throw new TrainingCancelledException();
                }
                network.fit(training.build(batches.get(b), augmenter, random));
                listener.onBatch(epoch, b + 1, batches.size());
            }
            EvaluationResult onTraining = Evaluator.evaluate(network, training, Evaluator.BATCH);
            EvaluationResult onValidation = Evaluator.evaluate(network, validation, Evaluator.BATCH);
            EpochStats stats = EpochStats.of(epoch, onTraining, onValidation, start);
            history.add(stats);
            if (stopping.record(epoch, stats.valLoss())) {
                bestParams = network.params().dup();
            }
            listener.onEpoch(stats, List.copyOf(history));
            double lowerRate = drops.next(stopping);
            if (!Double.isNaN(lowerRate)) {
                network.setLearningRate(lowerRate);
                dropEpochs.add(epoch);
                LOG.info("validation loss stalled: learning rate now {} after epoch {}", lowerRate, epoch);
            }
            if (drops.exhausted() && stopping.shouldStop()) {
                restore(network, bestParams);
                return new Result(history, stopping.bestEpoch(), TrainingReport.StopReason.EARLY_STOPPING, dropEpochs);
            }
        }
        restore(network, bestParams);
        return new Result(history, stopping.bestEpoch(), TrainingReport.StopReason.MAX_EPOCHS, dropEpochs);
    }

    private static void restore(MultiLayerNetwork network, INDArray bestParams) {
        if (bestParams != null) {
            network.setParams(bestParams);
        }
    }
}
