package umimegu.chat.discord.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The HTTP CONNECT proxy Javacord is pointed at. A tunnel to discord.com:443 is answered here:
 * TLS is terminated with the stand-in certificate and the plain bytes go to the stand-in's REST
 * server. Tunnels to 127.0.0.1 (the gateway) pass through unchanged. Anything else is refused
 * and remembered, so a test can fail on a request that would have left the machine.
 */
final class ConnectProxy implements AutoCloseable {
    private final ServerSocket server;
    private final SSLContext tls;
    private final int restPort;
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    ConnectProxy(SSLContext tls, int restPort) throws IOException {
        this.tls = tls;
        this.restPort = restPort;
        this.server = Loopback.listen("stand-in-proxy", client -> {
            open.add(client);
            tunnel(client);
        });
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> refused() {
        return refused;
    }

    private void tunnel(Socket client) {
        try {
            client.setSoTimeout(0);
            String request = readHead(client.getInputStream());
            String[] first = request.split("\r\n", 2)[0].split(" ");
            if (first.length < 2 || !first[0].equals("CONNECT")) {
                refuse(client, request.split("\r\n", 2)[0]);
                return;
            }
            String target = first[1];
            int colon = target.lastIndexOf(':');
            String host = target.substring(0, colon);
            int port = Integer.parseInt(target.substring(colon + 1));
            Socket upstream;
            Socket downstream = client;
            if (host.equals("discord.com") && port == 443) {
                reply(client, "HTTP/1.1 200 Connection established\r\n\r\n");
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(client, null, true);
                ssl.setUseClientMode(false);
                ssl.startHandshake();
                downstream = ssl;
                upstream = new Socket(InetAddress.getLoopbackAddress(), restPort);
            } else if (host.equals("127.0.0.1") || host.equals("localhost")) {
                upstream = new Socket(InetAddress.getLoopbackAddress(), port);
                reply(client, "HTTP/1.1 200 Connection established\r\n\r\n");
            } else {
                refuse(client, target);
                return;
            }
            open.add(upstream);
            Socket down = downstream;
            Loopback.daemon("stand-in-tunnel-back", () -> pipe(upstream, down));
            pipe(down, upstream);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    private void refuse(Socket client, String what) throws IOException {
        refused.add(what);
        reply(client, "HTTP/1.1 502 Not the stand-in\r\nContent-Length: 0\r\n\r\n");
        client.close();
    }

    private static void reply(Socket client, String head) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads up to the blank line that ends an HTTP head, byte by byte so nothing after it is consumed. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the request head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(ConnectProxy::closeQuietly);
    }
}
