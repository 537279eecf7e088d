package umimegu.history;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the history runs on in tests: embedded H2 (the default) and a real PostgreSQL
 * server, started once per test JVM from the binaries inside the Maven artifact (no Docker), with
 * a fresh database for every test.
 */
public enum TestDatabase {
    H2,
    POSTGRES;

    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** Settings for a new, empty history database named after {@code name}. */
    public HistorySettings fresh(Path dir, String name) {
        if (this == H2) {
            return new HistorySettings("jdbc:h2:" + dir.resolve(name).toAbsolutePath(), "sa", "");
        }
        String db = name.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + databases.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return new HistorySettings(server().getJdbcUrl("postgres", db), "postgres", "postgres");
    }

    /** The one PostgreSQL server of this JVM (stopped when the JVM ends). */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is ending; the server's temp folder is cleaned by the library
                }
            }));
        }
        return server;
    }
}
