package umimegu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Javacord is no longer developed: only the Discord adapter may use it, so it stays replaceable. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path DISCORD_ADAPTER = MAIN.resolve("umimegu/chat/discord");

    @Test
    void onlyTheDiscordAdapterImportsJavacord() throws IOException {
        assertEquals(List.of(), filesUsing("org.javacord", DISCORD_ADAPTER));
        assertEquals(true, !filesUsing("org.javacord", Path.of("nowhere")).isEmpty(), "the check sees the adapter's imports");
    }

    @Test
    void theCoreKnowsNothingOfSqlOrTheFrontEnds() throws IOException {
        for (String core : List.of("umimegu/chat", "umimegu/recognition", "umimegu/model", "umimegu/dataset")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(core))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.startsWith(MAIN.resolve("umimegu/chat/discord")))
                        .filter(p -> !p.startsWith(MAIN.resolve("umimegu/chat/console"))).toList()) {
                    String source = Files.readString(f);
                    for (String banned : List.of("import java.sql", "import umimegu.history.jdbc", "import umimegu.cli",
                            "import org.bytedeco", "import picocli")) {
                        assertEquals(false, source.contains(banned), f + " uses " + banned);
                    }
                }
            }
        }
    }

    private static List<Path> filesUsing(String pkg, Path allowed) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(allowed))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains(pkg);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
