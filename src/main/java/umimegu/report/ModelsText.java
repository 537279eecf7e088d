package umimegu.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import umimegu.usecase.ChooseModel;

/** The models table, shared by the chat's {@code !models} and the CLI's {@code models}. */
public final class ModelsText {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ModelsText() {}

    public static String table(List<ChooseModel.Row> rows, String prefix) {
        if (rows.isEmpty()) {
            return "No model yet — an admin can train one with `" + prefix + "train`.";
        }
        List<String> lines = new ArrayList<>();
        lines.add("```");
        lines.add(String.format(
                Locale.ROOT,
                "  %-22s %-10s %-16s %6s %6s %6s %6s %12s",
                "model",
                "kind",
                "made (UTC)",
                "labels",
                "pics",
                "val %",
                "test %",
                "users right"));
        for (ChooseModel.Row r : rows) {
            var m = r.model();
            lines.add(String.format(
                    Locale.ROOT,
                    "%s %-22s %-10s %-16s %6d %6d %6s %6s %12s",
                    r.current() ? "*" : " ",
                    m.id(),
                    m.kind(),
                    DAY.format(m.created()),
                    m.labels().size(),
                    m.pictures(),
                    percent(m.validationAccuracy()),
                    percent(m.testAccuracy()),
                    r.judged() == 0 ? "–" : String.format(Locale.ROOT, "%d/%d", r.judgedRight(), r.judged())));
        }
        lines.add("```");
        lines.add("* answers now. `" + prefix + "use <model>` or `" + prefix + "rollback` switch (admins).");
        return String.join("\n", lines);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f", share * 100);
    }
}
