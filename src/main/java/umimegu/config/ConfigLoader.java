package umimegu.config;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import umimegu.chat.ChatSettings;
import umimegu.history.HistorySettings;
import umimegu.model.Architecture;
import umimegu.model.InputSpec;
import umimegu.model.ModelKind;
import umimegu.model.TrainingSettings;
import umimegu.recognition.AnswerSettings;
import umimegu.recognition.CropFolder;
import umimegu.recognition.SpoilerSettings;
import umimegu.vision.DecodeLimits;
import umimegu.vision.FaceSettings;

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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConfigLoader.class);

    private ConfigLoader() {}

    /** Loads the defaults overlaid with {@code file}; {@code null} means the default file if present. */
    public static AppConfig load(Path file) {
        Properties properties = defaults();
        if (file != null) {
            if (Files.isDirectory(file)) {
                throw new ConfigException("config file " + file + " is a folder; give the path of a .properties file");
            }
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
            for (String key : fromFile.stringPropertyNames()) {
                if (!properties.containsKey(key) && !key.startsWith(DISPLAY_NAME_PREFIX)) {
                    log.warn(
                            "Unknown config key '{}' in {} is ignored{}",
                            key,
                            file,
                            closest(key, properties.stringPropertyNames())
                                    .map(k -> " (did you mean '" + k + "'?)")
                                    .orElse(""));
                }
                properties.setProperty(key, fromFile.getProperty(key).trim());
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException("config file " + file + " is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The known key nearest to a misspelt one (edit distance at most 3), if any. */
    static java.util.Optional<String> closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = 4;
        for (String k : known) {
            int d = distance(key, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public static AppConfig parse(Properties p) {
        try {
            Paths paths = new Paths(
                    Path.of(required(p, "images.dir")),
                    Path.of(required(p, "images.test-dir")),
                    Path.of(required(p, "models.dir")));
            InputSpec input = new InputSpec(
                    integer(p, "input.width"), integer(p, "input.height"), scaling(required(p, "input.scaling")));
            TrainingSettings training = new TrainingSettings(
                    decimal(p, "train.validation-split"),
                    integerOrAuto(p, "train.batch-size"),
                    integer(p, "train.max-epochs"),
                    integer(p, "train.patience"),
                    integerOrAuto(p, "train.min-epochs"),
                    decimal(p, "train.learning-rate"),
                    integerOrAuto(p, "train.warmup-steps"),
                    decimal(p, "train.weight-decay"),
                    integer(p, "train.lr-drops"),
                    Long.parseLong(required(p, "train.seed")),
                    bool(p, "train.augment"),
                    bool(p, "train.crop-faces"),
                    parsed(p, "model.architecture", Architecture::parse, "seed or compact"));
            Map<String, String> names = new HashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(DISPLAY_NAME_PREFIX)) {
                    names.put(key.substring(DISPLAY_NAME_PREFIX.length()), p.getProperty(key));
                }
            }
            AnswerSettings answers = new AnswerSettings(
                    required(p, "answer.template"),
                    integer(p, "answer.percent-decimals"),
                    names,
                    decimal(p, "answer.unsure-below"),
                    required(p, "answer.unsure-template"),
                    required(p, "answer.face-template"),
                    p.getProperty("answer.no-face-note", "").trim(),
                    parsed(
                            p,
                            "answer.unknown-below",
                            probabilityOr("auto", Double.NaN),
                            "a number from 0 to 1, or auto"),
                    required(p, "answer.unknown-template"));
            String password = System.getenv(HISTORY_PASSWORD_ENV);
            HistorySettings history = new HistorySettings(
                    required(p, "history.jdbc-url"),
                    p.getProperty("history.user", ""),
                    password != null ? password : p.getProperty("history.password", ""));
            DecodeLimits decode = new DecodeLimits(
                    longInteger(p, "images.max-bytes"),
                    longInteger(p, "images.max-pixels"),
                    color(p, "images.background"));
            FaceSettings faces = new FaceSettings(
                    required(p, "faces.cascade"),
                    uri(p, "faces.cascade-url"),
                    required(p, "faces.cascade-sha256").toLowerCase(Locale.ROOT),
                    Path.of(required(p, "faces.cache-dir")),
                    Duration.ofSeconds(integer(p, "faces.download-timeout-seconds")),
                    fallback(required(p, "faces.fallback")),
                    decimal(p, "faces.scale-factor"),
                    integer(p, "faces.min-neighbors"),
                    integer(p, "faces.min-size"),
                    decimal(p, "faces.margin"),
                    integer(p, "faces.detect-max-side"));
            CropFolder crops = bool(p, "history.keep-crops")
                    ? new CropFolder(
                            Path.of(required(p, "history.crops-dir")), longInteger(p, "history.crops-max-mb") * 1048576)
                    : null;
            ChatSettings chat = new ChatSettings(
                    required(p, "chat.prefix"),
                    ids(p, "chat.admin-ids"),
                    longInteger(p, "chat.max-attachment-bytes"),
                    integer(p, "chat.rate-per-minute"),
                    integer(p, "chat.workers"),
                    bool(p, "chat.annotate-always"),
                    bool(p, "chat.stats-chart"));
            return new AppConfig(
                    paths,
                    input,
                    training,
                    answers,
                    history,
                    decode,
                    faces,
                    crops,
                    Path.of(required(p, "chat.review-dir")),
                    chat,
                    ids(p, "discord.guild-ids"),
                    new Cluster(
                            integer(p, "discord.shard"),
                            integer(p, "discord.shards"),
                            Duration.ofMillis(Math.round(decimal(p, "models.follow-seconds") * 1000))),
                    new WebSettings(required(p, "web.host"), integer(p, "web.port"), integer(p, "web.max-files")),
                    bool(p, "answer.mirror-average"),
                    parsed(p, "model.kind", ModelKind::parse, "compact, pretrained, tuned, ensemble or tuned-ensemble"),
                    backboneSize(p),
                    new SpoilerSettings(
                            parsed(
                                    p,
                                    "answer.nsfw-spoiler-above",
                                    probabilityOr("off", Double.POSITIVE_INFINITY),
                                    "a number from 0 to 1, or off"),
                            bool(p, "answer.nsfw-off-discord")),
                    p);
        } catch (NumberFormatException e) {
            throw new ConfigException("invalid number in config: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid config: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a probability from 0 to 1, or {@code word} standing for {@code meaning}: {@code auto}
     * (NaN) for what each model fitted for itself, {@code off} (infinity) for one no picture reaches.
     */
    private static Function<String, Double> probabilityOr(String word, double meaning) {
        return value -> {
            if (value.equalsIgnoreCase(word)) {
                return meaning;
            }
            double d = Double.parseDouble(value);
            if (!(d >= 0 && d <= 1)) {
                throw new IllegalArgumentException(value);
            }
            return d;
        };
    }

    private static int backboneSize(Properties p) {
        int size = integer(p, "model.backbone-size");
        if (size < 96 || size > 320 || size % 32 != 0) {
            throw new ConfigException(
                    "model.backbone-size must be a multiple of 32 from 96 to 320 (the backbone halves a picture five times), got "
                            + size);
        }
        return size;
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException("config key " + key + " is missing");
        }
        return value.trim();
    }

    /** The value under {@code key} read by {@code parser}; anything it rejects is a config error naming what was expected. */
    private static <T> T parsed(Properties p, String key, Function<String, T> parser, String expected) {
        String value = required(p, key);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new ConfigException("config key " + key + " must be " + expected + ", got '" + value + "'");
        }
    }

    private static int integer(Properties p, String key) {
        return parsed(p, key, Integer::parseInt, "a whole number");
    }

    /** A whole number, or {@code auto} ({@link TrainingSettings#AUTO}): sized from the data at training time. */
    private static int integerOrAuto(Properties p, String key) {
        return parsed(
                p,
                key,
                v -> v.equalsIgnoreCase("auto") ? TrainingSettings.AUTO : Integer.parseInt(v),
                "a whole number or auto");
    }

    private static long longInteger(Properties p, String key) {
        return parsed(p, key, Long::parseLong, "a whole number");
    }

    private static double decimal(Properties p, String key) {
        return parsed(p, key, Double::parseDouble, "a number");
    }

    private static Color color(Properties p, String key) {
        return parsed(p, key, Color::decode, "a colour like #ffffff");
    }

    private static URI uri(Properties p, String key) {
        return parsed(
                p,
                key,
                value -> {
                    URI uri = URI.create(value);
                    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                        throw new IllegalArgumentException("not http(s)");
                    }
                    return uri;
                },
                "an http(s) URL");
    }

    private static Set<String> ids(Properties p, String key) {
        Set<String> ids = new java.util.HashSet<>();
        for (String id : p.getProperty(key, "").split("[,\\s]+")) {
            if (!id.isBlank()) {
                if (!id.matches("\\d+")) {
                    throw new ConfigException(
                            "config key " + key + " takes numeric ids separated by commas, got '" + id + "'");
                }
                ids.add(id);
            }
        }
        return ids;
    }

    private static FaceSettings.Fallback fallback(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "whole-image" -> FaceSettings.Fallback.WHOLE_IMAGE;
            case "skip" -> FaceSettings.Fallback.SKIP;
            default ->
                throw new ConfigException("config key faces.fallback must be whole-image or skip, got '" + value + "'");
        };
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
