package umimegu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class NetworkGuardTest {

    /** Run only through the test kit below (surefire skips nested classes). */
    static class TriesTheInternet {
        @Test
        void opensExampleOrgAndIgnoresTheFailure() {
            try (InputStream in = new URL("https://example.org/").openStream()) {
                in.readAllBytes();
            } catch (IOException ignored) {
                // a test that swallows the error must fail all the same
            }
        }

        @Test
        void talksToLoopback() throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, 2);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("ok".getBytes());
                }
            });
            server.start();
            try (InputStream in =
                    new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/").openStream()) {
                assertEquals("ok", new String(in.readAllBytes()));
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void aTestThatOpensAnInternetAddressFailsAndLoopbackIsAllowed() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(TriesTheInternet.class))
                .execute();

        results.testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().get(0);
        assertEquals(
                "opensExampleOrgAndIgnoresTheFailure()",
                failed.getTestDescriptor().getDisplayName());
        Throwable why = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow();
        assertTrue(why.getMessage().contains("https://example.org"), why.getMessage());
    }

    @Test
    void plainSocketsAreStoppedBeforeTheyLeaveTheMachine() {
        // 192.0.2.1 is TEST-NET-1 (documentation only); the guard turns the connection towards a closed loopback port
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(
                        new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 443), 2000);
            }
        });
        assertEquals(java.util.List.of("socket://192.0.2.1:443"), NetworkGuard.drainBlocked());
    }

    @Test
    void loopbackAddressesAreRecognised() {
        assertTrue(NetworkGuard.isLoopback("localhost"));
        assertTrue(NetworkGuard.isLoopback("127.0.0.1"));
        assertTrue(NetworkGuard.isLoopback("127.4.5.6"));
        assertTrue(NetworkGuard.isLoopback("[::1]"));
        assertFalse(NetworkGuard.isLoopback("discord.com"));
        assertFalse(NetworkGuard.isLoopback("10.0.0.1"));
        assertFalse(NetworkGuard.isLoopback("127.0.0.1.example.org"));
        Proxy redirected = ProxySelector.getDefault()
                .select(URI.create("https://example.org/"))
                .get(0);
        assertEquals(Proxy.Type.HTTP, redirected.type());
        NetworkGuard.drainBlocked();
    }
}
