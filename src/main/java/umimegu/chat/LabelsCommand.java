package umimegu.chat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import umimegu.history.HistoryException;
import umimegu.report.StatsText;
import umimegu.teaching.TrainingPictures;
import umimegu.usecase.Teaching;

/** {@code !labels}: each label with its picture count, how many came from the chat, and pending reviews. */
public final class LabelsCommand implements ChatCommand {
    private final ChatWorkers worker;
    private final Teaching teaching;

    public LabelsCommand(ChatWorkers worker, Teaching teaching) {
        this.worker = worker;
        this.teaching = teaching;
    }

    @Override
    public String name() {
        return "labels";
    }

    @Override
    public String description() {
        return "the labels I learn from, with their picture counts";
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        return words.isEmpty() ? Map.of() : null;
    }

    @Override
    public void run(CommandCall call) {
        worker.submit(call.conversation(), () -> Replies.send(call.conversation(), Reply.text(table())));
    }

    private String table() {
        Map<String, TrainingPictures.LabelCount> counts = teaching.pictures().counts();
        Map<String, Long> pending = new TreeMap<>();
        String note = "";
        try {
            pending.putAll(
                    teaching.history().reviews().map(f -> f.pendingPerLabel()).orElse(Map.of()));
            if (teaching.history().reviews().isEmpty()) {
                note = "\n(pending reviews unknown: the history database is unavailable)";
            }
        } catch (HistoryException e) {
            note = "\n(pending reviews unknown: " + e.getMessage() + ")";
        }
        if (counts.isEmpty() && pending.isEmpty()) {
            return "No labels yet: add pictures with `add <label>` or put them in images/<label>/." + note;
        }
        StringBuilder s = new StringBuilder("```\n");
        s.append(String.format(Locale.ROOT, "%-24s %8s %10s %8s%n", "label", "pictures", "from chat", "pending"));
        java.util.Set<String> labels = new java.util.TreeSet<>(counts.keySet());
        labels.addAll(pending.keySet());
        for (String label : labels) {
            TrainingPictures.LabelCount c = counts.getOrDefault(label, new TrainingPictures.LabelCount(label, 0, 0));
            s.append(StatsText.pad(label, 24))
                    .append(String.format(
                            Locale.ROOT,
                            " %8d %10d %8d%n",
                            c.pictures(),
                            c.fromChat(),
                            pending.getOrDefault(label, 0L)));
        }
        return s.append("```").append(note).toString();
    }
}
