package umimegu.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import umimegu.chart.DailyPredictionsChart;
import umimegu.history.Period;
import umimegu.history.StatsQuery;
import umimegu.history.StatsReport;
import umimegu.model.ModelStore;
import umimegu.teaching.FeedbackReport;
import umimegu.teaching.Labels;
import umimegu.usecase.HistorySession;

/** The History view: the stats with the chat's filters, the per-day chart, the last answers with their crops, and users' verdicts. */
final class HistoryRoutes {
    private static final int RECENT = 20;
    private final HistorySession history;

    HistoryRoutes(HistorySession history) {
        this.history = history;
    }

    record LabelCount(String label, long count, double meanProbability) {}

    record Day(String day, String label, long count) {}

    record Answer(
            String time,
            String source,
            String label,
            double probability,
            String user,
            String channel,
            String model,
            String crop) {}

    record Stats(
            long total,
            long notSure,
            List<LabelCount> perLabel,
            List<Day> perDay,
            List<Answer> recent,
            FeedbackReport feedback) {}

    private StatsQuery query(Context ctx, int last) {
        Instant from = null;
        String period = ctx.queryParam("period");
        if (period != null && !period.isBlank()) {
            from = Instant.now()
                    .minus(Period.parse(period).orElseThrow(() -> new WebError(400, "period is like 12h, 7d or 4w")));
        }
        String model = blankToNull(ctx.queryParam("model"));
        if (model != null && !ModelStore.isValidId(model)) {
            throw new WebError(400, "not a model id");
        }
        String label = blankToNull(ctx.queryParam("label"));
        if (label != null && !Labels.isValid(label)) {
            throw new WebError(400, "not a label");
        }
        return new StatsQuery(
                from, null, id(ctx.queryParam("user")), id(ctx.queryParam("channel")), model, last, label);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String id(String s) {
        String v = blankToNull(s);
        if (v != null && !v.matches("[A-Za-z0-9_:-]{1,64}")) {
            throw new WebError(400, "ids are letters, digits, '_', ':' and '-'");
        }
        return v;
    }

    private StatsReport report(StatsQuery q) {
        return history.stats(q)
                .orElseThrow(() -> new WebError(
                        503,
                        "the prediction history is unavailable"
                                + (history.unavailableReason() == null ? "" : ": " + history.unavailableReason())));
    }

    void stats(Context ctx) {
        StatsQuery q = query(ctx, RECENT);
        StatsReport r = report(q);
        FeedbackReport feedback = history.judgements()
                .map(f -> f.feedback(q.from(), null, q.modelId(), 5))
                .orElse(FeedbackReport.empty());
        ctx.json(new Stats(
                r.total(),
                r.notSure(),
                r.perLabel().stream()
                        .map(l -> new LabelCount(l.label(), l.count(), l.meanProbability()))
                        .toList(),
                r.perDay().stream()
                        .map(d -> new Day(d.day().toString(), d.label(), d.count()))
                        .toList(),
                r.recent().stream()
                        .map(p -> new Answer(
                                p.time().toString(),
                                p.source(),
                                p.label(),
                                p.probability(),
                                p.userId(),
                                p.channelId(),
                                p.modelId(),
                                p.cropSha256() == null
                                        ? null
                                        : "/api/crops/" + p.cropSha256().trim() + ".png"))
                        .toList(),
                feedback));
    }

    void chart(Context ctx) {
        StatsReport r = report(query(ctx, 0));
        ctx.contentType("image/png").result(DailyPredictionsChart.png(r.perDay()));
    }

    void crop(Context ctx) {
        String name = ctx.pathParam("file");
        String sha = name.endsWith(".png") ? name.substring(0, name.length() - 4) : "";
        byte[] png = history.crops()
                .flatMap(c -> c.read(sha))
                .orElseThrow(() -> new WebError(404, "that face crop is not kept"));
        ctx.contentType("image/png").result(png);
    }
}
