package umimegu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import umimegu.history.AsyncHistoryRecorder;
import umimegu.history.HistorySettings;
import umimegu.history.HistoryStore;
import umimegu.history.PredictionRecord;
import umimegu.history.StatsQuery;
import umimegu.history.jdbc.JdbcHistoryStore;

/** History figures for bench: single-record insert throughput, and stats query time over many rows. */
public final class HistoryBench {
    private static final int SINGLE_COMMITS = 1_000;
    private static final int TIMED_INSERTS = 20_000;
    private static final int WRITER_THREADS = 8;
    private static final int FILL_BATCH = 2_000;

    private HistoryBench() {}

    public static void run(int rows, BiConsumer<String, String> figure) throws IOException {
        Path dir = Files.createTempDirectory("umimegu-bench-history");
        try (HistoryStore store = JdbcHistoryStore.open(
                new HistorySettings("jdbc:h2:" + dir.resolve("bench").toAbsolutePath(), "sa", ""))) {
            Instant start = Instant.now().minus(30, ChronoUnit.DAYS);
            long t0 = System.nanoTime();
            for (int i = 0; i < SINGLE_COMMITS; i++) {
                store.save(List.of(record(start, i)));
            }
            figure.accept(
                    "history_insert_one_per_commit_per_s",
                    Figures.fmt(SINGLE_COMMITS / ((System.nanoTime() - t0) / 1e9)));
            figure.accept("history_insert_records_per_s", Figures.fmt(throughRecorder(store, start)));
            for (int done = SINGLE_COMMITS + TIMED_INSERTS; done < rows; done += FILL_BATCH) {
                List<PredictionRecord> batch = new ArrayList<>(FILL_BATCH);
                for (int i = done; i < Math.min(rows, done + FILL_BATCH); i++) {
                    batch.add(record(start, i));
                }
                store.save(batch);
            }
            figure.accept("history_rows", String.valueOf(rows));
            figure.accept("history_stats_all_ms", Figures.fmt(medianMillis(store, StatsQuery.all())));
            figure.accept(
                    "history_stats_user_7d_ms",
                    Figures.fmt(medianMillis(
                            store,
                            new StatsQuery(Instant.now().minus(7, ChronoUnit.DAYS), null, "user17", null, null, 10))));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * The product's write path: {@value #WRITER_THREADS} threads record single predictions as
     * answers would, and the time runs until close() has made every one of them durable.
     */
    private static double throughRecorder(HistoryStore store, Instant start) throws IOException {
        long t0 = System.nanoTime();
        try (AsyncHistoryRecorder recorder = new AsyncHistoryRecorder(store)) {
            Thread[] threads = new Thread[WRITER_THREADS];
            for (int t = 0; t < threads.length; t++) {
                int offset = SINGLE_COMMITS + t;
                threads[t] = new Thread(() -> {
                    for (int i = offset; i < SINGLE_COMMITS + TIMED_INSERTS; i += WRITER_THREADS) {
                        recorder.record(List.of(record(start, i)));
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return TIMED_INSERTS / ((System.nanoTime() - t0) / 1e9);
    }

    private static double medianMillis(HistoryStore store, StatsQuery query) {
        store.stats(query);
        double[] runs = new double[5];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            store.stats(query);
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(runs);
        return runs[runs.length / 2];
    }

    private static PredictionRecord record(Instant start, int i) {
        double p = 0.5 + (i % 50) / 100.0;
        return new PredictionRecord(
                start.plusSeconds(i * 2L),
                "discord",
                "g1",
                "c" + (i % 20),
                "user" + (i % 100),
                "0".repeat(64),
                0,
                new PredictionRecord.Box(10, 10, 80, 80),
                i % 3 == 0 ? "umi" : "megumi",
                p,
                List.of(p, 1 - p),
                p < 0.6,
                "m" + (i % 4),
                15,
                null,
                null);
    }
}
