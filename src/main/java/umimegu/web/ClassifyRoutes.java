package umimegu.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import umimegu.model.PictureClassifier;
import umimegu.recognition.Annotator;
import umimegu.recognition.AnswerFormatter;
import umimegu.recognition.FaceAnswer;
import umimegu.recognition.Origin;
import umimegu.usecase.AnswerPicture;
import umimegu.usecase.JudgeAnswer;
import umimegu.usecase.LiveModel;
import umimegu.usecase.Teaching;
import umimegu.vision.DecoderBusyException;
import umimegu.vision.FaceBox;
import umimegu.vision.ImageDecodeException;

/**
 * {@code POST /api/classify}: the pictures of one upload, each answered by the same use case as
 * the chat, annotated; {@code POST /api/feedback}: a face judged right or wrong.
 */
final class ClassifyRoutes {
    private final AnswerPicture answering;
    private final AnswerFormatter answers;
    private final LiveModel live;
    private final Teaching teaching;
    private final WebSecurity security;
    private final long maxBytes;
    private final int maxFiles;
    private final boolean nsfwPage;

    ClassifyRoutes(
            AnswerPicture answering,
            AnswerFormatter answers,
            LiveModel live,
            Teaching teaching,
            WebSecurity security,
            long maxBytes,
            int maxFiles,
            boolean nsfwPage) {
        this.answering = answering;
        this.answers = answers;
        this.live = live;
        this.teaching = teaching;
        this.security = security;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        this.nsfwPage = nsfwPage;
    }

    record Box(int x, int y, int width, int height) {}

    record Face(
            int number,
            Box box,
            String label,
            String name,
            double probability,
            Map<String, Double> probabilities,
            boolean notSure,
            String line) {}

    record Picture(
            String name,
            String error,
            String answerId,
            String modelId,
            String outcome,
            List<Face> faces,
            List<String> lines,
            String annotated,
            boolean spoiler) {
        static Picture failed(String name, String error) {
            return new Picture(name, error, null, null, null, List.of(), List.of(), null, false);
        }
    }

    record Answers(List<Picture> pictures) {}

    /** The multipart field that carries the pictures. */
    static final String FIELD = "pictures";

    void classify(Context ctx) {
        security.requireCsrf(ctx);
        List<UploadedFile> files = uploads(ctx);
        if (files.isEmpty()) {
            throw new WebError(400, "send pictures as multipart form data (field 'pictures')");
        }
        if (files.size() > maxFiles) {
            throw new WebError(413, "at most " + maxFiles + " pictures per upload, got " + files.size());
        }
        if (!live.isPresent()) {
            throw new WebError(409, "no model yet: train one first (Train page, or the train command)");
        }
        List<Picture> pictures = new ArrayList<>();
        for (UploadedFile file : files) {
            pictures.add(answer(file));
        }
        boolean allFailed = pictures.stream().allMatch(p -> p.error() != null);
        ctx.status(allFailed ? (pictures.stream().anyMatch(p -> p.error().contains("too large")) ? 413 : 415) : 200);
        ctx.json(new Answers(pictures));
    }

