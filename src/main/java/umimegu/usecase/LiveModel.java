package umimegu.usecase;

import java.util.concurrent.atomic.AtomicReference;
import umimegu.model.PictureClassifier;

/** The model answering right now; a finished training swaps it in one step. */
public final class LiveModel {
    private final AtomicReference<PictureClassifier> current = new AtomicReference<>();

    public LiveModel(PictureClassifier initial) {
        current.set(initial);
    }

    public PictureClassifier get() {
        PictureClassifier c = current.get();
        if (c == null) {
            throw new NoModelException();
        }
        return c;
    }

    public boolean isPresent() {
        return current.get() != null;
    }

    public void switchTo(PictureClassifier next) {
        current.set(next);
    }

    /** No model has been trained yet. */
    public static final class NoModelException extends IllegalStateException {
        public NoModelException() {
            super("no model yet");
        }
    }
}
