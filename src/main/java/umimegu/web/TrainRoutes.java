package umimegu.web;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.common.Png;
import umimegu.history.HistoryException;
import umimegu.report.TrainingText;
import umimegu.teaching.Labels;
import umimegu.teaching.TrainingPictures;
import umimegu.usecase.Teaching;
import umimegu.usecase.TrainModel;
import umimegu.usecase.TrainingEvent;
import umimegu.vision.ImageDecodeException;
import umimegu.vision.ImageDecoder;

/**
 * The Train view: labels with counts and thumbnails; start and cancel a training (admin) through
 * the process's one {@link TrainModel}, so a training started here shows in the chat and the other
 * way round; its progress as server-sent events and its curves as they are redrawn.
 */
final class TrainRoutes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrainRoutes.class);
    private static final int THUMBNAILS = 4;
    private static final int THUMBNAIL_SIDE = 64;

    private final TrainModel training;
    private final Teaching teaching;
    private final ImageDecoder decoder;
    private final WebSecurity security;
    private final Queue<SseClient> clients = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ScheduledExecutorService heartbeats =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "training-events-heartbeat");
                t.setDaemon(true);
                return t;
            });
    private final AutoCloseable watching;
    private volatile TrainingEvent last;

    TrainRoutes(TrainModel training, Teaching teaching, ImageDecoder decoder, WebSecurity security) {
        this.training = training;
        this.teaching = teaching;
        this.decoder = decoder;
        this.security = security;
        this.watching = training.watch(this::broadcast);
        this.heartbeats.scheduleWithFixedDelay(
                this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    record Label(String label, int pictures, int fromChat, long pending, int thumbnails) {}

    void labels(Context ctx) {
        Map<String, TrainingPictures.LabelCount> counts = teaching.pictures().counts();
        Map<String, Long> pending = Map.of();
        try {
            pending = teaching.history().reviews().map(f -> f.pendingPerLabel()).orElse(Map.of());
        } catch (HistoryException e) {
            log.warn("Pending reviews unknown: {}", e.getMessage());
        }
        List<Label> labels = new ArrayList<>();
        for (TrainingPictures.LabelCount c : counts.values()) {
            labels.add(new Label(
                    c.label(),
                    c.pictures(),
                    c.fromChat(),
                    pending.getOrDefault(c.label(), 0L),
                    Math.min(THUMBNAILS, c.pictures())));
        }
        ctx.json(labels);
    }

    void thumbnail(Context ctx) {
        String label = ctx.pathParam("label");
        int n;
        try {
            n = Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw new WebError(400, "thumbnail numbers are 0.." + (THUMBNAILS - 1));
        }
        if (!Labels.isValid(label) || n < 0 || n >= THUMBNAILS) {
            throw new WebError(404, "no such thumbnail");
        }
        List<Path> sample = teaching.pictures().sample(label, THUMBNAILS);
        if (n >= sample.size()) {
            throw new WebError(404, "no such thumbnail");
        }
        try {
            BufferedImage picture = decoder.decode(sample.get(n));
            ctx.contentType("image/png").result(Png.encode(shrink(picture)));
        } catch (ImageDecodeException e) {
            throw new WebError(422, "that picture cannot be read: " + e.getMessage());
        }
    }

    private static BufferedImage shrink(BufferedImage picture) {
        double scale = (double) THUMBNAIL_SIDE / Math.max(picture.getWidth(), picture.getHeight());
        int w = Math.max(1, (int) Math.round(picture.getWidth() * Math.min(1, scale)));
        int h = Math.max(1, (int) Math.round(picture.getHeight() * Math.min(1, scale)));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(picture, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    record Started(boolean started, String message) {}

    /** A training event as the page reads it (numbers that are not known yet are null). */
    record Progress(
            String kind,
            String text,
            int epoch,
            int maxEpochs,
            int batch,
            int batches,
            Double valLoss,
            Double valAccuracy,
            String modelId) {
        static Progress of(TrainingEvent e) {
            return e == null
                    ? null
                    : new Progress(
                            e.kind(),
                            e.text(),
                            e.epoch(),
                            e.maxEpochs(),
                            e.batch(),
                            e.batches(),
                            WebJson.number(e.valLoss()),
                            WebJson.number(e.valAccuracy()),
                            e.modelId());
        }
    }

    record State(boolean running, Progress last) {}

    void start(Context ctx) {
        security.requireCsrf(ctx);
        security.requireAdmin(ctx);
        TrainModel.Start start = training.start(end -> {}); // the page follows every training through its events
        boolean started = start instanceof TrainModel.Started;
        ctx.status(started ? 202 : 409)
                .json(new Started(started, started ? "Training started" : TrainingText.notStarted(start, "")));
    }

    void cancel(Context ctx) {
        security.requireCsrf(ctx);
        security.requireAdmin(ctx);
        ctx.json(new Started(
                false,
                training.cancel() == TrainModel.Cancel.CANCELLING
                        ? "Cancelling the training after the current batch…"
                        : "No training is running."));
    }

    void state(Context ctx) {
        ctx.json(new State(training.isRunning(), Progress.of(last)));
    }

    void curve(Context ctx) {
        Path file = training.curve(ctx.pathParam("name")).orElseThrow(() -> new WebError(404, "no curve yet"));
        try {
            ctx.contentType("image/png").result(Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new WebError(404, "the curve is being redrawn; ask again");
        }
    }

    /** Pages following the training at once; one more is told why and closed. */
    static final int MAX_STREAMS = 32;

    private static final long HEARTBEAT_SECONDS = 5;

    void events(SseClient client) {
        synchronized (clients) {
            if (clients.size() >= MAX_STREAMS) {
                client.sendEvent(
                        "refused",
                        new Refused("at most " + MAX_STREAMS + " pages can follow the training at once;"
                                + " close one and reload"));
                client.close();
                return;
            }
            clients.add(client);
        }
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        client.sendEvent("state", new State(training.isRunning(), Progress.of(last)));
    }

    record Refused(String error) {}

    /** The pages following the training now (for tests). */
    int streams() {
        return clients.size();
    }

    /**
     * A comment to every page now and then: writing to one that went away fails, which closes it
     * and frees its connection, so pages that left without saying so are not kept open.
     */
    private void heartbeat() {
        for (SseClient client : clients) {
            try {
                client.sendComment("still here");
            } catch (RuntimeException e) {
                client.close();
            }
            if (client.terminated()) {
                clients.remove(client);
            }
        }
    }

    private void broadcast(TrainingEvent event) {
        last = event;
        for (SseClient client : clients) {
            try {
                client.sendEvent(event.kind(), Progress.of(event));
            } catch (RuntimeException e) {
                client.close();
            }
            if (client.terminated()) {
                clients.remove(client);
            }
        }
    }

    @Override
    public void close() {
        try {
            watching.close();
        } catch (Exception e) {
            log.warn("Could not stop watching the training: {}", e.getMessage());
        }
        heartbeats.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
