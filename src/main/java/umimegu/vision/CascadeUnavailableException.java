package umimegu.vision;

/** No cascade file could be had (download failed, wrong checksum, missing file); the message says why. */
public class CascadeUnavailableException extends Exception {
    public CascadeUnavailableException(String message) {
        super(message);
    }

    public CascadeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
