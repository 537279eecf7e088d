package umimegu.web;

import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import umimegu.model.ModelStore;
import umimegu.model.ModelStoreException;
import umimegu.usecase.ChooseModel;
import umimegu.usecase.TrainModel;

/** The Models view: every stored model with its figures and pictures; switch or roll back (admin). */
final class ModelRoutes {
    private final ChooseModel models;
    private final TrainModel training;
    private final WebSecurity security;

    ModelRoutes(ChooseModel models, TrainModel training, WebSecurity security) {
        this.models = models;
        this.training = training;
        this.security = security;
    }

    record Model(
            String id,
            String kind,
            String created,
            List<String> labels,
            int pictures,
            int epochs,
            Double validationAccuracy,
            Double testAccuracy,
            long judged,
            long judgedRight,
            boolean current,
            List<String> pictureFiles) {}

    void list(Context ctx) {
        ctx.json(models.newest(50).stream()
                .map(r -> new Model(
                        r.model().id(),
                        r.model().kind(),
                        r.model().created().toString(),
                        r.model().labels(),
                        r.model().pictures(),
                        r.model().epochs(),
                        WebJson.number(r.model().validationAccuracy()),
                        WebJson.number(r.model().testAccuracy()),
                        r.judged(),
                        r.judgedRight(),
                        r.current(),
                        ChooseModel.PICTURES.stream()
                                .filter(p -> models.picture(r.model().id(), p).isPresent())
                                .toList()))
                .toList());
    }

    void picture(Context ctx) {
        Optional<Path> file = models.picture(ctx.pathParam("id"), ctx.pathParam("file"));
        if (file.isEmpty()) {
            throw new WebError(404, "no such model picture");
        }
        try {
            ctx.contentType("image/png").result(Files.readAllBytes(file.get()));
        } catch (java.io.IOException e) {
            throw new WebError(404, "no such model picture");
        }
    }

    record Switched(String current, String message) {}

    void use(Context ctx) {
        security.requireCsrf(ctx);
        security.requireAdmin(ctx);
        String id = ctx.pathParam("id");
        if (!ModelStore.isValidId(id)) {
            throw new WebError(400, "not a model id");
        }
        refuseWhileTraining();
        try {
            String now = models.use(id);
            ctx.json(new Switched(now, "Model " + now + " answers now."));
        } catch (ModelStoreException e) {
            throw new WebError(404, e.getMessage());
        }
    }

    void rollback(Context ctx) {
        security.requireCsrf(ctx);
        security.requireAdmin(ctx);
        refuseWhileTraining();
        try {
            String back =
                    models.rollBack().orElseThrow(() -> new WebError(409, "there is no earlier model to go back to"));
            ctx.json(new Switched(back, "Rolled back: model " + back + " answers now."));
        } catch (ModelStoreException e) {
            throw new WebError(409, e.getMessage());
        }
    }

    private void refuseWhileTraining() {
        if (training.isRunning()) {
            throw new WebError(409, "a training is running and will switch the model when it ends; try again after it");
        }
    }
}
