package umimegu.usecase;

/**
 * What a running training reports to those watching it (the web page, the chat that started it),
 * whichever front end started it: {@code started}, {@code batch} (at most a few a second),
 * {@code epoch} (with the validation figures), {@code done} (with the new model), {@code failed}
 * or {@code cancelled}. {@code text} is the line a chat shows for it.
 */
public record TrainingEvent(
        String kind,
        String text,
        int epoch,
        int maxEpochs,
        int batch,
        int batches,
        double valLoss,
        double valAccuracy,
        String modelId) {
    static TrainingEvent of(String kind, String text) {
        return new TrainingEvent(kind, text, 0, 0, 0, 0, Double.NaN, Double.NaN, null);
    }
}