    /**
     * The files uploaded in the field {@value #FIELD}; files under another name are a 400 that names
     * the field, a file over the limit is a clear 413, a malformed upload a 400.
     */
    private List<UploadedFile> uploads(Context ctx) {
        try {
            Map<String, List<UploadedFile>> fields = ctx.uploadedFileMap();
            List<UploadedFile> pictures = fields.getOrDefault(FIELD, List.of());
            if (pictures.isEmpty() && !fields.isEmpty()) {
                throw new WebError(
                        400,
                        "send the pictures in the field '" + FIELD + "' (this upload has "
                                + fields.keySet().stream()
                                        .map(f -> "'" + WebText.printable(f) + "'")
                                        .sorted()
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + ")");
            }
            return pictures;
        } catch (WebError e) {
            throw e;
        } catch (Exception e) { // Jetty reports limits as exceptions wrapped in exceptions
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("size exceeded") || m.contains("too large")) {
                    throw new WebError(
                            413,
                            String.format(
                                    java.util.Locale.ROOT,
                                    "a picture is too large: the limit is %.1f MiB a picture, %d pictures an upload",
                                    maxBytes / 1048576.0,
                                    maxFiles));
                }
            }
            throw new WebError(400, "the upload could not be read as multipart form data");
        }
    }

    private Picture answer(UploadedFile file) {
        String name = WebText.printable(file.filename());
        if (file.size() > maxBytes) {
            return Picture.failed(
                    name,
                    String.format(
                            java.util.Locale.ROOT,
                            "%s is too large (%.1f MiB; the limit is %.1f MiB)",
                            name,
                            file.size() / 1048576.0,
                            maxBytes / 1048576.0));
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE));
        } catch (IOException e) {
            return Picture.failed(name, "could not read the upload of " + name);
        }
        if (bytes.length > maxBytes) {
            return Picture.failed(name, name + " is too large");
        }
        AnswerPicture.Answer a;
        try {
            a = answering.answer(bytes, name, new Origin("web", null, "web", null), true, nsfwPage);
        } catch (ImageDecodeException e) {
            return Picture.failed(name, "couldn't read " + e.getMessage());
        } catch (DecoderBusyException e) {
            throw new WebError(503, e.getMessage());
        }
        PictureClassifier model = live.get();
        List<Face> faces = new ArrayList<>();
        List<String> lines = a.lines();
        for (int i = 0; i < a.recognition().faces().size(); i++) {
            FaceAnswer f = a.recognition().faces().get(i);
            Map<String, Double> all = new LinkedHashMap<>();
            List<Double> p = f.prediction().probabilities();
            for (int j = 0; j < p.size() && j < model.labels().size(); j++) {
                all.put(model.labels().get(j), p.get(j));
            }
            FaceBox at = a.recognition().originalBox(f); // in the posted picture's pixels
            Box box = at == null ? null : new Box(at.x(), at.y(), at.width(), at.height());
            faces.add(new Face(
                    f.number(),
                    box,
                    f.prediction().label(),
                    answers.displayName(f.prediction().label()),
                    f.prediction().probability(),
                    all,
                    f.unsure(),
                    i < lines.size() ? lines.get(i) : ""));
        }
        // the page always shows the picture: with its boxes, or as it is when the whole picture was classified
        byte[] png =
                a.annotatedPng() != null ? a.annotatedPng() : Annotator.png(Annotator.draw(a.recognition(), answers));
        String annotated = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        return new Picture(
                name,
                null,
                faces.isEmpty() ? null : a.answerId(),
                a.recognition().modelId(),
                a.recognition().outcome().name().toLowerCase(java.util.Locale.ROOT),
                faces,
                lines,
                annotated,
                a.spoiler());
    }

    record Judgement(String answerId, Integer face, boolean right, String label) {
        /** The judgement a body says, each field of its type (no "yes" for true); a 400 otherwise. */
        static Judgement of(com.google.gson.JsonObject body) {
            try {
                if (body == null
                        || !body.has("answerId")
                        || !body.get("answerId").getAsJsonPrimitive().isString()
                        || !body.has("right")
                        || !body.get("right").getAsJsonPrimitive().isBoolean()) {
                    throw new WebError(400, "send " + FEEDBACK_FORM);
                }
                Integer face = null;
                if (body.has("face") && !body.get("face").isJsonNull()) {
                    var n = body.get("face").getAsJsonPrimitive();
                    if (!n.isNumber()
                            || n.getAsBigDecimal().stripTrailingZeros().scale() > 0
                            || n.getAsBigDecimal().abs().compareTo(java.math.BigDecimal.valueOf(1000)) > 0) {
                        throw new WebError(400, "the face is a number as the answer shows it; send " + FEEDBACK_FORM);
                    }
                    face = n.getAsInt();
                }
                String label = null;
                if (body.has("label") && !body.get("label").isJsonNull()) {
                    var l = body.get("label").getAsJsonPrimitive();
                    if (!l.isString()) {
                        throw new WebError(400, "the label is text; send " + FEEDBACK_FORM);
                    }
                    label = l.getAsString();
                }
                return new Judgement(
                        body.get("answerId").getAsString(),
                        face,
                        body.get("right").getAsBoolean(),
                        label);
            } catch (IllegalStateException e) { // a field that is an object or an array
                throw new WebError(400, "send " + FEEDBACK_FORM);
            }
        }
    }

    record Judged(String status, String text) {}

    private static final String FEEDBACK_FORM =
            "JSON {\"answerId\": text, \"face\": a number or null, \"right\": true or false, \"label\": text or null}";

    void feedback(Context ctx) {
        security.requireCsrf(ctx);
        Judgement j = Judgement.of(WebJson.body(ctx, com.google.gson.JsonObject.class, FEEDBACK_FORM));
        String label = j.right() || j.label() == null || j.label().isBlank()
                ? null
                : j.label().trim();
        JudgeAnswer.Result r;
        try {
            r = teaching.judge().judge(j.answerId(), j.face(), j.right(), label, "web", security.isAdmin(ctx));
        } catch (IllegalArgumentException e) {
            throw new WebError(400, e.getMessage());
        }
        if (r.status() == JudgeAnswer.Status.UNKNOWN_ANSWER
                || r.status() == JudgeAnswer.Status.NO_SUCH_FACE
                || r.status() == JudgeAnswer.Status.WHICH_FACE) {
            throw new WebError(400, WebText.judged(r));
        }
        if (r.status() == JudgeAnswer.Status.NO_HISTORY) {
            throw new WebError(503, WebText.judged(r));
        }
        ctx.json(new Judged(r.status().name().toLowerCase(java.util.Locale.ROOT), WebText.judged(r)));
    }
}
