package umimegu.vision;

import java.awt.Color;

/**
 * What the decoder accepts: at most {@code maxBytes} of file and {@code maxPixels} pixels (checked
 * from the header, before anything is allocated); transparent pixels are laid on {@code background}.
 */
public record DecodeLimits(long maxBytes, long maxPixels, Color background) {
    public DecodeLimits {
        if (maxBytes <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("image size limits must be positive");
        }
    }

    public static DecodeLimits defaults() {
        return new DecodeLimits(20L << 20, 40_000_000L, Color.WHITE);
    }
}
