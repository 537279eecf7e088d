package umimegu.config;

/** A configuration that cannot be used; the message names the file or key and says why. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
