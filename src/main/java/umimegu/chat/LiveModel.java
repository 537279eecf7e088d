package umimegu.chat;

import java.util.concurrent.atomic.AtomicReference;

import umimegu.model.Classifier;

/** The model answering right now; a finished training swaps it in one step. */
public final class LiveModel {
    private final AtomicReference<Classifier> current = new AtomicReference<>();

    public LiveModel(Classifier initial) {
        current.set(initial);
    }

    public Classifier get() {
        Classifier c = current.get();
        if (c == null) {
            throw new NoModelException();
        }
        return c;
    }

    public boolean isPresent() {
        return current.get() != null;
    }

    public void switchTo(Classifier next) {
        current.set(next);
    }

    /** No model has been trained yet. */
    public static final class NoModelException extends IllegalStateException {
        public NoModelException() {
            super("no model yet");
        }
    }
}
