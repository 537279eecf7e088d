package umimegu.vision;

/**
 * A picture that could not be looked at now for want of memory (other large pictures are being
 * decoded, or the heap ran out): nothing is wrong with the file, it may be sent again later.
 * Front ends answer it as "busy" (HTTP 503), never as a bad file.
 */
public final class DecoderBusyException extends RuntimeException {
    public DecoderBusyException(String message) {
        super(message);
    }
}
