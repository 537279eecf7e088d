package umimegu.vision;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Format and dimensions read from the first bytes of a file, so limits are checked before decoding. */
record ImageHeader(Format format, int width, int height, boolean animated) {

    enum Format {
        JPEG,
        PNG,
        GIF,
        BMP,
        WEBP
    }

    long pixels() {
        return (long) width * height;
    }

    /** Returns null when the bytes are no format we know. */
    static ImageHeader read(byte[] b) throws ImageDecodeException {
        try {
            if (starts(b, 0xFF, 0xD8)) {
                return jpeg(b);
            }
            if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                ByteBuffer be = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
                return new ImageHeader(Format.PNG, be.getInt(16), be.getInt(20), false);
            }
            if (starts(b, 'G', 'I', 'F', '8')) {
                ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                return new ImageHeader(Format.GIF, le.getShort(6) & 0xFFFF, le.getShort(8) & 0xFFFF, false);
            }
            if (starts(b, 'B', 'M')) {
                ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                if (le.getInt(14) == 12) { // OS/2 BITMAPCOREHEADER: 16-bit width and height
                    return new ImageHeader(Format.BMP, le.getShort(18) & 0xFFFF, le.getShort(20) & 0xFFFF, false);
                }
                return new ImageHeader(Format.BMP, Math.abs(le.getInt(18)), Math.abs(le.getInt(22)), false);
            }
            if (starts(b, 'R', 'I', 'F', 'F')
                    && b.length > 12
                    && b[8] == 'W'
                    && b[9] == 'E'
                    && b[10] == 'B'
                    && b[11] == 'P') {
                return webp(b);
            }
        } catch (IndexOutOfBoundsException e) {
            throw new ImageDecodeException("file ends inside the image header (truncated)");
        }
        return null;
    }

    private static ImageHeader jpeg(byte[] b) throws ImageDecodeException {
        int i = 2;
        while (i + 4 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                throw new ImageDecodeException("corrupt JPEG header");
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            boolean startOfFrame =
                    marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                return new ImageHeader(Format.JPEG, width, height, false);
            }
            i += 2 + length;
        }
        throw new ImageDecodeException("JPEG without a frame header (truncated or corrupt)");
    }

    private static ImageHeader webp(byte[] b) throws ImageDecodeException {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return switch (chunk) {
            case "VP8 " -> new ImageHeader(Format.WEBP, le.getShort(26) & 0x3FFF, le.getShort(28) & 0x3FFF, false);
            case "VP8L" -> {
                int bits = le.getInt(21);
                yield new ImageHeader(Format.WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, false);
            }
            case "VP8X" -> new ImageHeader(Format.WEBP, uint24(b, 24) + 1, uint24(b, 27) + 1, (b[20] & 0x02) != 0);
            default -> throw new ImageDecodeException("unknown WebP variant '" + chunk.trim() + "'");
        };
    }

    private static int uint24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
