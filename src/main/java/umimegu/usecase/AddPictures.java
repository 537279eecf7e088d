package umimegu.usecase;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import umimegu.recognition.CropFolder;
import umimegu.recognition.FacesOfPicture;
import umimegu.teaching.ReviewItem;
import umimegu.teaching.ReviewQueue;
import umimegu.teaching.TrainingPictures;
import umimegu.vision.ImageDecodeException;

/**
 * Pictures added for training from the chat: each face is cut as for answers (the largest, or
 * every one) and goes to {@code images/<label>/} when an admin sent it, to the review queue when a
 * member did.
 */
public final class AddPictures {
    private final FacesOfPicture faces;
    private final HistorySession history;
    private final TeachingFiles files;
    private final Clock clock;

    public AddPictures(FacesOfPicture faces, HistorySession history, TeachingFiles files, Clock clock) {
        this.faces = faces;
        this.history = history;
        this.files = files;
        this.clock = clock;
    }

    public record Picture(String name, byte[] bytes) {}

    /** Counts of faces added, queued and already there; the files with no face and those unreadable, with why. */
    public record Report(int added, int queued, int duplicates, List<String> noFace, List<String> unreadable) {
        public Report {
            noFace = List.copyOf(noFace);
            unreadable = List.copyOf(unreadable);
        }
    }

    /** Throws IllegalArgumentException for a label that is not allowed, IllegalStateException when a member's picture cannot be queued. */
    public Report add(String label, List<Picture> pictures, boolean everyFace, String userId, boolean admin) {
        label = files.pictures().labelFor(label);
        ReviewQueue queue = null;
        if (!admin) {
            queue = history.reviews()
                    .orElseThrow(() -> new IllegalStateException(
                            "pictures from members wait for review, and the review queue needs the history database ("
                                    + history.unavailableReason() + ")"));
        }
        int added = 0;
        int queued = 0;
        int duplicates = 0;
        List<String> noFace = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Picture picture : pictures) {
            List<BufferedImage> crops;
            try {
                crops = faces.crops(picture.bytes(), picture.name());
            } catch (ImageDecodeException e) {
                unreadable.add(e.getMessage());
                continue;
            }
            if (crops.isEmpty()) {
                noFace.add(picture.name());
                continue;
            }
            for (BufferedImage crop : everyFace ? crops : crops.subList(0, 1)) {
                byte[] png = CropFolder.png(crop); // as answers keep crops: the same picture gets the same name
                if (admin) {
                    if (files.pictures().add(label, png) == TrainingPictures.Added.ADDED) {
                        added++;
                    } else {
                        duplicates++;
                    }
                } else {
                    String sha = files.review().keep(png);
                    queue.queue(ReviewItem.Kind.ADDITION, label, null, sha, userId, null, clock.instant());
                    queued++;
                }
            }
        }
        return new Report(added, queued, duplicates, noFace, unreadable);
    }
}
