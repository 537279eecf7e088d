package umimegu.chat;

import java.util.Locale;
import java.util.Set;

/**
 * A file on an incoming message. {@code bytes} is null when the adapter did not download it
 * (over the size cap); {@code size} is what the platform declared.
 */
public record Attachment(String fileName, String contentType, long size, byte[] bytes) {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp");

    /** Judged by content type, or by extension when the platform gave none. */
    public boolean looksLikeImage() {
        if (contentType != null && !contentType.isBlank()) {
            return contentType.toLowerCase(Locale.ROOT).startsWith("image/");
        }
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
