package umimegu.teaching;

import java.time.Instant;

/** A user's verdict on one answered face: right, or wrong (with the right label when they gave one). */
public record Judgement(long predictionId, String userId, boolean right, String correctedLabel, Instant at) {
    public Judgement {
        if (right && correctedLabel != null) {
            throw new IllegalArgumentException("a right answer needs no corrected label");
        }
        if (correctedLabel != null) {
            Labels.check(correctedLabel);
        }
    }
}
