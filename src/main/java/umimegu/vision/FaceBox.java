package umimegu.vision;

/** A face's rectangle in picture pixels. */
public record FaceBox(int x, int y, int width, int height) {
    public FaceBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty face box " + width + "x" + height);
        }
    }

    public long area() {
        return (long) width * height;
    }

    /** This box scaled by {@code factor} (to map boxes found on a smaller copy back to the picture). */
    public FaceBox scaled(double factor) {
        return new FaceBox(
                (int) Math.round(x * factor),
                (int) Math.round(y * factor),
                Math.max(1, (int) Math.round(width * factor)),
                Math.max(1, (int) Math.round(height * factor)));
    }
}
