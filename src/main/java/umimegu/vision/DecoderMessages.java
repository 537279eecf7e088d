package umimegu.vision;

import java.util.List;

/** Recognises what the native decoders print: libjpeg's warnings (jerror.h's JWRN_* texts) and OpenCV's log lines. */
final class DecoderMessages {
    private static final List<String> STARTS = List.of(
            "Corrupt JPEG data",
            "Premature end of JPEG file",
            "Invalid SOS parameters",
            "Inconsistent progression sequence",
            "Unknown Adobe color transform",
            "Warning: unknown JFIF revision",
            "Warning: thumbnail image size does not match data length",
            "Application transferred too many scanlines",
            "Invalid JPEG file structure",
            "Not a JPEG file",
            "Bogus ",
            "Unsupported marker type",
            "[ WARN:",
            "[ERROR:");

    private DecoderMessages() {}

    static boolean isDecoderMessage(String line) {
        String text = line.strip();
        return STARTS.stream().anyMatch(text::startsWith);
    }
}
