package umimegu.model;

/**
 * What the network says about one picture before the softmax: its logits (one per label, model
 * order) and the features the output layer reads (after global pooling). Open-set scores, which
 * tell a character the model knows from one it does not, are computed from these.
 */
public record NetworkView(double[] logits, double[] features) {}
