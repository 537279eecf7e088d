package umimegu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import umimegu.app.Application;
import umimegu.chart.DailyPredictionsChart;
import umimegu.history.HistoryStore;
import umimegu.history.Period;
import umimegu.history.StatsQuery;
import umimegu.history.StatsReport;
import umimegu.report.FeedbackText;
import umimegu.report.StatsText;
import umimegu.teaching.FeedbackReport;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description =
                "Summarise the prediction history: totals per label, mean confidence, unsure answers, top users, last predictions.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "PERIOD", description = "Only the last PERIOD, e.g. 12h, 7d, 4w.")
    String since;

    @Option(names = "--from", paramLabel = "DATE", description = "From this UTC date (yyyy-mm-dd), inclusive.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Up to this UTC date (yyyy-mm-dd), inclusive.")
    String to;

    @Option(names = "--user", description = "Only this user id.")
    String user;

    @Option(names = "--channel", description = "Only this channel id.")
    String channel;

    @Option(names = "--model", description = "Only this model id.")
    String model;

    @Option(names = "--last", description = "How many recent predictions to list (default: ${DEFAULT-VALUE}).")
    int last = 10;

    @Option(
            names = "--chart",
            paramLabel = "FILE",
            description = "Also write a PNG chart of predictions per label per day.")
    Path chart;

    @Override
    public Integer call() throws IOException {
        StatsQuery query = new StatsQuery(start(), end(), user, channel, model, last);
        Application app = new Application(main.config());
        StatsReport report;
        FeedbackReport feedback;
        try (HistoryStore history = app.openHistory()) {
            report = history.stats(query);
            feedback = app.feedbackOn(history).feedback(query.from(), query.to(), model, 10);
        }
        print(spec.commandLine().getOut(), report);
        spec.commandLine().getOut().print(FeedbackText.format(feedback));
        spec.commandLine().getOut().flush();
        if (chart != null) {
            Files.write(chart, DailyPredictionsChart.png(report.perDay()));
            spec.commandLine().getOut().println("chart: " + chart);
        }
        return ExitCodes.OK;
    }

    private Instant start() {
        if (since != null && from != null) {
            throw new IllegalArgumentException("use --since or --from, not both");
        }
        if (since != null) {
            Duration d = Period.parse(since)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--since takes a period like 12h, 7d or 4w, got '" + since + "'"));
            return Instant.now().minus(d);
        }
        return from == null ? null : date("--from", from).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private Instant end() {
        return to == null ? null : date("--to", to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes a date like 2026-11-29, got '" + value + "'");
        }
    }

    static void print(PrintWriter out, StatsReport report) {
        out.print(StatsText.format(report, report.recent().size()));
        out.flush();
    }
}
