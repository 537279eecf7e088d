package umimegu.model;

import java.util.Locale;

/**
 * What a model is made of; {@code model.kind} in the config. {@code compact}: a network trained
 * from scratch on the pictures ({@link Architecture}); {@code pretrained}: a {@link FeatureHead}
 * on the pretrained backbone, trained in seconds; {@code tuned}: a {@link TunedHead}, the
 * backbone's top blocks trained with such a head; {@code ensemble}: a network and a linear head,
 * their probabilities averaged; {@code tuned-ensemble}: a network and a tuned head, averaged
 * (docs/pretrained.md).
 */
public enum ModelKind {
    COMPACT(true, false),
    PRETRAINED(false, true),
    ENSEMBLE(true, true),
    TUNED(false, true),
    TUNED_ENSEMBLE(true, true);

    private final boolean network;
    private final boolean head;

    ModelKind(boolean network, boolean head) {
        this.network = network;
        this.head = head;
    }

    /** Whether a network trained from scratch answers in it. */
    public boolean hasNetwork() {
        return network;
    }

    /** Whether a head on the pretrained backbone answers in it. */
    public boolean hasHead() {
        return head;
    }

    /** What the backbone gives the model's head for a picture. */
    public Backbone.Cut cut() {
        return tunedHead() ? Backbone.Cut.TOP_INPUT : Backbone.Cut.POOLED;
    }

    /** Whether its head is a {@link TunedHead}: the backbone's top blocks trained with it. */
    public boolean tunedHead() {
        return this == TUNED || this == TUNED_ENSEMBLE;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ModelKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "model.kind must be compact, pretrained, tuned, ensemble or tuned-ensemble, got '" + value + "'");
        }
    }
}
