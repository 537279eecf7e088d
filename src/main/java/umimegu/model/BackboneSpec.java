package umimegu.model;

/** The pretrained backbone a model stands on: its id, the picture size it sees, and its weights' SHA-256. */
public record BackboneSpec(String id, int size, String sha256) {
    public BackboneSpec {
        if (id == null || id.isBlank() || sha256 == null || sha256.isBlank()) {
            throw new IllegalArgumentException("a backbone needs an id and the SHA-256 of its weights");
        }
        if (size < 32 || size > 512) {
            throw new IllegalArgumentException("backbone picture size must be between 32 and 512, got " + size);
        }
    }
}
