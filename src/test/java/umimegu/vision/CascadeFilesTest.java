package umimegu.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umimegu.TestFixtures;
import umimegu.common.Sha256;

/**
 * The real download code against an HTTP server on loopback. It serves the shared anime cascade
 * when {@code ../shared} is there, else a cascade copied out of OpenCV's jar, so everything but
 * the detections on shared pictures runs on a bare clone.
 */
class CascadeFilesTest {
    private static final String ANIME_SHA = "9376d30ac38db6bda2a68b88b3b76bbd7e6aa33af47f7f5c76bc88ca75f1ce30";
    private static final Path SHARED_CASCADE = TestFixtures.SHARED_DATA.resolve("cascades/lbpcascade_animeface.xml");
    private static final String OPENCV_CASCADE =
            "/org/bytedeco/opencv/linux-x86_64/share/opencv4/lbpcascades/lbpcascade_frontalface_improved.xml";

    @TempDir
    Path cache;

    private HttpServer server;
    private String sha;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    @BeforeEach
    void serve() throws Exception {
        byte[] cascade = servedCascade();
        sha = Sha256.hex(cascade);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good.xml", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, cascade.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(cascade);
            }
        });
        server.createContext("/tampered.xml", exchange -> {
            byte[] body = cascade.clone();
            body[body.length / 2] ^= 1;
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/hang.xml", exchange -> {
            exchange.sendResponseHeaders(200, cascade.length);
            exchange.getResponseBody().write(cascade, 0, 100);
            exchange.getResponseBody().flush();
            try {
                released.await(); // never finishes the body until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    private static byte[] servedCascade() throws IOException {
        if (Files.isRegularFile(SHARED_CASCADE)) {
            return Files.readAllBytes(SHARED_CASCADE);
        }
        try (InputStream in = CascadeFiles.class.getResourceAsStream(OPENCV_CASCADE)) {
            return in.readAllBytes();
        }
    }

    @AfterEach
    void stop() {
        released.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private FaceSettings settings(String cascade, String path) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new FaceSettings(
                cascade,
                url,
                sha,
                cache,
                Duration.ofMillis(1500),
                FaceSettings.Fallback.WHOLE_IMAGE,
                1.1,
                5,
                24,
                0.25,
                400);
    }

    @Test
    void downloadsVerifiesCachesAndThenUsesTheCache() throws Exception {
        Path file = new CascadeFiles(settings("anime", "/good.xml")).resolve();
        assertEquals(cache.resolve("lbpcascade_animeface.xml"), file);
        assertEquals(1, requests.get());
        assertEquals(sha, Sha256.hex(Files.readAllBytes(file)));
        new CascadeFiles(settings("anime", "/good.xml")).resolve();
        assertEquals(1, requests.get(), "second use reads the cache");

        Files.writeString(file, "corrupted");
        new CascadeFiles(settings("anime", "/good.xml")).resolve();
        assertEquals(2, requests.get(), "a cache that fails its checksum is downloaded again");
    }

    @Test
    void theDownloadedAnimeCascadeFindsTheIdolsFace() throws Exception {
        Path picture = TestFixtures.sharedData("millionlive").resolve("tokoro_megumi.png");
        assertEquals(ANIME_SHA, sha, "the shared file is nagadomi's cascade");
        Path file = new CascadeFiles(settings("anime", "/good.xml")).resolve();
        try (CascadeFaceDetector detector = new CascadeFaceDetector(file, settings("anime", "/good.xml"))) {
            assertEquals(1, detector.detect(new ImageDecoder().decode(picture)).size());
        }
    }

    @Test
    void aWrongChecksumIsRefusedAndNothingIsCached() {
        CascadeUnavailableException e = assertThrows(
                CascadeUnavailableException.class,
                () -> new CascadeFiles(settings("anime", "/tampered.xml")).resolve());
        assertTrue(e.getMessage().contains("expected " + sha), e.getMessage());
        assertFalse(Files.exists(cache.resolve("lbpcascade_animeface.xml")));
    }

    @Test
    void aServerThatHangsTimesOut() {
        long start = System.nanoTime();
        CascadeUnavailableException e = assertThrows(
                CascadeUnavailableException.class, () -> new CascadeFiles(settings("anime", "/hang.xml")).resolve());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("no complete answer within 1500 ms"), e.getMessage());
        assertTrue(ms < 10_000, "gave up after " + ms + " ms");
    }

    @Test
    void aMissingServerOrFileSaysSo() {
        server.stop(0);
        CascadeUnavailableException down = assertThrows(
                CascadeUnavailableException.class, () -> new CascadeFiles(settings("anime", "/good.xml")).resolve());
        assertTrue(
                down.getMessage().startsWith("cannot download the anime face cascade from http://127.0.0.1:"),
                down.getMessage());
        CascadeUnavailableException missing = assertThrows(
                CascadeUnavailableException.class,
                () -> new CascadeFiles(settings("/no/such/cascade.xml", "/good.xml")).resolve());
        assertTrue(missing.getMessage().contains("/no/such/cascade.xml"), missing.getMessage());
    }

    @Test
    void cascadesInsideOpenCvCanBeChosenByName() throws Exception {
        Path haar = new CascadeFiles(settings("haarcascade_frontalface_default", "/good.xml")).resolve();
        assertTrue(Files.size(haar) > 100_000);
        assertEquals(0, requests.get());
    }

    @Test
    void aCascadeInsideOpenCvFindsAPhotographedFace() throws Exception {
        Path hopper = TestFixtures.sharedData("photos/face").resolve("hopper.jpg");
        Path haar = new CascadeFiles(settings("haarcascade_frontalface_default", "/good.xml")).resolve();
        try (CascadeFaceDetector detector = new CascadeFaceDetector(haar, settings("x", "/good.xml"))) {
            assertEquals(1, detector.detect(new ImageDecoder().decode(hopper)).size());
        }
    }
}
