package umimegu.chat.discord.standin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a multipart/form-data body into its parts (enough for what OkHttp sends). */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)content-disposition:[^\r\n]*?\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME =
            Pattern.compile("(?i)content-disposition:[^\r\n]*?\\bfilename=\"([^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("(?im)^content-type:\\s*([^\r\n]+)");

    private Multipart() {}

    static List<RecordedRequest.Part> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("multipart without boundary: " + contentType);
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<RecordedRequest.Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            int headEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String head = new String(body, start, headEnd - start, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headEnd + 4, next - 2); // CRLF before the delimiter
            parts.add(new RecordedRequest.Part(group(NAME, head), group(FILE_NAME, head), group(TYPE, head), content));
            at = next;
        }
        return parts;
    }

    private static String group(Pattern p, String head) {
        Matcher m = p.matcher(head);
        return m.find() ? m.group(1).trim() : null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
