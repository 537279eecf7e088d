package umimegu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import umimegu.TestFixtures;

/** The JSON API against the real server on a loopback port: answers, refusals, security, concurrency. */
class WebApiTest {
    @RegisterExtension
    static WebFixture web = new WebFixture();

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String csrf;

    @BeforeAll
    static void session() throws Exception {
        csrf = json(send(HttpRequest.newBuilder(URI.create(web.url("/api/session")))
                        .GET()))
                .get("csrf")
                .getAsString();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> r) {
        return new Gson().fromJson(r.body(), JsonObject.class);
    }

    /** A multipart upload of files under the field 'pictures'. */
    static HttpRequest.Builder upload(Map<String, byte[]> files, boolean withCsrf) {
        String boundary = "----umimegu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"pictures\"; filename=\""
                            + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.url("/api/classify")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return withCsrf ? b.header("X-CSRF-Token", csrf) : b;
    }

    static byte[] synthetic() throws Exception {
        try (Stream<Path> files = Files.list(web.work().resolve("images-test/umi"))) {
            return Files.readAllBytes(files.sorted().findFirst().orElseThrow());
        }
    }

    @Test
    void aPictureIsAnsweredWithBoxesLabelsProbabilitiesAndTheModel() throws Exception {
        HttpResponse<String> r = send(upload(Map.of("umi.png", synthetic()), true));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject picture = json(r).getAsJsonArray("pictures").get(0).getAsJsonObject();
        assertEquals(web.app().store().currentId(), picture.get("modelId").getAsString());
        JsonObject face = picture.getAsJsonArray("faces").get(0).getAsJsonObject();
        assertTrue(List.of("megumi", "umi").contains(face.get("label").getAsString()));
        double sum = face.getAsJsonObject("probabilities").entrySet().stream()
                .mapToDouble(e -> e.getValue().getAsDouble())
                .sum();
        assertEquals(1.0, sum, 1e-3);
        assertTrue(face.get("line").getAsString().matches("(This is|Not sure — closest is|I don't know this one).*"));
        assertNotNull(picture.get("answerId").getAsString());
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void aRealAnimeCropAndAGroupPictureFromTheSharedData() throws Exception {
        Path anime = TestFixtures.sharedData("anime");
        Path crop;
        try (Stream<Path> files = Files.walk(anime)) {
            crop = files.filter(f -> f.toString().endsWith(".png"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        HttpResponse<String> one = send(upload(Map.of(crop.getFileName().toString(), Files.readAllBytes(crop)), true));
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(
                1,
                json(one)
                        .getAsJsonArray("pictures")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("faces")
                        .size());

        Path group = TestFixtures.sharedData("anime_scenes").resolve("detect_04.jpg");
        HttpResponse<String> r = send(upload(Map.of("detect_04.jpg", Files.readAllBytes(group)), true));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject picture = json(r).getAsJsonArray("pictures").get(0).getAsJsonObject();
        JsonArray faces = picture.getAsJsonArray("faces");
        assertEquals(5, faces.size(), "five faces in detect_04.jpg");
        for (var f : faces) {
            assertTrue(f.getAsJsonObject().get("box").isJsonObject(), "each face has its box");
        }
        String annotated = picture.get("annotated").getAsString();
        assertTrue(annotated.startsWith("data:image/png;base64,"));
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(annotated.substring(22))));
        assertEquals(ImageIO.read(group.toFile()).getWidth(), image.getWidth());
        assertFalse(picture.get("spoiler").getAsBoolean(), "a safe group picture is shown, not blurred");
    }

    @Test
    void awkwardFilesAreAnsweredOrRefusedWithAReasonNeverAServerError() throws Exception {
        Path odd = TestFixtures.sharedData("odd");
        List<Path> files;
        try (Stream<Path> all = Files.walk(odd)) {
            files = all.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            HttpResponse<String> r = send(upload(Map.of(f.getFileName().toString(), Files.readAllBytes(f)), true));
            JsonObject picture = json(r).getAsJsonArray("pictures").get(0).getAsJsonObject();
            if (r.statusCode() == 200) {
                assertFalse(picture.getAsJsonArray("faces").isEmpty(), f + ": " + r.body());
            } else {
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, f + ": " + r.statusCode());
                assertTrue(picture.get("error").getAsString().length() > 10, f + ": " + r.body());
            }
        }
        HttpResponse<String> text =
                send(upload(Map.of("notes.png", "just text".getBytes(StandardCharsets.UTF_8)), true));
        assertEquals(415, text.statusCode());
        assertTrue(text.body().contains("not an image"), text.body());
        assertFalse(text.body().contains("Exception"), text.body());
    }

    @Test
    void tooManyPicturesOrTooLargeOnesAreRefusedWithAReason() throws Exception {
        Map<String, byte[]> eleven = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("p" + i + ".png", synthetic());
        }
        HttpResponse<String> many = send(upload(eleven, true));
        assertEquals(413, many.statusCode());
        assertTrue(json(many).get("error").getAsString().startsWith("at most 10 pictures"), many.body());
        HttpResponse<String> huge = send(upload(Map.of("huge.png", new byte[11 * 1024 * 1024]), true));
        assertEquals(413, huge.statusCode(), huge.body());
    }

