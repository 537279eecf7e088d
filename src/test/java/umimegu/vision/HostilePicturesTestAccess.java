package umimegu.vision;

/** Hand-built hostile pictures for tests in other packages. */
public final class HostilePicturesTestAccess {
    private HostilePicturesTestAccess() {}

    /** A GIF whose one frame declares {@code fw×fh} on a {@code sw×sh} screen. */
    public static byte[] gif(int sw, int sh, int fw, int fh) {
        return HostilePicturesTest.gif(sw, sh, fw, fh);
    }
}
