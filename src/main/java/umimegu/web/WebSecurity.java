package umimegu.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who may change things. Admin actions need the token from {@code UMIMEGU_WEB_TOKEN} (sent as
 * {@code X-Admin-Token}, compared in constant time; without a configured token they are off).
 * Every state-changing request carries this server's CSRF token ({@code X-CSRF-Token}), which only
 * a page from this origin can read ({@code /api/session} sends no CORS headers), and a request
 * that sets a custom header cannot come from another site's form.
 */
final class WebSecurity {
    static final String ADMIN_HEADER = "X-Admin-Token";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    private final byte[] adminToken;
    private final String csrfToken;

    WebSecurity(String adminToken) {
        this.adminToken =
                adminToken == null || adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.csrfToken = HexFormat.of().formatHex(random);
    }

    boolean adminEnabled() {
        return adminToken != null;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** Headers on every response: no sniffing, no framing, only this origin's scripts. */
    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    void requireCsrf(Context ctx) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null
                || !MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), csrfToken.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("missing or wrong CSRF token: reload the page");
        }
    }

    boolean isAdmin(Context ctx) {
        String sent = ctx.header(ADMIN_HEADER);
        return adminToken != null
                && sent != null
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), adminToken);
    }

    void requireAdmin(Context ctx) {
        if (adminToken == null) {
            throw new ForbiddenResponse("admin actions are off: start the server with the environment variable "
                    + "UMIMEGU_WEB_TOKEN set, then enter that token on the page");
        }
        String sent = ctx.header(ADMIN_HEADER);
        if (sent == null || sent.isBlank()) {
            throw new UnauthorizedResponse("this needs the admin token (UMIMEGU_WEB_TOKEN)");
        }
        if (!isAdmin(ctx)) {
            throw new ForbiddenResponse("wrong admin token");
        }
    }
}
