package umimegu.history.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.history.HistoryException;
import umimegu.history.HistorySettings;

/**
 * What an embedded H2 file needs beyond a URL, so that the default history is not open to others
 * and is never silently replaced:
 * <ul>
 * <li>its folder is made owner-only, and H2's automatic server (AUTO_SERVER, which lets a CLI and a
 * bot share the file) listens on loopback only;</li>
 * <li>without a configured password, a random one is generated when the database is created (or
 * set on an old database that had none) and kept in {@code <name>.key}, readable by the owner only;</li>
 * <li>an existing file that H2 cannot open, or that opens without the history's tables, is left as
 * it is and refused with a clear message, instead of being migrated over as a new, empty history.</li>
 * </ul>
 */
final class EmbeddedH2 {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedH2.class);
    private static final String PREFIX = "jdbc:h2:";
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1"); // AUTO_SERVER and TCP servers: loopback only
        }
    }

    private EmbeddedH2() {}

    /** The database's file name without {@code .mv.db}, or null when the URL is not an embedded H2 file. */
    static Path base(String url) {
        if (!url.startsWith(PREFIX)) {
            return null;
        }
        String rest = url.substring(PREFIX.length());
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:")
                || lower.startsWith("tcp:")
                || lower.startsWith("ssl:")
                || lower.startsWith("zip:")) {
            return null;
        }
        if (lower.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path);
    }

    private static final java.util.Set<Path> PROBED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The settings to open with: the generated password filled in when none is configured. */
    static HistorySettings prepare(HistorySettings s) {
        Path base = base(s.jdbcUrl());
        if (base == null) {
            return s;
        }
        Path dir = base.toAbsolutePath().getParent();
        Path data = Path.of(base + ".mv.db");
        Path key = Path.of(base + ".key");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                ownerOnly(dir, "rwx------");
            }
            // probed once per process: a read-only probe while this process has the database open would
            // become the instance its other connections join (H2 shares one per JVM), making them read-only
            if (Files.exists(data)
                    && !Files.exists(Path.of(base + ".lock.db"))
                    && !PROBED.contains(data.toAbsolutePath())) {
                checkIntact(s, base, key);
                PROBED.add(data.toAbsolutePath());
            }
            if (!s.password().isEmpty()) {
                return s;
            }
            if (Files.isRegularFile(key)) {
                return new HistorySettings(
                        s.jdbcUrl(),
                        s.user(),
                        Files.readString(key, StandardCharsets.UTF_8).trim());
            }
            String password = HexFormat.of().formatHex(RANDOM.generateSeed(24));
            if (Files.exists(data)) {
                String user = s.user().toUpperCase(Locale.ROOT).replace("\"", "");
                try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), "");
                        Statement statement = c.createStatement()) {
                    // the password is hex digits only: nothing to escape
                    statement.execute("ALTER USER \"" + user + "\" SET PASSWORD '" + password + "'");
                }
                log.info("The history database {} had no password; it now has a generated one, kept in {}", data, key);
            }
            Files.writeString(key, password, StandardCharsets.UTF_8);
            ownerOnly(key, "rw-------");
            return new HistorySettings(s.jdbcUrl(), s.user(), password);
        } catch (IOException | SQLException e) {
            throw new HistoryException("cannot prepare the history database " + data + ": " + e.getMessage(), e);
        }
    }

    /** Opens the existing file read-only: it must open and hold Flyway's table, or it is refused untouched. */
    private static void checkIntact(HistorySettings s, Path base, Path key) throws IOException {
        String password = s.password().isEmpty() && Files.isRegularFile(key)
                ? Files.readString(key, StandardCharsets.UTF_8).trim()
                : s.password();
        String probe = PREFIX + base.toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        Path data = Path.of(base + ".mv.db");
        try (Connection c = DriverManager.getConnection(probe, s.user(), password);
                ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            boolean any = false;
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) {
                    return;
                }
                any = true;
            }
            if (!any && Files.size(data) < 32 * 1024) {
                return; // created but never migrated (the process stopped at once): nothing to lose
            }
            throw damaged(data, "it holds no history tables");
        } catch (SQLException e) {
            if (e.getErrorCode() == 28000) { // wrong user or password: not damage, say so plainly
                throw new HistoryException("cannot open the history database " + data + ": wrong user or password", e);
            }
            throw damaged(data, e.getMessage().lines().findFirst().orElse(e.toString()));
        }
    }

    private static HistoryException damaged(Path data, String why) {
        return new HistoryException(
                "the history database " + data + " looks damaged (" + why + "); it was left as it "
                        + "is. Restore a backup, or move it aside to start a new history.",
                null);
    }

    /**
     * Once H2 has created its files: the database readable by its owner only, whatever the folder's
     * mode (a {@code data/} made by hand keeps the umask's 0755), and a warning when the folder lets
     * others in.
     */
    static void keepPrivate(HistorySettings s) {
        Path base = base(s.jdbcUrl());
        if (base == null) {
            return;
        }
        for (String suffix : List.of(".mv.db", ".trace.db", ".key")) {
            Path file = Path.of(base + suffix);
            if (Files.isRegularFile(file)) {
                ownerOnly(file, "rw-------");
            }
        }
        Path dir = base.toAbsolutePath().getParent();
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
            if (mode.contains(PosixFilePermission.OTHERS_READ)
                    || mode.contains(PosixFilePermission.OTHERS_EXECUTE)
                    || mode.contains(PosixFilePermission.GROUP_READ)) {
                log.warn(
                        "{} ({}) lets other users in; the history inside is owner-only, but `chmod 700 {}` keeps the"
                                + " rest of it (kept crops, the review queue) private too",
                        dir,
                        PosixFilePermissions.toString(mode),
                        dir);
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Cannot read the mode of {}: {}", dir, e.getMessage());
        }
    }

    private static void ownerOnly(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("Cannot restrict {} to its owner: {}", path, e.getMessage());
        }
    }
}
