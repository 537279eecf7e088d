package umimegu.model;

/**
 * How a picture becomes network input: resized to {@code width}×{@code height} RGB, channel
 * values scaled by {@link Scaling}. Saved with every model so training and prediction cannot drift.
 */
public record InputSpec(int width, int height, Scaling scaling) {
    public static final int CHANNELS = 3;

    public InputSpec {
        if (width < 16 || height < 16 || width > 1024 || height > 1024) {
            throw new IllegalArgumentException(
                    "input size must be between 16 and 1024 pixels, got " + width + "x" + height);
        }
        if (scaling == null) {
            throw new IllegalArgumentException("input scaling is missing");
        }
    }

    public int valuesPerImage() {
        return CHANNELS * width * height;
    }

    public enum Scaling {
        /** 0..255 becomes 0..1, as the seed's {@code /255}. */
        ZERO_ONE(1f / 255f, 0f),
        /** 0..255 becomes -1..1. */
        MINUS_ONE_ONE(2f / 255f, -1f);

        private final float factor;
        private final float offset;

        Scaling(float factor, float offset) {
            this.factor = factor;
            this.offset = offset;
        }

        public float apply(int channelValue) {
            return channelValue * factor + offset;
        }
    }
}
