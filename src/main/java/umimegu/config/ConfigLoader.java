package umimegu.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import umimegu.chat.AnswerSettings;
import umimegu.history.HistorySettings;
import umimegu.model.InputSpec;
import umimegu.model.TrainingSettings;

/**
 * Reads the built-in defaults, then {@code config/umimegu.properties} when it exists (or the file
 * given explicitly, which must exist), and validates the result into an {@link AppConfig}.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_FILE = Path.of("config", "umimegu.properties");
    private static final String DEFAULTS_RESOURCE = "/umimegu-defaults.properties";
    /** A database password may come from the environment instead of a file. */
    public static final String HISTORY_PASSWORD_ENV = "UMIMEGU_HISTORY_PASSWORD";
    private static final String DISPLAY_NAME_PREFIX = "answer.display-name.";

    private ConfigLoader() {
    }

    /** Loads the defaults overlaid with {@code file}; {@code null} means the default file if present. */
    public static AppConfig load(Path file) {
        Properties properties = defaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file not found: " + file);
            }
            overlay(properties, file);
        } else if (Files.isRegularFile(DEFAULT_FILE)) {
            overlay(properties, DEFAULT_FILE);
        }
        return parse(properties);
    }

    public static Properties defaults() {
        Properties properties = new Properties();
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new ConfigException("built-in defaults " + DEFAULTS_RESOURCE + " are missing from the jar");
            }
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read built-in defaults: " + e.getMessage(), e);
        }
        return properties;
    }

    private static void overlay(Properties properties, Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties fromFile = new Properties();
            fromFile.load(reader);
            fromFile.stringPropertyNames().forEach(key -> properties.setProperty(key, fromFile.getProperty(key).trim()));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    public static AppConfig parse(Properties p) {
        try {
            Paths paths = new Paths(
                    Path.of(required(p, "images.dir")),
                    Path.of(required(p, "images.test-dir")),
                    Path.of(required(p, "models.dir")));
            InputSpec input = new InputSpec(
                    integer(p, "input.width"),
                    integer(p, "input.height"),
                    scaling(required(p, "input.scaling")));
            TrainingSettings training = new TrainingSettings(
                    decimal(p, "train.validation-split"),
                    integer(p, "train.batch-size"),
                    integer(p, "train.max-epochs"),
                    integer(p, "train.patience"),
                    decimal(p, "train.learning-rate"),
                    Long.parseLong(required(p, "train.seed")),
                    bool(p, "train.augment"));
            Map<String, String> names = new HashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(DISPLAY_NAME_PREFIX)) {
                    names.put(key.substring(DISPLAY_NAME_PREFIX.length()), p.getProperty(key));
                }
            }
            AnswerSettings answers = new AnswerSettings(
                    required(p, "answer.template"), integer(p, "answer.percent-decimals"), names);
            String password = System.getenv(HISTORY_PASSWORD_ENV);
            HistorySettings history = new HistorySettings(required(p, "history.jdbc-url"),
                    p.getProperty("history.user", ""),
                    password != null ? password : p.getProperty("history.password", ""));
            return new AppConfig(paths, input, training, answers, history, p);
        } catch (NumberFormatException e) {
            throw new ConfigException("invalid number in config: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid config: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException("config key " + key + " is missing");
        }
        return value.trim();
    }

    private static int integer(Properties p, String key) {
        String value = required(p, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("config key " + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static double decimal(Properties p, String key) {
        String value = required(p, key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("config key " + key + " must be a number, got '" + value + "'");
        }
    }

    private static boolean bool(Properties p, String key) {
        String value = required(p, key).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigException("config key " + key + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static InputSpec.Scaling scaling(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "0..1", "zero-one" -> InputSpec.Scaling.ZERO_ONE;
            case "-1..1", "minus-one-one" -> InputSpec.Scaling.MINUS_ONE_ONE;
            default -> throw new ConfigException("config key input.scaling must be 0..1 or -1..1, got '" + value + "'");
        };
    }
}
