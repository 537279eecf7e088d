package umimegu.usecase;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import umimegu.teaching.ReviewItem;
import umimegu.teaching.ReviewQueue;
import umimegu.teaching.TrainingPictures;

/** An admin looks at the pictures members sent (corrections and additions) and accepts or rejects each. */
public final class ReviewPictures {
    private final HistorySession history;
    private final TeachingFiles files;
    private final Clock clock;

    public ReviewPictures(HistorySession history, TeachingFiles files, Clock clock) {
        this.history = history;
        this.files = files;
        this.clock = clock;
    }

    /** A pending item with its picture (null when the picture is gone). */
    public record Pending(ReviewItem item, byte[] png) {}

    /** What became of a decided item: added or already there, and the label it was moved from, if any. */
    public record Decision(ReviewItem item, TrainingPictures.Added added, String movedFrom) {}

    /** The oldest pending items; empty when the history is unavailable. */
    public List<Pending> pending(int limit) {
        return store().map(s -> s.pending(limit).stream()
                        .map(i -> new Pending(
                                i, files.review().read(i.cropSha256()).orElse(null)))
                        .toList())
                .orElse(List.of());
    }

    /** Accepts item {@code id}: its picture joins {@code images/<label>/}. Empty when no such item is pending. */
    public Optional<Decision> accept(long id, String admin) {
        ReviewQueue store = requireStore();
        Optional<ReviewItem> item = store.decide(id, true, admin, clock.instant());
        if (item.isEmpty()) {
            return Optional.empty();
        }
        byte[] png = files.review()
                .read(item.get().cropSha256())
                .orElseThrow(() -> new IllegalStateException(
                        "the picture of review item " + id + " is missing from the review folder"));
        TrainingPictures.Placed placed = files.pictures().place(item.get().label(), png);
        forget(store, item.get());
        return Optional.of(new Decision(item.get(), placed.added(), placed.from()));
    }

    public Optional<Decision> reject(long id, String admin) {
        ReviewQueue store = requireStore();
        Optional<ReviewItem> item = store.decide(id, false, admin, clock.instant());
        item.ifPresent(i -> forget(store, i));
        return item.map(i -> new Decision(i, null, null));
    }

    private void forget(ReviewQueue store, ReviewItem decided) {
        boolean stillNamed =
                store.pending(10_000).stream().anyMatch(i -> i.cropSha256().equals(decided.cropSha256()));
        files.review().drop(decided.cropSha256(), stillNamed);
    }

    public boolean available() {
        return history.reviews().isPresent();
    }

    public String unavailableReason() {
        return history.unavailableReason();
    }

    private Optional<ReviewQueue> store() {
        return history.reviews();
    }

    private ReviewQueue requireStore() {
        return history.reviews()
                .orElseThrow(() -> new IllegalStateException(
                        "the history database is unavailable: " + history.unavailableReason()));
    }
}
