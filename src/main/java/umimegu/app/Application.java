package umimegu.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.chart.ConfusionMatrixChart;
import umimegu.chart.LearningCurves;
import umimegu.chat.ChatBot;
import umimegu.chat.ChatCommands;
import umimegu.chat.ChatSettings;
import umimegu.chat.ChatWorkers;
import umimegu.chat.PictureAnswers;
import umimegu.chat.RateLimiter;
import umimegu.config.AppConfig;
import umimegu.history.HistoryStore;
import umimegu.history.jdbc.JdbcFeedbackStore;
import umimegu.history.jdbc.JdbcHistoryStore;
import umimegu.history.jdbc.JdbcSharedLocks;
import umimegu.model.Classifier;
import umimegu.model.CurveWriter;
import umimegu.model.ModelStore;
import umimegu.model.ModelStoreException;
import umimegu.model.NsfwRater;
import umimegu.model.PictureClassifier;
import umimegu.model.TestService;
import umimegu.model.TrainingService;
import umimegu.model.TrainingSetup;
import umimegu.recognition.AnswerFormatter;
import umimegu.recognition.FaceDetection;
import umimegu.recognition.FaceFinder;
import umimegu.recognition.LargestFace;
import umimegu.recognition.PictureFaces;
import umimegu.recognition.Recognizer;
import umimegu.teaching.FeedbackStore;
import umimegu.teaching.ReviewFolder;
import umimegu.teaching.TrainingPictures;
import umimegu.usecase.AddPictures;
import umimegu.usecase.AnswerPicture;
import umimegu.usecase.ChannelModes;
import umimegu.usecase.ChooseModel;
import umimegu.usecase.FollowCurrentModel;
import umimegu.usecase.HistorySession;
import umimegu.usecase.JudgeAnswer;
import umimegu.usecase.LiveModel;
import umimegu.usecase.ReviewPictures;
import umimegu.usecase.Teaching;
import umimegu.usecase.TeachingFiles;
import umimegu.usecase.TrainModel;
import umimegu.vision.CascadeFaceDetector;
import umimegu.vision.CascadeFiles;
import umimegu.vision.CascadeUnavailableException;
import umimegu.vision.FaceSettings;
import umimegu.vision.ImageDecoder;
import umimegu.vision.PictureReader;

/** Wires the core by hand from one configuration; every front end starts here. */
public final class Application {
    private final AppConfig config;
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private final ImageDecoder decoder;
    private final ModelStore store;
    private FaceDetection faceDetection;

    public Application(AppConfig config) {
        this.config = config;
        this.decoder = new ImageDecoder(config.decode());
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
        return new TrainingService(trainingSetup(), store, trainingPictures(), new CurveWriter() {
            @Override
            public void write(java.util.List<umimegu.model.EpochStats> history, Path directory)
                    throws java.io.IOException {
                LearningCurves.write(history, directory);
            }

            @Override
            public void writeTest(umimegu.model.EvaluationResult test, Path directory) throws java.io.IOException {
                java.nio.file.Files.write(directory.resolve(ConfusionMatrixChart.FILE), ConfusionMatrixChart.png(test));
            }
        });
    }

    public TestService testService() {
        return new TestService(
                config.paths().testImages(),
                trainingPictures(),
                store,
                config.training().cropFaces());
    }

    public TrainingSetup trainingSetup() {
        return new TrainingSetup(
                config.paths().images(),
                config.paths().testImages(),
                config.input(),
                config.training(),
                config.modelKind(),
                config.backboneSize(),
                config.source());
    }

    /** Pictures as training and testing see them: whole, or cut to the largest face when train.crop-faces is on. */
    private PictureReader trainingPictures() {
        if (!config.training().cropFaces()) {
            return decoder;
        }
        FaceDetection detection = faceDetection();
        PictureFaces faces = new PictureFaces(decoder);
        return file -> LargestFace.of(decoder.read(file), file.toString(), faces, detection);
    }

    public Classifier classifier(String modelId) {
        return new Classifier(modelId == null ? store.loadCurrent() : store.load(modelId), config.mirrorAverage());
    }

    /** Opens the prediction history (creating or upgrading it); throws HistoryException when it cannot. */
    public HistoryStore openHistory() {
        return JdbcHistoryStore.open(config.history());
    }

    /** Judgements, reviews and channel modes, kept in the same database as {@code history} (null for other stores). */
    public FeedbackStore feedbackOn(HistoryStore history) {
        return history instanceof JdbcHistoryStore jdbc ? new JdbcFeedbackStore(jdbc) : null;
    }

    /**
     * The prediction history for this process. When the database cannot be opened, answers still
     * come, they are just not remembered: the session says why.
     */
    public HistorySession historySession() {
        return HistorySession.open(
                this::openHistory,
                this::feedbackOn,
                store -> store instanceof JdbcHistoryStore jdbc ? new JdbcSharedLocks(jdbc) : null,
                config.crops());
    }

