package umimegu.usecase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import umimegu.history.HistoryException;
import umimegu.teaching.AnsweredFace;
import umimegu.teaching.Judgement;
import umimegu.teaching.Judgements;
import umimegu.teaching.ReviewItem;
import umimegu.teaching.ReviewQueue;

/**
 * A user says an answer was right or wrong. The judgement is stored (one per user per face); a
 * correction with a label becomes a training picture at once when an admin gave it, and waits for
 * review when a member did.
 */
public final class JudgeAnswer {
    private final HistorySession history;
    private final TeachingFiles files;
    private final Clock clock;

    public JudgeAnswer(HistorySession history, TeachingFiles files, Clock clock) {
        this.history = history;
        this.files = files;
        this.clock = clock;
    }

    public enum Status {
        /** Stored; nothing more to do. */
        RECORDED,
        /** The corrected face was written into the training pictures. */
        ADDED_TO_PICTURES,
        /** The corrected face waits for an admin's review. */
        QUEUED,
        /** The label given is what the bot said: stored as right. */
        SAME_AS_ANSWER,
        /** The face crop was not kept, so the correction is stored but cannot become a picture. */
        NO_CROP,
        NO_HISTORY,
        UNKNOWN_ANSWER,
        WHICH_FACE,
        NO_SUCH_FACE
    }

    /** What happened, per judged face: its number, what the bot said, and the review number when queued. */
    public record Result(Status status, List<FaceResult> faces, int faceCount, String detail) {
        public Result {
            faces = List.copyOf(faces);
        }

        static Result failed(Status status, int faceCount, String detail) {
            return new Result(status, List.of(), faceCount, detail);
        }
    }

    public record FaceResult(int number, String said, Status status, Long reviewNumber) {}

    /**
     * Judges face {@code faceNumber} (null: the only face, or every face when judging right or
     * wrong without a label) of the answer {@code answerId}. {@code label} is the right label for a
     * wrong answer, or null. Throws IllegalArgumentException for a label that is not allowed.
     */
    public Result judge(
            String answerId, Integer faceNumber, boolean right, String label, String userId, boolean admin) {
        if (label != null) {
            label = files.pictures().labelFor(label);
        }
        Optional<Judgements> store = history.judgements();
        Optional<ReviewQueue> reviews = history.reviews();
        if (store.isEmpty() || reviews.isEmpty()) {
            return Result.failed(Status.NO_HISTORY, 0, history.unavailableReason());
        }
        if (answerId == null) {
            return Result.failed(Status.UNKNOWN_ANSWER, 0, null);
        }
        try {
            history.flush();
            List<AnsweredFace> faces = store.get().faces(answerId);
            if (faces.isEmpty()) {
                return Result.failed(Status.UNKNOWN_ANSWER, 0, null);
            }
            List<AnsweredFace> judged;
            if (faceNumber != null) {
                judged = faces.stream().filter(f -> f.number() == faceNumber).toList();
                if (judged.isEmpty()) {
                    return Result.failed(Status.NO_SUCH_FACE, faces.size(), null);
                }
            } else if (faces.size() == 1 || right) {
                judged = faces;
            } else {
                return Result.failed(Status.WHICH_FACE, faces.size(), null);
            }
            List<FaceResult> results = new ArrayList<>();
            for (AnsweredFace face : judged) {
                results.add(judgeFace(store.get(), reviews.get(), face, right, label, userId, admin));
            }
            Status overall = results.size() == 1 ? results.get(0).status() : Status.RECORDED;
            return new Result(overall, results, faces.size(), null);
        } catch (HistoryException e) {
            return Result.failed(Status.NO_HISTORY, 0, e.getMessage());
        }
    }

    private FaceResult judgeFace(
            Judgements store,
            ReviewQueue reviews,
            AnsweredFace face,
            boolean right,
            String label,
            String userId,
            boolean admin) {
        boolean same = !right && label != null && label.equals(face.label());
        boolean isRight = right || same;
        long feedbackId = store.judge(
                new Judgement(face.predictionId(), userId, isRight, isRight ? null : label, clock.instant()));
        if (same) {
            return new FaceResult(face.number(), face.label(), Status.SAME_AS_ANSWER, null);
        }
        if (isRight || label == null) {
            return new FaceResult(face.number(), face.label(), Status.RECORDED, null);
        }
        Optional<byte[]> crop = history.crops().flatMap(c -> c.read(face.cropSha256()));
        if (crop.isEmpty()) {
            return new FaceResult(face.number(), face.label(), Status.NO_CROP, null);
        }
        if (admin) {
            files.pictures().place(label, crop.get());
            return new FaceResult(face.number(), face.label(), Status.ADDED_TO_PICTURES, null);
        }
        String sha = files.review().keep(crop.get());
        long number = reviews.queue(
                ReviewItem.Kind.CORRECTION, label, face.label(), sha, userId, feedbackId, clock.instant());
        return new FaceResult(face.number(), face.label(), Status.QUEUED, number);
    }
}
