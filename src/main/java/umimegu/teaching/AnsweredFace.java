package umimegu.teaching;

/** One face of a posted answer, as the history remembers it: enough to judge it and to learn from it. */
public record AnsweredFace(
        long predictionId, String answerId, int faceIndex, String label, String modelId, String cropSha256) {
    /** 1 for the first face, as the answer numbers them. */
    public int number() {
        return faceIndex + 1;
    }
}
