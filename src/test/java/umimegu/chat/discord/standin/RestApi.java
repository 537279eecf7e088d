package umimegu.chat.discord.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Discord's REST API (reached through the proxy's TLS tunnel, so the bot believes it talks to
 * https://discord.com/api/v10) and the attachment CDN (plain http://127.0.0.1, as Javacord
 * downloads attachments without the proxy). Every API request is recorded.
 */
final class RestApi implements AutoCloseable {
    private static final String API = "/api/v10";

    /** What a route answers: a status and a JSON body (null for none). */
    record Response(int status, String json) {
        static Response noContent() {
            return new Response(204, null);
        }
    }

    private final HttpServer server;
    private final Function<RecordedRequest, Response> routes;
    private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> cdn = new ConcurrentHashMap<>();
    private final List<Runnable> onRequest = new CopyOnWriteArrayList<>();

    RestApi(Function<RecordedRequest, Response> routes) throws IOException {
        this.routes = routes;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-rest");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<RecordedRequest> recorded() {
        return recorded;
    }

    void onRequest(Runnable listener) {
        onRequest.add(listener);
    }

    /** Serves bytes at a CDN URL and returns that URL. */
    String publish(String path, byte[] bytes) {
        cdn.put("/cdn/" + path, bytes);
        return "http://127.0.0.1:" + port() + "/cdn/" + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = in.readAllBytes();
            if (path.startsWith("/cdn/")) {
                byte[] file = cdn.get(path);
                send(exchange, file == null ? 404 : 200, file, "application/octet-stream");
                return;
            }
            RecordedRequest request = RecordedRequest.of(
                    exchange.getRequestMethod(),
                    path.startsWith(API) ? path.substring(API.length()) : path,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body);
            // Recorded before it is answered: a test that sees the stored message must also see its request.
            recorded.add(request);
            Response response = routes.apply(request);
            onRequest.forEach(Runnable::run);
            send(
                    exchange,
                    response.status(),
                    response.json() == null ? null : response.json().getBytes(StandardCharsets.UTF_8),
                    "application/json");
        } catch (RuntimeException e) {
            send(
                    exchange,
                    500,
                    ("{\"message\":\"stand-in error: " + e + "\"}").getBytes(StandardCharsets.UTF_8),
                    "application/json");
            throw e;
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        if (body == null || status == 204) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
