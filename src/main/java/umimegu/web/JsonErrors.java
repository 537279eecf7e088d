package umimegu.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers before a request reaches the API (a {@code %00} or {@code ..} in the
 * path, a header over the size limit) in the API's own shape, {@code {"error": "…"}}, instead of
 * Jetty's HTML page.
 */
final class JsonErrors extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        response.getHeaders().put(JSON);
        Content.Sink.write(response, true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    /** The reason in words anyone can read; Jetty's own reason names the rule it applied. */
    static String body(int status, String reason) {
        String said = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        String text = "the request was refused (" + status + " " + HttpStatus.getMessage(status) + "): "
                + WebText.printable(said);
        return "{\"error\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
