package umimegu.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static umimegu.history.HistoryRecords.record;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import umimegu.history.jdbc.JdbcHistoryStore;

class JdbcHistoryStoreTest {
    @TempDir
    Path dir;

    private HistorySettings file(String name) {
        return new HistorySettings("jdbc:h2:" + dir.resolve(name).toAbsolutePath(), "sa", "");
    }

    @Test
    void storesAndAggregatesWithFilters() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (HistoryStore store = JdbcHistoryStore.open(new HistorySettings("jdbc:h2:mem:stats;DB_CLOSE_DELAY=-1", "sa", ""))) {
            store.save(List.of(
                    record(now.minus(10, ChronoUnit.DAYS), "alice", "c1", "megumi", 0.9, 0),
                    record(now.minus(1, ChronoUnit.HOURS), "alice", "c1", "megumi", 0.5, 0),
                    record(now, "bob", "c2", "umi", 0.8, 1)));

            StatsReport all = store.stats(StatsQuery.all());
            assertEquals(3, all.total());
            assertEquals(1, all.notSure());
            assertEquals("megumi", all.perLabel().get(0).label());
            assertEquals(0.7, all.perLabel().get(0).meanProbability(), 1e-9);
            assertEquals(new StatsReport.UserCount("alice", 2), all.topUsers().get(0));
            assertEquals("umi", all.recent().get(0).label());
            assertEquals(new PredictionRecord.Box(1, 2, 30, 40), all.recent().get(0).box());
            assertEquals(List.of(0.8, 0.2), all.recent().get(0).probabilities());

            StatsReport lastWeek = store.stats(new StatsQuery(now.minus(7, ChronoUnit.DAYS), null, null, null, null, 5));
            assertEquals(2, lastWeek.total());
            StatsReport alice = store.stats(new StatsQuery(null, null, "alice", "c1", "m1", 5));
            assertEquals(2, alice.total());
        }
    }

    @Test
    void hostileFilterStringsAreJustValues() {
        try (HistoryStore store = JdbcHistoryStore.open(file("hostile"))) {
            store.save(List.of(record(Instant.now(), "o'brien", "c", "megumi", 0.9, 0)));
            for (String evil : List.of("'; DROP TABLE prediction; --", "x' OR '1'='1", "\"", "%", "o'brien")) {
                store.stats(new StatsQuery(null, null, evil, evil, null, 5));
            }
            assertEquals(1, store.stats(new StatsQuery(null, null, "o'brien", null, null, 5)).total());
            assertEquals(0, store.stats(new StatsQuery(null, null, "x' OR '1'='1", null, null, 5)).total());
            assertEquals(1, store.stats(StatsQuery.all()).total());
        }
    }

    @Test
    void eightThreadsTimesAThousandRecordsLoseNothing() throws Exception {
        try (HistoryStore store = JdbcHistoryStore.open(file("concurrent"))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String user = "user" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        store.save(List.of(record(Instant.now(), user, "c", i % 2 == 0 ? "megumi" : "umi", 0.7, i)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            StatsReport report = store.stats(StatsQuery.all());
            assertEquals(8000, report.total());
            assertEquals(4000, report.perLabel().get(0).count());
            assertEquals(1000, report.topUsers().get(0).count());
        }
    }

    @Test
    void upgradesFromThePreviousSchemaVersionKeepingRows() {
        HistorySettings settings = file("upgrade");
        try (HistoryStore v1 = JdbcHistoryStore.open(settings, "1")) {
            v1.save(List.of(record(Instant.now(), "u", "c", "umi", 0.9, 0)));
        }
        try (HistoryStore latest = JdbcHistoryStore.open(settings)) {
            assertEquals(1, latest.stats(StatsQuery.all()).total());
        }
    }

    @Test
    void asyncRecorderFlushesOnCloseAndSurvivesAStoreError() {
        List<PredictionRecord> saved = new ArrayList<>();
        HistoryStore flaky = new HistoryStore() {
            int calls;

            @Override
            public synchronized void save(List<PredictionRecord> records) {
                if (calls++ == 0) {
                    throw new HistoryException("database down", null);
                }
                saved.addAll(records);
            }

            @Override
            public StatsReport stats(StatsQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        try (AsyncHistoryRecorder recorder = new AsyncHistoryRecorder(flaky)) {
            for (int i = 0; i < 100; i++) {
                recorder.record(List.of(record(Instant.now(), "u", "c", "umi", 0.9, i)));
            }
        }
        assertEquals(99, saved.size());
        assertTrue(saved.stream().allMatch(r -> r.faceIndex() > 0));
    }
}
