package umimegu.model;

import java.util.List;
import umimegu.dataset.DatasetException;
import umimegu.dataset.ImageFolder;
import umimegu.vision.PictureReader;

/** Scores the current model on the held-out set {@code images-test/<label>/}. */
public final class TestService {
    private final java.nio.file.Path testImages;
    private final PictureReader decoder;
    private final ModelStore store;
    private final boolean facesCut;

    /** {@code facesCut}: the decoder cuts pictures to their largest face (train.crop-faces), which the feature cache must know. */
    public TestService(java.nio.file.Path testImages, PictureReader decoder, ModelStore store, boolean facesCut) {
        this.testImages = testImages;
        this.decoder = decoder;
        this.store = store;
        this.facesCut = facesCut;
    }

    /** The scores, and the model's calibration temperature (the answers' percentages were scaled by it). */
    public record TestOutcome(
            String modelId, EvaluationResult result, java.util.List<String> skippedFiles, double temperature) {}

    /** Tests the stored model with this id (the one answering, for the chat). */
    public TestOutcome test(String modelId) {
        return test(store.load(modelId));
    }

    public TestOutcome test(StoredModel model) {
        ImageFolder folder = ImageFolder.scanAgainst(testImages, model.info().labels());
        Preprocessor preprocessor = new Preprocessor(model.info().input());
        HeadFeatures features = model.head() == null
                ? null
                : new HeadFeatures(
                        store.root(),
                        model.info().backbone().size(),
                        model.info().kind().cut(),
                        facesCut,
                        decoder);
        LoadedImages images = model.network() == null // a head alone needs no pixels, only features
                ? features.load(model.info().labels(), folder.files(), List.of(FeatureCache.View.PLAIN), done -> {})
                        .images()
                : new ImageLoader(decoder, preprocessor).load(model.info().labels(), folder.files(), done -> {});
        if (images.size() == 0) {
            throw new DatasetException("no readable image in " + testImages);
        }
        EvaluationResult result = Evaluator.score(
                model.info().labels(),
                TrainingService.outputs(model.network(), model.head(), features, images, preprocessor),
                images.labelIndex(),
                model.info().temperature());
        return new TestOutcome(
                model.id(), result, images.skipped(), model.info().temperature());
    }
}