    @Test
    void adminActionsNeedTheTokenAndEveryChangeNeedsTheCsrfToken() throws Exception {
        HttpRequest.Builder train = HttpRequest.newBuilder(URI.create(web.url("/api/train")))
                .header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.noBody());
        assertEquals(401, send(train).statusCode());
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(web.url("/api/train")))
                .header("X-CSRF-Token", csrf)
                .header("X-Admin-Token", "guess")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, wrong.statusCode());
        assertEquals("wrong admin token", json(wrong).get("error").getAsString());
        HttpResponse<String> noCsrf = send(HttpRequest.newBuilder(URI.create(web.url("/api/models/rollback")))
                .header("X-Admin-Token", WebFixture.TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, noCsrf.statusCode());
        assertTrue(json(noCsrf).get("error").getAsString().contains("CSRF"));
        assertEquals(403, send(upload(Map.of("umi.png", synthetic()), false)).statusCode(), "classify needs it too");
        assertEquals(
                403,
                send(HttpRequest.newBuilder(URI.create(web.url("/api/feedback")))
                                .POST(HttpRequest.BodyPublishers.ofString("{}")))
                        .statusCode());
    }

    @Test
    void noRequestPathReachesTheFileSystem() throws Exception {
        for (String path : List.of(
                "/api/models/..%2F..%2Fetc/passwd",
                "/api/models/x/..%2F..%2Fnetwork.zip",
                "/api/models/" + web.app().store().currentId() + "/network.zip",
                "/api/crops/..%2F..%2Fhistory.key",
                "/api/labels/..%2Fimages/thumbnail/0",
                "/api/labels/umi/thumbnail/-1",
                "/../pom.xml",
                "/web/",
                "/api/history?model=../../x")) {
            HttpResponse<String> r =
                    send(HttpRequest.newBuilder(URI.create(web.url(path))).GET());
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " -> " + r.statusCode() + " " + r.body());
            assertFalse(r.body().contains("root:") || r.body().contains("Exception"), path);
        }
    }

    /**
     * The hostile-picture corpus through the API, eight uploads at a time: every one answered (200)
     * or refused with a JSON reason (413, 415, 503), never a server error, and the server still
     * answers a good picture after them.
     */
    @Test
    void hostilePicturesThroughTheApiConcurrentlyAreAnsweredOrRefused() throws Exception {
        Map<String, byte[]> cases = new java.util.LinkedHashMap<>();
        java.util.Random random = new java.util.Random(20261206);
        List<byte[]> seeds = umimegu.vision.HostileCorpus.seeds();
        for (int i = 0; i < 120; i++) {
            cases.put(
                    "m" + i + ".img",
                    umimegu.vision.HostileCorpus.mutate(seeds.get(random.nextInt(seeds.size())), random));
        }
        Path generator = umimegu.TestFixtures.SHARED_DATA
                .resolve("../tools/hostile-images/gen.py")
                .normalize();
        for (Path f :
                umimegu.vision.HostileCorpus.generated(generator, web.work().resolve("hostile"))) {
            if (Files.size(f) <= 11 * 1024 * 1024 && Files.isRegularFile(f)) {
                cases.put(web.work().resolve("hostile").relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Map<String, Future<HttpResponse<String>>> sent = new java.util.LinkedHashMap<>();
            cases.forEach((name, bytes) -> sent.put(name, pool.submit(() -> send(upload(Map.of(name, bytes), true)))));
            for (var e : sent.entrySet()) {
                HttpResponse<String> r = e.getValue().get(3, java.util.concurrent.TimeUnit.MINUTES);
                assertTrue(
                        List.of(200, 413, 415, 503).contains(r.statusCode()),
                        e.getKey() + " -> " + r.statusCode() + " " + r.body());
                JsonObject body = json(r);
                assertTrue(
                        r.statusCode() == 200 || body.has("error") || body.has("pictures"),
                        e.getKey() + " -> " + r.body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, send(upload(Map.of("good.png", synthetic()), true)).statusCode(), "still answering");
    }

    /**
     * Pages that follow the training and leave without saying so are let go within seconds, and
     * more than {@link TrainRoutes#MAX_STREAMS} at once are told why and closed.
     */
    @Test
    void eventStreamsAreCappedAndLeftOnesReleased() throws Exception {
        long quiet = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (web.eventStreams() > 0 && System.nanoTime() < quiet) {
            Thread.sleep(100); // streams other tests left are let go by the heartbeat
        }
        assertEquals(0, web.eventStreams(), "the streams other tests left are let go");
        List<java.net.Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < TrainRoutes.MAX_STREAMS + 3; i++) {
                java.net.Socket s = new java.net.Socket(
                        "127.0.0.1", java.net.URI.create(web.url("/")).getPort());
                s.getOutputStream()
                        .write(("GET /api/train/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream"
                                        + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                sockets.add(s);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (web.eventStreams() < TrainRoutes.MAX_STREAMS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(TrainRoutes.MAX_STREAMS, web.eventStreams(), "capped");
            int refused = 0;
            for (java.net.Socket s : sockets) {
                refused += firstEvent(s).equals("refused") ? 1 : 0;
            }
            assertEquals(3, refused, "one refusal for each page over the cap");
        } finally {
            for (java.net.Socket s : sockets) {
                s.close(); // as a browser tab that is closed
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (web.eventStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, web.eventStreams(), "closed pages are let go");
    }

    /** The name of the first event on a raw event stream. */
    private static String firstEvent(java.net.Socket s) throws Exception {
        s.setSoTimeout(10_000);
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        java.util.regex.Pattern event = java.util.regex.Pattern.compile("event: (\\w+)\n");
        while (true) {
            java.util.regex.Matcher m = event.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
            int n = s.getInputStream().read(buffer);
            if (n < 0) {
                return "";
            }
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
    }

    @Test
    void refusalsNameNoServerFolder() throws Exception {
        HttpResponse<String> r = send(admin("/api/models/nonexistent/use"));
        assertEquals(404, r.statusCode(), r.body());
        assertTrue(json(r).get("error").getAsString().contains("nonexistent"), r.body());
        assertFalse(r.body().contains(web.work().toString()), r.body());
        assertFalse(r.body().contains(web.work().toRealPath().toString()), r.body());
    }

    @Test
    void malformedFeedbackIsA400WithAReason() throws Exception {
        for (String body : List.of(
                "{\"answerId\":",
                "[1,2]",
                "null",
                "",
                "{\"face\":\"abc\",\"right\":\"yes\"}",
                "[".repeat(50_000) + "]".repeat(50_000),
                "{\"answerId\":\"a\",\"face\":99999999999,\"right\":false}",
                "{\"answerId\":\"a\",\"right\":\"maybe\"}")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(web.url("/api/feedback")))
                    .header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            String shown = body.length() > 40 ? body.substring(0, 40) + "…" : body;
            assertEquals(400, r.statusCode(), shown + " -> " + r.body());
            assertTrue(json(r).get("error").getAsString().contains("answerId"), shown + " -> " + r.body());
        }
    }

    @Test
    void requestsJettyRefusesGetTheApisErrorShape() throws Exception {
        for (HttpRequest.Builder request : List.of(
                HttpRequest.newBuilder(URI.create(web.url("/api/models/x%00/use")))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                HttpRequest.newBuilder(URI.create(web.url("/%2e%2e/pom.xml"))).GET(),
                HttpRequest.newBuilder(URI.create(web.url("/api/models")))
                        .header("X-Admin-Token", "x".repeat(60_000))
                        .GET())) {
            HttpResponse<String> r = send(request);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
            assertTrue(
                    r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    r.headers().toString());
            assertTrue(json(r).get("error").getAsString().startsWith("the request was refused"), r.body());
        }
    }

    @Test
    void picturesUnderAnotherFieldAreRefusedNamingTheField() throws Exception {
        String boundary = "----umimegu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"ok.png\"\r\n"
                                + "Content-Type: image/png\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(synthetic());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(web.url("/api/classify")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(
                "send the pictures in the field 'pictures' (this upload has 'picture')",
                json(r).get("error").getAsString());
    }

    @Test
    void anAdminStartsAndCancelsATrainingFromThePageAndTheModelStays() throws Exception {
        String before = web.app().store().currentId();
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean(true);
        web.chat()
                .training()
                .giveWayTo(hold::get); // as if pictures were being answered: the training waits between batches
        try {
            HttpResponse<String> started = send(admin("/api/train"));
            assertEquals(202, started.statusCode(), started.body());
            assertTrue(json(send(HttpRequest.newBuilder(URI.create(web.url("/api/train/state")))
                            .GET()))
                    .get("running")
                    .getAsBoolean());
            HttpResponse<String> again = send(admin("/api/train"));
            assertEquals(409, again.statusCode());
            assertTrue(
                    json(again).get("message").getAsString().startsWith("A training is already running"), again.body());
            HttpResponse<String> cancel = send(admin("/api/train/cancel"));
            assertEquals(
                    "Cancelling the training after the current batch…",
                    json(cancel).get("message").getAsString());
        } finally {
            hold.set(false);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonObject state;
        do {
            Thread.sleep(50);
            state = json(send(HttpRequest.newBuilder(URI.create(web.url("/api/train/state")))
                    .GET()));
        } while (state.get("running").getAsBoolean() && System.nanoTime() < deadline);
        assertFalse(state.get("running").getAsBoolean());
        assertEquals("cancelled", state.getAsJsonObject("last").get("kind").getAsString());
        assertEquals(before, web.app().store().currentId(), "a cancelled training leaves the model as it was");
        assertEquals(
                "No training is running.",
                json(send(admin("/api/train/cancel"))).get("message").getAsString());
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(web.url(path)))
                .header("X-CSRF-Token", csrf)
                .header("X-Admin-Token", WebFixture.TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void aTrainingStartedInTheChatStreamsItsProgressToThePage() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        var stream = http.sendAsync(
                        HttpRequest.newBuilder(URI.create(web.url("/api/train/events")))
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAcceptAsync(r -> r.body()
                        .forEach(
                                lines::add)); // async: never on this thread, which would read the endless stream itself
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lines.stream().noneMatch(l -> l.equals("event: state")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        web.chat()
                .handle(
                        new umimegu.chat.IncomingMessage("!train", List.of(), "42", true, "c1", "g1"),
                        reply -> java.util.concurrent.CompletableFuture.completedFuture(
                                text -> java.util.concurrent.CompletableFuture.completedFuture(null)));
        deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (lines.stream().noneMatch(l -> l.equals("event: done")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stream.cancel(true);
        for (String kind : List.of("started", "batch", "epoch", "done")) {
            assertTrue(lines.contains("event: " + kind), kind + " in " + lines);
        }
        String done = lines.get(lines.indexOf("event: done") + 1);
        assertTrue(
                done.startsWith("data: ")
                        && done.contains("\"modelId\":\"" + web.app().store().currentId() + "\""),
                done);
        JsonObject state;
        long over = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do { // the chat that started it is told just after the page
            state = json(send(HttpRequest.newBuilder(URI.create(web.url("/api/train/state")))
                    .GET()));
        } while (state.get("running").getAsBoolean() && System.nanoTime() < over);
        assertFalse(state.get("running").getAsBoolean());
        assertEquals("done", state.getAsJsonObject("last").get("kind").getAsString());
        HttpResponse<String> curve = send(HttpRequest.newBuilder(
                        URI.create(web.url("/api/models/" + web.app().store().currentId() + "/accuracy.png")))
                .GET());
        assertEquals(200, curve.statusCode());
    }

    @Test
    void twentyConcurrentUploadsAreAllAnswered() throws Exception {
        byte[] picture = synthetic();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                statuses.add(pool.submit(() ->
                        send(upload(Map.of("p" + n + ".png", picture), true)).statusCode()));
            }
            for (Future<Integer> s : statuses) {
                assertEquals(200, s.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFaceCanBeJudgedAndTheHistoryShowsIt() throws Exception {
        JsonObject picture = json(send(upload(Map.of("umi.png", synthetic()), true)))
                .getAsJsonArray("pictures")
                .get(0)
                .getAsJsonObject();
        String body = "{\"answerId\":\"" + picture.get("answerId").getAsString()
                + "\",\"face\":1,\"right\":false,\"label\":\"hibiki\"}";
        HttpResponse<String> judged = send(HttpRequest.newBuilder(URI.create(web.url("/api/feedback")))
                .header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, judged.statusCode(), judged.body());
        assertEquals("queued", json(judged).get("status").getAsString());
        JsonObject stats = json(
                send(HttpRequest.newBuilder(URI.create(web.url("/api/history"))).GET()));
        assertTrue(stats.getAsJsonObject("feedback").get("judged").getAsInt() >= 1);
        assertTrue(stats.get("total").getAsInt() >= 1);
        HttpResponse<String> chart =
                send(HttpRequest.newBuilder(URI.create(web.url("/api/history/chart.png?period=7d")))
                        .GET());
        assertEquals(200, chart.statusCode());
        HttpResponse<String> badLabel = send(HttpRequest.newBuilder(URI.create(web.url("/api/feedback")))
                .header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("hibiki", "../etc"))));
        assertEquals(400, badLabel.statusCode());
    }
}
