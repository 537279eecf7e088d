package umimegu.history;

import java.time.Instant;
import java.util.List;

/**
 * One classified face as remembered: when (UTC), from which front end ({@code cli}, {@code console},
 * {@code discord}), where and by whom when known (null otherwise), which picture (SHA-256), which
 * face and box (box null when the whole picture was classified), the answer and every class
 * probability, whether it was "not sure", the model, the latency, and
 * the SHA-256 of the kept face crop ({@code data/crops/<sha256>.png}; null when crops are not kept),
 * and the answer it was part of (one posted reply, all its faces; null for older rows).
 */
public record PredictionRecord(
        Instant time,
        String source,
        String guildId,
        String channelId,
        String userId,
        String imageSha256,
        int faceIndex,
        Box box,
        String label,
        double probability,
        List<Double> probabilities,
        boolean notSure,
        String modelId,
        long latencyMs,
        String cropSha256,
        String answerId) {

    public PredictionRecord {
        probabilities = List.copyOf(probabilities);
    }

    /** A face's box in picture pixels. */
    public record Box(int x, int y, int width, int height) {}
}
