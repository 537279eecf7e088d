package umimegu.model;

/** Training stopped on request before it finished; nothing was switched. */
public class TrainingCancelledException extends RuntimeException {
    public TrainingCancelledException() {
        super("training was cancelled");
    }
}
