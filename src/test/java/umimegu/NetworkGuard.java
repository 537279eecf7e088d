package umimegu;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests never reach the internet. Registered for every test class (service loader,
 * {@code junit-platform.properties}), it installs a default {@link ProxySelector} that every
 * JDK connection consults before connecting: {@code java.net.http.HttpClient},
 * {@code HttpURLConnection}, OkHttp without an explicit proxy, and plain {@code Socket}s (through
 * the JDK's SOCKS layer, as {@code socket://host:port}). A connection to a host that is not
 * loopback is sent to a closed port on 127.0.0.1 instead, so it fails at once, and the test that
 * was running fails with the address it tried. NIO {@code SocketChannel}s opened directly do not
 * consult it; CI's second run, in a network namespace with only loopback, covers those.
 */
public final class NetworkGuard implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private static final ConcurrentLinkedQueue<String> blocked = new ConcurrentLinkedQueue<>();
    /** Port 1 on loopback: nothing listens there, so the redirected connection is refused at once. */
    private static final InetSocketAddress NOWHERE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);

    private static final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            String host = uri.getHost();
            if (host == null || isLoopback(host)) {
                return List.of(Proxy.NO_PROXY);
            }
            blocked.add(uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
            Proxy.Type type = "socket".equals(uri.getScheme()) ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
            return List.of(new Proxy(type, NOWHERE));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            // expected for every blocked connection
        }
    }

    static {
        ProxySelector.setDefault(new Selector());
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no name lookup
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Connections blocked since the last call, and forgets them. */
    public static List<String> drainBlocked() {
        List<String> out = new ArrayList<>();
        for (String s; (s = blocked.poll()) != null; ) {
            out.add(s);
        }
        return out;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // the static initialiser has installed the selector; keep a test class from replacing it unnoticed
        if (!(ProxySelector.getDefault() instanceof Selector)) {
            ProxySelector.setDefault(new Selector());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failIfBlocked(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failIfBlocked(context.getDisplayName());
    }

    private static void failIfBlocked(String where) {
        List<String> tried = drainBlocked();
        if (!tried.isEmpty()) {
            throw new AssertionError("tests must not reach the internet; " + where + " tried " + tried);
        }
    }
}
