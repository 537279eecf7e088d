package umimegu.recognition;

import umimegu.vision.FaceDetector;
import umimegu.vision.FaceSettings;

/** The detector in use, or why there is none and what to do instead. */
public record FaceDetection(
        FaceDetector detector, String unavailableReason, FaceSettings.Fallback fallback, double margin) {

    public static FaceDetection available(FaceDetector detector, double margin) {
        return new FaceDetection(detector, null, FaceSettings.Fallback.WHOLE_IMAGE, margin);
    }

    public static FaceDetection unavailable(String reason, FaceSettings.Fallback fallback) {
        return new FaceDetection(null, reason, fallback, 0);
    }

    public boolean isAvailable() {
        return detector != null;
    }
}
