package umimegu.app;

import umimegu.chat.AnswerFormatter;
import umimegu.config.AppConfig;
import umimegu.history.HistoryStore;
import umimegu.history.jdbc.JdbcHistoryStore;
import umimegu.model.Classifier;
import umimegu.model.ModelStore;
import umimegu.model.TestService;
import umimegu.model.TrainingService;
import umimegu.vision.ImageDecoder;

/** Wires the core by hand from one configuration; every front end starts here. */
public final class Application {
    private final AppConfig config;
    private final ImageDecoder decoder = new ImageDecoder();
    private final ModelStore store;

    public Application(AppConfig config) {
        this.config = config;
        this.store = new ModelStore(config.paths().models());
    }

    public AppConfig config() {
        return config;
    }

    public ImageDecoder decoder() {
        return decoder;
    }

    public ModelStore store() {
        return store;
    }

    public TrainingService trainingService() {
        return new TrainingService(config, store, decoder);
    }

    public TestService testService() {
        return new TestService(config, decoder);
    }

    public Classifier classifier(String modelId) {
        return new Classifier(modelId == null ? store.loadCurrent() : store.load(modelId));
    }

    /** Opens the prediction history (creating or upgrading it); throws HistoryException when it cannot. */
    public HistoryStore openHistory() {
        return JdbcHistoryStore.open(config.history());
    }

    public AnswerFormatter answers() {
        return new AnswerFormatter(config.answers());
    }
}
