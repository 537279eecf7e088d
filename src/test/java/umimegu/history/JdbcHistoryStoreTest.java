package umimegu.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static umimegu.history.HistoryRecords.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import umimegu.history.jdbc.JdbcHistoryStore;

class JdbcHistoryStoreTest {
    @TempDir
    Path dir;

    private HistorySettings file(String name) {
        return new HistorySettings("jdbc:h2:" + dir.resolve(name).toAbsolutePath(), "sa", "");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesAndAggregatesWithFilters(TestDatabase database) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (HistoryStore store = JdbcHistoryStore.open(database.fresh(dir, "stats"))) {
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
            assertEquals(
                    new PredictionRecord.Box(1, 2, 30, 40), all.recent().get(0).box());
            assertEquals(List.of(0.8, 0.2), all.recent().get(0).probabilities());

            StatsReport lastWeek =
                    store.stats(new StatsQuery(now.minus(7, ChronoUnit.DAYS), null, null, null, null, 5));
            assertEquals(2, lastWeek.total());
            StatsReport alice = store.stats(new StatsQuery(null, null, "alice", "c1", "m1", 5));
            assertEquals(2, alice.total());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void hostileFilterStringsAreJustValues(TestDatabase database) {
        try (HistoryStore store = JdbcHistoryStore.open(database.fresh(dir, "hostile"))) {
            store.save(List.of(record(Instant.now(), "o'brien", "c", "megumi", 0.9, 0)));
            for (String evil : List.of("'; DROP TABLE prediction; --", "x' OR '1'='1", "\"", "%", "o'brien")) {
                store.stats(new StatsQuery(null, null, evil, evil, null, 5));
            }
            assertEquals(
                    1,
                    store.stats(new StatsQuery(null, null, "o'brien", null, null, 5))
                            .total());
            assertEquals(
                    0,
                    store.stats(new StatsQuery(null, null, "x' OR '1'='1", null, null, 5))
                            .total());
            assertEquals(1, store.stats(StatsQuery.all()).total());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eightThreadsTimesAThousandRecordsLoseNothing(TestDatabase database) throws Exception {
        try (HistoryStore store = JdbcHistoryStore.open(database.fresh(dir, "concurrent"))) {
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
    void upgradesFromThePreviousSchemaVersionKeepingRowsAndFillingTheRollup() throws Exception {
        HistorySettings settings = file("upgrade");
        JdbcHistoryStore.open(settings, "2").close();
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        String password = Files.readString(dir.resolve("upgrade.key")).trim(); // generated on creation
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), "sa", password);
                PreparedStatement ps = c.prepareStatement("INSERT INTO prediction (created_at, source, user_id, "
                        + "image_sha256, face_index, label, probability, probabilities, not_sure, model_id, latency_ms) "
                        + "VALUES (?, 'cli', ?, ?, 0, ?, 0.75, '0.75,0.25', FALSE, 'm0', 5)")) {
            for (int i = 0; i < 3; i++) {
                ps.setTimestamp(1, Timestamp.from(yesterday.minus(i, ChronoUnit.DAYS)));
                ps.setString(2, i == 0 ? "ann" : null);
                ps.setString(3, "b".repeat(64));
                ps.setString(4, i == 2 ? "umi" : "megumi");
                ps.executeUpdate();
            }
        }
        try (HistoryStore latest = JdbcHistoryStore.open(settings)) {
            StatsReport all = latest.stats(StatsQuery.all());
            assertEquals(3, all.total());
            assertEquals(
                    new StatsReport.LabelStats("megumi", 2, 0.75),
                    all.perLabel().get(0));
            assertEquals(List.of(new StatsReport.UserCount("ann", 1)), all.topUsers());
            assertEquals(3, all.perDay().size());
            latest.save(List.of(record(Instant.now(), "ann", "c", "umi", 0.9, 0)));
            assertEquals(4, latest.stats(StatsQuery.all()).total());
        }
    }

    /** The rollup-plus-partial-days plan must give exactly what counting the raw rows gives, for any period. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void statsForAnyPeriodMatchCountingTheRowsThemselves(TestDatabase database) {
        Random random = new Random(7);
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        List<PredictionRecord> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Instant t = base.plusSeconds(random.nextInt(12 * 86_400));
            rows.add(record(
                    t,
                    "u" + random.nextInt(5),
                    "c" + random.nextInt(3),
                    random.nextBoolean() ? "megumi" : "umi",
                    0.5 + random.nextInt(50) / 100.0,
                    i));
        }
        try (HistoryStore store = JdbcHistoryStore.open(database.fresh(dir, "periods"))) {
            for (int i = 0; i < rows.size(); i += 97) {
                store.save(rows.subList(i, Math.min(rows.size(), i + 97)));
            }
            List<Instant[]> periods = new ArrayList<>();
            periods.add(new Instant[] {null, null});
            periods.add(new Instant[] {base.plus(3, ChronoUnit.DAYS), base.plus(5, ChronoUnit.DAYS)});
            periods.add(new Instant[] {base.plusSeconds(3600 * 30), base.plusSeconds(3600 * 40)});
            for (int k = 0; k < 25; k++) {
                Instant a = base.plusSeconds(random.nextInt(13 * 86_400) - 86_400);
                Instant b = a.plusSeconds(random.nextInt(5 * 86_400));
                periods.add(new Instant[] {random.nextInt(5) == 0 ? null : a, random.nextInt(5) == 0 ? null : b});
            }
            for (Instant[] p : periods) {
                String user = random.nextBoolean() ? "u2" : null;
                StatsReport report = store.stats(new StatsQuery(p[0], p[1], user, null, null, 3));
                List<PredictionRecord> expected = rows.stream()
                        .filter(r -> p[0] == null || !r.time().isBefore(p[0]))
                        .filter(r -> p[1] == null || r.time().isBefore(p[1]))
                        .filter(r -> user == null || user.equals(r.userId()))
                        .toList();
                String period = p[0] + ".." + p[1] + " user " + user;
                assertEquals(expected.size(), report.total(), period);
                assertEquals(expected.stream().filter(PredictionRecord::notSure).count(), report.notSure(), period);
                long megumi = expected.stream()
                        .filter(r -> r.label().equals("megumi"))
                        .count();
                assertEquals(
                        megumi,
                        report.perLabel().stream()
                                .filter(l -> l.label().equals("megumi"))
                                .mapToLong(StatsReport.LabelStats::count)
                                .sum(),
                        period);
                assertEquals(
                        expected.size(),
                        report.perDay().stream()
                                .mapToLong(StatsReport.DayCount::count)
                                .sum(),
                        period);
                if (!expected.isEmpty()) {
                    double mean = expected.stream()
                            .filter(r ->
                                    r.label().equals(report.perLabel().get(0).label()))
                            .mapToDouble(PredictionRecord::probability)
                            .average()
                            .orElseThrow();
                    assertEquals(mean, report.perLabel().get(0).meanProbability(), 1e-9, period);
                }
            }
        }
    }

    @Test
    void asyncRecorderFlushesOnCloseAndSurvivesAStoreError() {
        List<PredictionRecord> saved = new ArrayList<>();
        HistoryStore flaky = SavingStore.of(records -> {
            // any write that contains record 0 fails, as a constraint violation would
            if (records.stream().anyMatch(r -> r.faceIndex() == 0)) {
                throw new HistoryException("database down", null);
            }
            saved.addAll(records);
        });
        try (AsyncHistoryRecorder recorder = new AsyncHistoryRecorder(flaky)) {
            for (int i = 0; i < 100; i++) {
                recorder.record(List.of(record(Instant.now(), "u", "c", "umi", 0.9, i)));
            }
        }
        assertEquals(99, saved.size());
        assertTrue(saved.stream().allMatch(r -> r.faceIndex() > 0));
        assertEquals(
                99, saved.stream().map(PredictionRecord::faceIndex).distinct().count());
    }

    @Test
    void aStoreThatKeepsFailingIsLeftAloneTheLossIsCountedAndCloseDoesNotStall() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        HistoryStore full = SavingStore.of(records -> {
            attempts.incrementAndGet();
            throw new HistoryException("No space left on device", null);
        });
        long start = System.nanoTime();
        AsyncHistoryRecorder recorder = new AsyncHistoryRecorder(full);
        for (int i = 0; i < 119; i++) {
            recorder.record(List.of(record(Instant.now(), "u", "c", "umi", 0.9, i)));
            recorder.flush(java.time.Duration.ofSeconds(2));
        }
        recorder.close();
        assertEquals(119, recorder.lost(), "every unwritten prediction is counted");
        assertTrue(attempts.get() <= 5, "the failing store was tried " + attempts.get() + " times");
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(10), "no stall");
    }

    @Test
    void aDamagedHistoryFileIsRefusedAndLeftAsItWas() throws Exception {
        HistorySettings settings = file("damaged");
        try (HistoryStore store = JdbcHistoryStore.open(settings)) {
            for (int i = 0; i < 260; i++) {
                store.save(List.of(record(Instant.now(), "u" + (i % 7), "c", "umi", 0.9, i)));
            }
        }
        Path data = dir.resolve("damaged.mv.db");
        try (var channel = java.nio.channels.FileChannel.open(data, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(65536); // as `truncate -s 65536` did
        }
        byte[] before = Files.readAllBytes(data);

        HistoryException e = org.junit.jupiter.api.Assertions.assertThrows(
                HistoryException.class, () -> JdbcHistoryStore.open(settings));
        assertTrue(
                e.getMessage().contains("looks damaged") && e.getMessage().contains("left as it is"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(data)), "the file was not touched");
    }

    /** A data folder made by hand (0755, as {@code mkdir -p data/cascades} makes it): the database is owner-only all the same. */
    @Test
    void theDatabaseFileIsOwnerOnlyInAFolderOthersMayRead() throws Exception {
        Path open = Files.createDirectories(dir.resolve("made-by-hand"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        HistorySettings settings =
                new HistorySettings("jdbc:h2:" + open.resolve("history").toAbsolutePath(), "sa", "");
        try (HistoryStore store = JdbcHistoryStore.open(settings)) {
            store.save(List.of(record(Instant.now(), "u", "c", "umi", 0.9, 0)));
        }
        for (String file : List.of("history.mv.db", "history.key")) {
            assertEquals(
                    "rw-------",
                    java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(open.resolve(file))),
                    file);
        }
    }

    @Test
    void theDefaultHistoryGetsAGeneratedPasswordKeptOwnerOnly() throws Exception {
        HistorySettings settings = file("keyed");
        try (HistoryStore store = JdbcHistoryStore.open(settings)) {
            store.save(List.of(record(Instant.now(), "u", "c", "umi", 0.9, 0)));
        }
        Path key = dir.resolve("keyed.key");
        assertEquals(
                "rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String password = Files.readString(key).trim();
        assertTrue(password.length() >= 32, password.length() + " characters");
        org.junit.jupiter.api.Assertions.assertThrows(
                java.sql.SQLException.class,
                () -> java.sql.DriverManager.getConnection(settings.jdbcUrl(), "sa", "")
                        .close());
        try (HistoryStore again = JdbcHistoryStore.open(settings)) {
            assertEquals(1, again.stats(StatsQuery.all()).total(), "the next open reads the key");
        }
    }

    @Test
    void credentialsInJdbcUrlsAreHidden() {
        assertEquals(
                "jdbc:postgresql://dbuser:***@host/db",
                umimegu.history.jdbc.JdbcHistoryStoreAccess.redact("jdbc:postgresql://dbuser:pgsecret4@host/db"));
        assertEquals(
                "jdbc:h2:tcp://h/x;PASSWORD=***;USER=a",
                umimegu.history.jdbc.JdbcHistoryStoreAccess.redact("jdbc:h2:tcp://h/x;PASSWORD=s3;USER=a"));
        assertEquals(
                "jdbc:postgresql://host:5432/db?user=a&password=***",
                umimegu.history.jdbc.JdbcHistoryStoreAccess.redact("jdbc:postgresql://host:5432/db?user=a&password=x"));
    }
}
