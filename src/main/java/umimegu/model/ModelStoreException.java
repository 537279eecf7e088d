package umimegu.model;

/** The model store cannot give or keep a model; the message says which and why. */
public class ModelStoreException extends RuntimeException {
    public ModelStoreException(String message) {
        super(message);
    }

    public ModelStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
