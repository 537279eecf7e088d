package umimegu.chat.discord.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request the bot made to the stand-in's REST API: method, path (without {@code /api/v10}),
 * and the body as JSON and/or multipart parts with their bytes.
 */
public record RecordedRequest(
        String method, String path, String authorization, String contentType, byte[] body, List<Part> parts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One part of a multipart body; {@code fileName} is null for plain fields such as payload_json. */
    public record Part(String name, String fileName, String contentType, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static RecordedRequest of(String method, String path, String authorization, String contentType, byte[] body) {
        List<Part> parts =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                        ? Multipart.parse(contentType, body)
                        : List.of();
        return new RecordedRequest(method, path, authorization, contentType, body, parts);
    }

    public boolean is(String method, String pathRegex) {
        return this.method.equals(method) && path.matches(pathRegex);
    }

    /** The JSON payload: the body, or the {@code payload_json} part of a multipart upload; empty object if none. */
    public JsonNode json() {
        try {
            for (Part p : parts) {
                if (p.name().equals("payload_json")) {
                    return JSON.readTree(p.bytes());
                }
            }
            return body.length == 0 || !parts.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** The {@code content} the bot sent (for a message, an edit or a response), or "". */
    public String content() {
        JsonNode json = json();
        JsonNode content = json.has("data") ? json.get("data").path("content") : json.path("content");
        return content.asText("");
    }

    /** The uploaded files, in order. */
    public List<Part> files() {
        List<Part> files = new ArrayList<>();
        for (Part p : parts) {
            if (p.fileName() != null) {
                files.add(p);
            }
        }
        return files;
    }

    @Override
    public String toString() {
        return method + " " + path + (content().isEmpty() ? "" : " \"" + content() + "\"")
                + (files().isEmpty()
                        ? ""
                        : " files=" + files().stream().map(Part::fileName).toList());
    }
}
