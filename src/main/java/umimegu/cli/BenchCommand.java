package umimegu.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.bench.AccuracyBench;
import umimegu.bench.ChatBench;
import umimegu.bench.FaceBench;
import umimegu.bench.Figures;
import umimegu.bench.HistoryBench;
import umimegu.bench.MarginBench;
import umimegu.bench.NsfwBench;
import umimegu.bench.ProcessMemory;
import umimegu.common.CompilerWarmUp;
import umimegu.demo.SyntheticFaces;
import umimegu.model.Architecture;
import umimegu.model.InputSpec;
import umimegu.model.NetworkSpeed;
import umimegu.model.backbone.BackboneSpeed;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure training throughput, inference latency and throughput, and peak memory.",
            "Prints one name=value line per figure."
        })
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--train-batches",
            description = "Timed training batches per batch size (default: ${DEFAULT-VALUE}).")
    int trainBatches = 12;

    @Option(
            names = "--architecture",
            paramLabel = "NAME",
            description =
                    "Network of the model part: seed (the PyTorch peer's) or compact (default: the config's model.architecture).")
    String architecture;

    @Option(names = "--latency-runs", description = "Timed single-image predictions (default: ${DEFAULT-VALUE}).")
    int latencyRuns = 200;

    @Option(
            names = "--history-rows",
            description = "Rows for the history stats benchmark, 0 to skip (default: ${DEFAULT-VALUE}).")
    int historyRows = 1_000_000;

    enum Part {
        model,
        history,
        faces,
        margin,
        chat,
        accuracy,
        unknown,
        backbone,
        probe,
        finetune,
        nsfw
    }

    @Option(
            names = "--finetune-recipe",
            split = ",",
            paramLabel = "E:TOP:HEAD:L2",
            description = "With the finetune part: epochs, the top blocks' Adam rate, the head's, the top's L2 "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> finetuneRecipe = List.of("10:0.0003:0.001:0");

    @Option(
            names = "--backbone-size",
            paramLabel = "PX",
            description = "Picture side for the backbone part (default: ${DEFAULT-VALUE}).")
    int backboneSize = 224;

    @Option(
            names = "--probe-ensemble",
            description = "With the probe part: also train today's default per seed and score it and its average "
                    + "with the probe (minutes per seed).")
    boolean probeEnsemble;

    @Option(
            names = "--probe-with",
            split = ",",
            paramLabel = "EXTRA",
            description = "With the probe part: unknown-scores (candidate 'I don't know' scores, minutes), "
                    + "histogram (the features with an RGB histogram beside them).")
    Set<String> probeWith = Set.of();

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "PART",
            description = "Run only these parts: ${COMPLETION-CANDIDATES} (default: model, history, faces).")
    Set<Part> only = EnumSet.of(Part.model, Part.history, Part.faces);

    @Option(
            names = "--face-picture",
            paramLabel = "FILE",
            description = "Picture with one face, made 1000x1000 for the faces part (default: ${DEFAULT-VALUE}).")
    Path facePicture = Path.of("..", "shared", "data", "millionlive", "tokoro_megumi.png");

    @Option(
            names = "--margin-data",
            paramLabel = "DIR",
            description = "Labelled pictures for the margin part (default: ${DEFAULT-VALUE}).")
    Path marginData = Path.of("..", "shared", "data", "anime");

    @Option(
            names = "--accuracy-data",
            paramLabel = "DIR",
            description = "Labelled face crops for the accuracy and unknown parts (default: ${DEFAULT-VALUE}).")
    Path accuracyData = Path.of("..", "shared", "data", "anime8");

    @Option(
            names = "--nsfw-data",
            paramLabel = "DIR",
            description = "Pictures safe for work, searched in full, for the nsfw part (default: ${DEFAULT-VALUE}).")
    Path nsfwData = Path.of("..", "shared", "data");

    @Option(
            names = "--seeds",
            description = "Seeds per figure in the accuracy and unknown parts (default: ${DEFAULT-VALUE}).")
    int seeds = 3;

    @Option(
            names = "--first-seed",
            description = "The first seed of the accuracy and unknown parts, so runs can be spread "
                    + "over several processes (default: ${DEFAULT-VALUE}).")
    int firstSeed = 1;

    @Option(
            names = "--per-label",
            split = ",",
            paramLabel = "N",
            description = "Training pictures per label in the accuracy part, 0 for all (default: 5,10,0).")
    List<Integer> perLabel = List.of(5, 10, 0);

    @Option(
            names = "--variants",
            split = ",",
            paramLabel = "NAME",
            description =
                    "Trainings compared in the accuracy part: default, seed (the seed's recipe and network), "
                            + "seed-net, no-augment, fixed-rate, wd, compact, pretrained, ensemble (the model kinds) (default: default,seed).")
    List<String> variants = List.of("default", "seed");

    @Option(
            names = "--unknown-below",
            description = "Confidence under which the unknown part counts a face as rejected "
                    + "(default: the config's answer.unknown-below).")
    Double unknownBelow;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProcessMemory memory = new ProcessMemory();
        InputSpec input = main.config().input();
        Architecture network = architecture == null ? main.config().training().architecture() : parse(architecture);
        figure(out, "threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        if (only.contains(Part.model)) {
            NetworkSpeed speed = new NetworkSpeed(input, network);
            figure(out, "backend", speed.backend());
            figure(out, "architecture", network.configName());
            figure(out, "onednn_conv_active", String.valueOf(speed.convolutionOnOneDnn()));
            for (int batch : new int[] {32, 128}) {
                boolean phasePeak = memory.startPhase();
                NetworkSpeed.Measurement training = speed.trainingImagesPerSecond(batch, trainBatches);
                figure(out, "train_img_per_s_batch" + batch, fmt(training.value()));
                figure(
                        out,
                        "train_warmup_batch" + batch,
                        training.warmUp().rounds() + " steps; "
                                + training.warmUp().describe());
                figure(out, "train_peak_rss_mb_batch" + batch, phasePeak ? memory.phasePeakMb() : "unknown");
                figure(out, "rss_mb_after_training_batch" + batch, memory.residentMb());
            }
            double[] early = speed.singleImageLatenciesMs(latencyRuns); // after 50 calls, as the peer warms up
            figure(out, "infer_single_after50_p50_ms", fmt(percentile(early, 50)));
            figure(out, "infer_single_after50_p90_ms", fmt(percentile(early, 90)));
            CompilerWarmUp.Result warm = speed.warmUpSingleImage();
            figure(
                    out,
                    "infer_single_warmup",
                    warm.rounds() * NetworkSpeed.CALLS_PER_ROUND + " more calls; " + warm.describe());
            double[] latencies = speed.singleImageLatenciesMs(latencyRuns);
            figure(out, "infer_single_p50_ms", fmt(percentile(latencies, 50)));
            figure(out, "infer_single_p90_ms", fmt(percentile(latencies, 90)));
            NetworkSpeed.Measurement batched = speed.batchedImagesPerSecond(64);
            figure(out, "infer_batch64_img_per_s", fmt(batched.value()));
            figure(
                    out,
                    "infer_batch64_warmup",
                    batched.warmUp().rounds() + " batches; " + batched.warmUp().describe());
        }
        if (only.contains(Part.backbone)) {
            BackboneSpeed backbone = new BackboneSpeed(backboneSize);
            figure(out, "backbone", "mobilenet_v2_140");
            figure(out, "backbone_size", String.valueOf(backboneSize));
            figure(out, "backbone_cut", backbone.cut());
            double[] single = backbone.singleLatenciesMs(latencyRuns);
            figure(out, "backbone_single_p50_ms", fmt(percentile(single, 50)));
            figure(out, "backbone_single_p90_ms", fmt(percentile(single, 90)));
            figure(out, "backbone_batch16_img_per_s", fmt(backbone.batchedPerSecond(16, 20)));
        }
        if (only.contains(Part.nsfw)) {
            if (Files.isDirectory(nsfwData)) {
                NsfwBench.run(
                        nsfwData,
                        main.config().spoilers().above(),
                        main.config().decode(),
                        (name, value) -> figure(out, name, value));
            } else {
                figure(out, "nsfw", "skipped (no folder at " + nsfwData + ")");
            }
        }
        if (only.contains(Part.faces)) {
            if (Files.isRegularFile(facePicture)) {
                FaceBench.run(new Application(main.config()), facePicture, (name, value) -> figure(out, name, value));
            } else {
                figure(out, "faces_bench", "skipped (no picture at " + facePicture + ")");
            }
        }
        if (only.contains(Part.margin)) {
            MarginBench.run(main.config(), marginData, (name, value) -> figure(out, name, value));
        }
        if (only.contains(Part.chat)) {
            Application app = new Application(main.config());
            BufferedImage source = Files.isRegularFile(facePicture)
                    ? app.decoder().decode(facePicture)
                    : new SyntheticFaces(100).draw(0, new java.util.Random(1));
            ChatBench.run(main.config(), FaceBench.squareJpeg(source, 1000), (name, value) -> figure(out, name, value));
        }
        if (only.contains(Part.probe)) {
            AccuracyBench bench = accuracyBench(out, "probe");
            if (bench != null) {
                bench.probe(backboneSize, perLabel, probeEnsemble, probeWith);
            }
        }
        if (only.contains(Part.finetune)) {
            AccuracyBench bench = accuracyBench(out, "finetune");
            if (bench != null) {
                bench.finetune(backboneSize, perLabel, finetuneRecipe);
            }
        }
        if (only.contains(Part.accuracy) || only.contains(Part.unknown)) {
            if (!Files.isDirectory(accuracyData)) {
                figure(out, "accuracy_bench", "skipped (no labelled folder at " + accuracyData + ")");
            } else {
                for (String v : variants) {
                    if (!AccuracyBench.VARIANTS.containsKey(v)) {
                        throw new picocli.CommandLine.ParameterException(
                                spec.commandLine(),
                                "unknown variant " + v + "; one of " + AccuracyBench.VARIANTS.keySet());
                    }
                }
                AccuracyBench bench = new AccuracyBench(
                        main.config(), accuracyData, firstSeed, seeds, (name, value) -> figure(out, name, value));
                if (only.contains(Part.accuracy)) {
                    bench.accuracy(variants, perLabel);
                }
                if (only.contains(Part.unknown)) {
                    bench.unknown(
                            variants.get(0),
                            2,
                            unknownBelow != null
                                    ? unknownBelow
                                    : main.config().answers().unknownBelow());
                }
            }
        }
        if (historyRows > 0 && only.contains(Part.history)) {
            HistoryBench.run(historyRows, (name, value) -> figure(out, name, value));
        }
        figure(out, "allocator", NativeMemoryTuning.allocator());
        figure(out, "memory_limits", NativeMemoryTuning.memoryLimits());
        figure(out, "peak_rss_mb", memory.overallPeakMb());
        return ExitCodes.OK;
    }

    private Architecture parse(String name) {
        try {
            return Architecture.parse(name);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--architecture: " + e.getMessage());
        }
    }

    private static double percentile(double[] sorted, int p) {
        return Figures.percentile(sorted, p);
    }

    private static String fmt(double value) {
        return Figures.fmt(value);
    }

    /** The accuracy bench on {@code --accuracy-data}, or null (said as {@code PART_bench=skipped}) without that folder. */
    private AccuracyBench accuracyBench(PrintWriter out, String part) {
        if (!Files.isDirectory(accuracyData)) {
            figure(out, part + "_bench", "skipped (no labelled folder at " + accuracyData + ")");
            return null;
        }
        return new AccuracyBench(
                main.config(), accuracyData, firstSeed, seeds, (name, value) -> figure(out, name, value));
    }

    private static void figure(PrintWriter out, String name, String value) {
        out.println(name + "=" + value);
        out.flush();
    }
}
