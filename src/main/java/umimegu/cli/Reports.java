package umimegu.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import umimegu.chart.LearningCurves;
import umimegu.model.EpochStats;
import umimegu.model.EvaluationResult;
import umimegu.model.TrainingOutcome;
import umimegu.report.TestText;

/** Text renderings of training and test results for the terminal. */
final class Reports {
    /** A folder of 10,000 broken files must not print 10,000 lines. */
    static final int SKIPPED_SHOWN = 10;

    private Reports() {}

    static void printTraining(PrintWriter out, TrainingOutcome outcome) {
        var report = outcome.report();
        EpochStats best = report.best();
        out.printf(
                Locale.ROOT,
                "Stopped after %d epochs (%s). Best epoch: %d (val_loss %.4f, val_acc %.4f), its weights are kept.%n",
                report.epochsRun(),
                report.stopReason() == umimegu.model.TrainingReport.StopReason.EARLY_STOPPING
                        ? "early stopping"
                        : "epoch limit",
                report.bestEpoch(),
                best.valLoss(),
                best.valAccuracy());
        if (!report.skippedFiles().isEmpty()) {
            out.printf("Skipped %d unreadable file(s):%n", report.skippedFiles().size());
            report.skippedFiles().stream().limit(SKIPPED_SHOWN).forEach(s -> out.println("  " + s));
            if (report.skippedFiles().size() > SKIPPED_SHOWN) {
                out.printf("  … and %d more%n", report.skippedFiles().size() - SKIPPED_SHOWN);
            }
        }
        out.printf(
                Locale.ROOT,
                "Batches of %d, at least %d epochs, %d warm-up steps%s. Calibration: temperature %.3f, "
                        + "validation ECE %.4f (%.4f before)%n",
                report.plan().batchSize(),
                report.plan().minEpochs(),
                report.plan().warmupSteps(),
                report.rateDrops().isEmpty()
                        ? ""
                        : ", learning rate cut to a fifth after epoch "
                                + report.rateDrops().stream()
                                        .map(String::valueOf)
                                        .collect(java.util.stream.Collectors.joining(", ")),
                report.temperature(),
                report.validationEce(),
                report.validationEceBefore());
        report.hints().forEach(h -> out.println("Hint: " + h));
        outcome.test().ifPresent(t -> printTestLine(out, t));
        out.println("Model: " + outcome.modelDirectory() + " (now current)");
        out.println("Curves: " + outcome.modelDirectory().resolve(LearningCurves.ACCURACY_FILE) + ", "
                + outcome.modelDirectory().resolve(LearningCurves.LOSS_FILE));
    }

    static void printTestLine(PrintWriter out, EvaluationResult result) {
        out.println(TestText.seedLine(result));
    }

    static void printEvaluation(PrintWriter out, EvaluationResult result, double temperature, double unsureBelow) {
        printTestLine(out, result);
        TestText.calibration(result, temperature, unsureBelow).forEach(out::println);
        List<String> labels = result.labels();
        int width = Math.max(9, labels.stream().mapToInt(String::length).max().orElse(0) + 1);
        out.println();
        out.println("Confusion matrix (rows: actual, columns: predicted)");
        out.print(pad("", width));
        labels.forEach(l -> out.print(pad(l, width)));
        out.println();
        for (int a = 0; a < labels.size(); a++) {
            out.print(pad(labels.get(a), width));
            for (int p = 0; p < labels.size(); p++) {
                out.print(pad(String.valueOf(result.confusion()[a][p]), width));
            }
            out.println();
        }
        out.println();
        out.println(pad("label", width) + pad("precision", 11) + pad("recall", 11) + pad("f1", 11));
        for (int i = 0; i < labels.size(); i++) {
            out.println(pad(labels.get(i), width)
                    + pad(String.format(Locale.ROOT, "%.4f", result.precision(i)), 11)
                    + pad(String.format(Locale.ROOT, "%.4f", result.recall(i)), 11)
                    + pad(String.format(Locale.ROOT, "%.4f", result.f1(i)), 11));
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