    /** Answer a picture: the one use case every front end calls. */
    public AnswerPicture answerPicture(Supplier<? extends PictureClassifier> classifier, HistorySession history) {
        return new AnswerPicture(
                recognizer(classifier),
                answers(),
                history,
                picture -> NsfwRater.shared().explicitness(picture),
                config.spoilers());
    }

    /**
     * The face detector, set up once per process (the first call may download the cascade). When
     * none can be had the reason is logged once and the configured fallback applies.
     */
    public synchronized FaceDetection faceDetection() {
        if (faceDetection == null) {
            FaceSettings faces = config.faces();
            try {
                Path cascade = new CascadeFiles(faces).resolve();
                faceDetection = FaceDetection.available(new CascadeFaceDetector(cascade, faces), faces.margin());
            } catch (CascadeUnavailableException e) {
                String instead = faces.fallback() == FaceSettings.Fallback.SKIP
                        ? "pictures will not be classified"
                        : "whole pictures will be classified";
                log.error(
                        "Face detection is unavailable: {}. Until it is, {} (faces.fallback).",
                        e.getMessage(),
                        instead);
                faceDetection = FaceDetection.unavailable(e.getMessage(), faces.fallback());
            }
        }
        return faceDetection;
    }

    public Recognizer recognizer(Supplier<? extends PictureClassifier> classifier) {
        return new Recognizer(decoder, faceDetection(), classifier, answers());
    }

    /** The model that answers now, if one was trained. */
    public LiveModel liveModel() {
        store.removeAbandonedDrafts(); // what a killed training left
        try {
            return new LiveModel(new Classifier(store.loadCurrent(), config.mirrorAverage()));
        } catch (ModelStoreException e) {
            log.warn("{}", e.getMessage());
            return new LiveModel(null);
        }
    }

    /** The chat core for one front end ({@code source}: console, discord), with a training of its own. */
    public ChatBot chatBot(String source, LiveModel live, HistorySession history) {
        return chatBot(source, live, history, trainModel(live, history), teaching(live, history));
    }

    /**
     * The chat core for one front end, starting trainings through {@code training} and teaching
     * through {@code teaching}, both shared with the other front ends of this process.
     */
    public ChatBot chatBot(
            String source, LiveModel live, HistorySession history, TrainModel training, Teaching teaching) {
        ChatSettings settings = config.chat();
        Clock clock = Clock.systemUTC();
        ChatWorkers workers = new ChatWorkers(settings.workers());
        training.giveWayTo(workers::busy);
        PictureAnswers pictures = new PictureAnswers(
                settings,
                answerPicture(live::get, history),
                live,
                history.posts(),
                workers,
                new RateLimiter(settings.ratePerMinute(), clock),
                source);
        ChatCommands commands = ChatCommandList.of(new ChatCommandList.Parts(
                settings, workers, pictures, history, testService(), live, answers(), training, teaching, clock));
        return new ChatBot(settings, commands, pictures, workers, teaching, training);
    }

    /** Training on the command line: no live model to switch and no other front end to share it with. */
    public TrainModel trainModelHere() {
        return new TrainModel(trainingService(), id -> null, new LiveModel(null), () -> Optional.of(() -> {}));
    }

    /**
     * Training a model, one at a time in this process and, through the history's shared lock, in
     * every process sharing it; the live model switches when one is saved.
     */
    public TrainModel trainModel(LiveModel live, HistorySession history) {
        return new TrainModel(
                trainingService(),
                this::loadClassifier,
                live,
                () -> history.locks().map(l -> l.tryLock(TrainModel.LOCK)).orElse(Optional.of(() -> {})));
    }

    /** Follows {@code models/current} when another process changes it (shards sharing one models folder). */
    public FollowCurrentModel followCurrentModel(LiveModel live) {
        return new FollowCurrentModel(store.pointer(), this::loadClassifier, live);
    }

    private PictureClassifier loadClassifier(String id) {
        return new Classifier(store.load(id), config.mirrorAverage());
    }

    /** How the community teaches the bot: judgements, reviews, added pictures, model choice, channel modes. */
    public Teaching teaching(LiveModel live, HistorySession history) {
        Clock clock = Clock.systemUTC();
        TeachingFiles files =
                new TeachingFiles(new TrainingPictures(config.paths().images()), new ReviewFolder(config.reviewDir()));
        return new Teaching(
                new JudgeAnswer(history, files, clock),
                new ReviewPictures(history, files, clock),
                new AddPictures(new FaceFinder(decoder, this::faceDetection), history, files, clock),
                new ChooseModel(store, this::loadClassifier, live, history),
                new ChannelModes(history, clock),
                files.pictures(),
                history);
    }

    public AnswerFormatter answers() {
        return new AnswerFormatter(config.answers());
    }
}
