package umimegu.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import com.sun.net.httpserver.HttpServer;

import umimegu.TestFixtures;

/** The real download code against an HTTP server on loopback serving the shared cascade. */
class CascadeFilesTest {
    private static final String SHA = "9376d30ac38db6bda2a68b88b3b76bbd7e6aa33af47f7f5c76bc88ca75f1ce30";

    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    @BeforeEach
    void serve() throws Exception {
        byte[] cascade = Files.readAllBytes(TestFixtures.sharedData("cascades").resolve("lbpcascade_animeface.xml"));
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

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    private FaceSettings settings(String cascade, String path) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new FaceSettings(cascade, url, SHA, cache, Duration.ofMillis(1500), FaceSettings.Fallback.WHOLE_IMAGE,
                1.1, 5, 24, 0.25, 400);
    }

    @Test
    void downloadsVerifiesCachesAndThenUsesTheCache() throws Exception {
        Path file = new CascadeFiles(settings("anime", "/good.xml")).resolve();
        assertEquals(cache.resolve("lbpcascade_animeface.xml"), file);
        assertEquals(1, requests.get());
        try (CascadeFaceDetector detector = new CascadeFaceDetector(file, settings("anime", "/good.xml"))) {
            assertTrue(detector.detect(new ImageDecoder().decode(TestFixtures.sharedData("millionlive")
                    .resolve("tokoro_megumi.png"))).size() == 1);
        }
        new CascadeFiles(settings("anime", "/good.xml")).resolve();
        assertEquals(1, requests.get(), "second use reads the cache");

        Files.writeString(file, "corrupted");
        new CascadeFiles(settings("anime", "/good.xml")).resolve();
        assertEquals(2, requests.get(), "a cache that fails its checksum is downloaded again");
    }

    @Test
    void aWrongChecksumIsRefusedAndNothingIsCached() {
        CascadeUnavailableException e = assertThrows(CascadeUnavailableException.class,
                () -> new CascadeFiles(settings("anime", "/tampered.xml")).resolve());
        assertTrue(e.getMessage().contains("expected " + SHA), e.getMessage());
        assertFalse(Files.exists(cache.resolve("lbpcascade_animeface.xml")));
    }

    @Test
    void aServerThatHangsTimesOut() {
        long start = System.nanoTime();
        CascadeUnavailableException e = assertThrows(CascadeUnavailableException.class,
                () -> new CascadeFiles(settings("anime", "/hang.xml")).resolve());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("no complete answer within 1500 ms"), e.getMessage());
        assertTrue(ms < 10_000, "gave up after " + ms + " ms");
    }

    @Test
    void aMissingServerOrFileSaysSo() {
        server.stop(0);
        CascadeUnavailableException down = assertThrows(CascadeUnavailableException.class,
                () -> new CascadeFiles(settings("anime", "/good.xml")).resolve());
        assertTrue(down.getMessage().startsWith("cannot download the anime face cascade from http://127.0.0.1:"),
                down.getMessage());
        CascadeUnavailableException missing = assertThrows(CascadeUnavailableException.class,
                () -> new CascadeFiles(settings("/no/such/cascade.xml", "/good.xml")).resolve());
        assertTrue(missing.getMessage().contains("/no/such/cascade.xml"), missing.getMessage());
    }

    @Test
    void cascadesInsideOpenCvCanBeChosenByName() throws Exception {
        Path haar = new CascadeFiles(settings("haarcascade_frontalface_default", "/good.xml")).resolve();
        assertTrue(Files.size(haar) > 100_000);
        try (CascadeFaceDetector detector = new CascadeFaceDetector(haar, settings("x", "/good.xml"))) {
            assertEquals(1, detector.detect(new ImageDecoder().decode(TestFixtures.sharedData("photos/face")
                    .resolve("hopper.jpg"))).size());
        }
        assertEquals(0, requests.get());
    }
}
