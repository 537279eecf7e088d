package umimegu.model;

import java.util.Locale;

/** The networks {@link NetworkFactory} builds; {@code model.architecture} in the config. */
public enum Architecture {
    /** The blog post's Keras CNN, layer for layer. */
    SEED,
    /** Four conv blocks with batch normalization and global average pooling: fewer weights, learns from few pictures. */
    COMPACT;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Architecture parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.architecture must be seed or compact, got '" + value + "'");
        }
    }
}
