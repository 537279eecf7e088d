package umimegu.history;

/** The history store failed; the answer path logs it and carries on. */
public class HistoryException extends RuntimeException {
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
