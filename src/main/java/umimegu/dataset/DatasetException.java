package umimegu.dataset;

/** A data folder that cannot be used for training or testing; the message says what to fix. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }
}
