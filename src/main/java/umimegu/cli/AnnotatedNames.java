package umimegu.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import umimegu.common.Sha256;

/**
 * File names for annotated pictures: {@code <name>-annotated.png}, or, when that name was already
 * used in this run ({@code a/group.jpg}, {@code b/group.jpg}, {@code b/group.png}) or would be too
 * long for the file system, a shortened name with a hash of the picture's full path.
 */
final class AnnotatedNames {
    private static final String SUFFIX = "-annotated.png";
    /** Bytes, well under the 255 most file systems allow, so the hash and suffix fit. */
    private static final int MAX_BASE_BYTES = 120;

    private AnnotatedNames() {}

    static String next(Path picture, Set<String> used) {
        String name = picture.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[\\p{Cntrl}/\\\\]", "_");
        String plain = base + SUFFIX;
        if (base.getBytes(StandardCharsets.UTF_8).length <= MAX_BASE_BYTES && used.add(plain)) {
            return plain;
        }
        String hash = Sha256.hex(picture.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 10);
        String unique = shorten(base) + "-" + hash + SUFFIX;
        for (int n = 2; !used.add(unique); n++) {
            unique = shorten(base) + "-" + hash + "-" + n + SUFFIX;
        }
        return unique;
    }

    private static String shorten(String base) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int cp : base.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BASE_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
        }
        return out.toString();
    }
}
