package umimegu.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import umimegu.history.jdbc.JdbcFeedbackStore;
import umimegu.history.jdbc.JdbcHistoryStore;
import umimegu.teaching.AnsweredFace;
import umimegu.teaching.ChannelMode;
import umimegu.teaching.FeedbackReport;
import umimegu.teaching.Judgement;
import umimegu.teaching.ReviewItem;

/** Judgements, the review queue and channel modes, on H2 and on PostgreSQL. */
class FeedbackStoreTest {
    @TempDir
    Path dir;

    private static PredictionRecord face(String answer, int index, String label) {
        PredictionRecord r = HistoryRecords.record(Instant.now(), "u", "c1", label, 0.8, index);
        return new PredictionRecord(
                r.time(),
                r.source(),
                r.guildId(),
                r.channelId(),
                r.userId(),
                r.imageSha256(),
                index,
                r.box(),
                label,
                r.probability(),
                r.probabilities(),
                r.notSure(),
                "m1",
                r.latencyMs(),
                "c".repeat(64),
                answer);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void judgementsReplaceEachOtherReviewsAreDecidedOnceAndTheReportCounts(TestDatabase database) {
        try (JdbcHistoryStore history = JdbcHistoryStore.open(database.fresh(dir, "feedback"))) {
            JdbcFeedbackStore store = new JdbcFeedbackStore(history);
            history.save(List.of(face("a1", 0, "megumi"), face("a1", 1, "umi"), face("a2", 0, "umi")));
            store.linkPost("post-1", "a1");
            store.linkPost("post-1", "a1");
            assertEquals(Optional.of("a1"), store.answerOfPost("post-1"));
            assertEquals(Optional.empty(), store.answerOfPost("post-2"));
            List<AnsweredFace> faces = store.faces("a1");
            assertEquals(List.of(1, 2), faces.stream().map(AnsweredFace::number).toList());
            assertEquals("c".repeat(64), faces.get(0).cropSha256());

            Instant now = Instant.now();
            long first = store.judge(new Judgement(faces.get(0).predictionId(), "7", false, "umi", now));
            long queued = store.queue(ReviewItem.Kind.CORRECTION, "umi", "megumi", "c".repeat(64), "7", first, now);
            long again = store.judge(new Judgement(faces.get(0).predictionId(), "7", false, "hibiki", now));
            assertEquals(first, again, "one judgement per user per face");
            assertEquals(List.of(), store.pending(10), "the replaced judgement's review was withdrawn");
            assertEquals(Optional.empty(), store.decide(queued, true, "42", now));

            long second = store.queue(ReviewItem.Kind.ADDITION, "umi", null, "d".repeat(64), "8", null, now);
            assertEquals(Map.of("umi", 1L), store.pendingPerLabel());
            assertEquals(
                    "umi", store.decide(second, true, "42", now).orElseThrow().label());
            assertEquals(Optional.empty(), store.decide(second, false, "42", now), "decided once");

            store.judge(new Judgement(faces.get(1).predictionId(), "7", true, null, now));
            store.judge(new Judgement(faces.get(1).predictionId(), "8", true, null, now));
            FeedbackReport report = store.feedback(null, null, null, 5);
            assertEquals(3, report.judged());
            assertEquals(2, report.right());
            assertEquals(List.of(new FeedbackReport.Confusion("megumi", "hibiki", 1)), report.confusions());
            assertEquals(
                    new FeedbackReport.LabelJudged("umi", 2, 2),
                    report.perLabel().get(1));
            assertEquals(0, store.feedback(null, null, "other-model", 5).judged());
            assertTrue(store.judgedPerModel().containsKey("m1"));

            assertEquals(Optional.empty(), store.channelMode("c1"));
            store.setChannelMode("c1", ChannelMode.OFF, "42", now);
            store.setChannelMode("c1", ChannelMode.COMMANDS_ONLY, "42", now);
            assertEquals(Optional.of(ChannelMode.COMMANDS_ONLY), store.channelMode("c1"));
        }
    }
}
