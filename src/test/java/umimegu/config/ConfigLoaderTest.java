package umimegu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.model.Architecture;
import umimegu.model.TrainingSettings;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsKeepTheSeedsInputAndSplitAndSizeTheRestFromTheData() {
        AppConfig config = ConfigLoader.parse(ConfigLoader.defaults());
        assertEquals(100, config.input().width());
        assertEquals(0.2, config.training().validationSplit());
        assertEquals(TrainingSettings.AUTO, config.training().batchSize());
        assertEquals(TrainingSettings.AUTO, config.training().minEpochs());
        assertEquals(100, config.training().maxEpochs());
        assertEquals(10, config.training().patience());
        assertTrue(config.training().augment());
        assertEquals(Architecture.COMPACT, config.training().architecture());
    }

    @Test
    void aFileOverridesDefaultsAndBadValuesNameTheKey() throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "train.batch-size=32\nanswer.display-name.megumi=Megumi Tokoro\n");
        AppConfig config = ConfigLoader.load(file);
        assertEquals(32, config.training().batchSize());
        assertEquals("Megumi Tokoro", config.answers().displayNames().get("megumi"));

        Files.writeString(file, "train.batch-size=lots\n");
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains("train.batch-size"), e.getMessage());

        Files.writeString(file, "answer.nsfw-spoiler-above=off\n");
        assertFalse(ConfigLoader.load(file).spoilers().enabled(), "off: no spoilers");
        Files.writeString(file, "answer.nsfw-spoiler-above=1.5\n");
        var spoiler = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(
                spoiler.getMessage().contains("answer.nsfw-spoiler-above must be a number from 0 to 1, or off"),
                spoiler.getMessage());

        var missing = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("none.properties")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void shippedConfigFilesAreValid() {
        assertEquals(
                1,
                ConfigLoader.load(Path.of("config", "umimegu.properties"))
                        .answers()
                        .percentDecimals());
        AppConfig ja = ConfigLoader.load(Path.of("config", "ja.properties"));
        assertEquals("恵美", ja.answers().displayNames().get("megumi"));
    }

    @Test
    void aFolderANonUtf8FileAndAMisspeltKeyGetMessagesThatSayWhatIsWrong() throws Exception {
        var folder = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());

        Path latin1 = dir.resolve("latin1.properties");
        Files.write(
                latin1,
                "answer.template=C'est {label} \u00e0 {percent}%\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        var encoding = assertThrows(ConfigException.class, () -> ConfigLoader.load(latin1));
        assertTrue(encoding.getMessage().contains("not UTF-8"), encoding.getMessage());

        var known = ConfigLoader.defaults().stringPropertyNames();
        assertEquals(java.util.Optional.of("input.width"), ConfigLoader.closest("input.widht", known));
        assertEquals(java.util.Optional.empty(), ConfigLoader.closest("completely.different", known));
    }
}
