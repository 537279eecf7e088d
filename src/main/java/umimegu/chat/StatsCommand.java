package umimegu.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.chart.DailyPredictionsChart;
import umimegu.history.Period;
import umimegu.history.StatsQuery;
import umimegu.history.StatsReport;
import umimegu.report.FeedbackText;
import umimegu.report.StatsText;
import umimegu.usecase.HistorySession;

/** {@code !stats [12h|7d|4w] [@user]}: the history table and, when enabled, the per-day chart. */
public final class StatsCommand implements ChatCommand {
    private static final Logger log = LoggerFactory.getLogger(StatsCommand.class);
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>|(\\d{5,})");

    private final ChatWorkers worker;
    private final HistorySession history;
    private final ChatSettings settings;
    private final Clock clock;

    public StatsCommand(ChatWorkers worker, HistorySession history, ChatSettings settings, Clock clock) {
        this.worker = worker;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String description() {
        return "what I've answered so far";
    }

    @Override
    public String usage() {
        return "[12h|7d|4w] [@user]";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                new CommandOption("period", "e.g. 7d", CommandOption.Type.STRING, false),
                new CommandOption("user", "only this user", CommandOption.Type.USER, false));
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        Map<String, String> options = new HashMap<>();
        for (String word : words) {
            Matcher mention = MENTION.matcher(word);
            if (Period.parse(word).isPresent()) {
                options.put("period", word);
            } else if (mention.matches()) {
                options.put("user", mention.group(1) != null ? mention.group(1) : mention.group(2));
            } else {
                return null;
            }
        }
        return options;
    }

    @Override
    public void run(CommandCall call) {
        worker.submit(call.conversation(), () -> Replies.send(call.conversation(), stats(call)));
    }

    /** Users' verdicts for the same period (all users: a judgement is about the answer, not the asker). */
    private String feedback(Instant from) {
        try {
            return history.judgements()
                    .map(f -> FeedbackText.format(f.feedback(from, null, null, 5)))
                    .orElse("");
        } catch (RuntimeException e) {
            log.warn("Feedback query failed: {}", e.getMessage());
            return "";
        }
    }

    private Reply stats(CommandCall call) {
        if (!history.isAvailable()) {
            return Reply.text("The prediction history is unavailable right now.");
        }
        Instant from = null;
        if (call.option("period") != null) {
            Optional<Duration> period = Period.parse(call.option("period"));
            if (period.isEmpty()) {
                return Reply.text("Usage: `" + settings.prefix() + name() + " " + usage() + "`");
            }
            from = clock.instant().minus(period.get());
        }
        try {
            StatsReport report = history.stats(new StatsQuery(from, null, call.option("user"), null, null, 5))
                    .orElseThrow();
            String table = "```\n" + StatsText.format(report, 5) + feedback(from) + "```";
            return settings.statsChart() && report.total() > 0
                    ? new Reply(
                            table,
                            List.of(new Reply.OutgoingFile("stats.png", DailyPredictionsChart.png(report.perDay()))))
                    : Reply.text(table);
        } catch (RuntimeException e) {
            log.error("Stats query failed: {}", e.getMessage());
            return Reply.text("The prediction history is unavailable right now.");
        }
    }
}
