package umimegu.config;

/**
 * The web page: where it listens ({@code web.host}, loopback by default, and {@code web.port}; 0
 * picks a free port) and how many pictures one upload may carry ({@code web.max-files}). Picture
 * size and pixel limits are the chat's and the decoder's.
 */
public record WebSettings(String host, int port, int maxFiles) {
    public WebSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("web.host must name an address, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535 || maxFiles < 1) {
            throw new IllegalArgumentException("web.port must be 0..65535 and web.max-files >= 1");
        }
    }

    public boolean loopbackOnly() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }
}
