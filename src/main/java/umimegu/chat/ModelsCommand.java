package umimegu.chat;

import java.util.List;
import java.util.Map;
import umimegu.report.ModelsText;
import umimegu.usecase.ChooseModel;

/** {@code !models}: the last models, with their figures and how often users said they were right. */
public final class ModelsCommand implements ChatCommand {
    static final int SHOWN = 5;
    private final ChatWorkers worker;
    private final ChooseModel models;
    private final ChatSettings settings;

    public ModelsCommand(ChatWorkers worker, ChooseModel models, ChatSettings settings) {
        this.worker = worker;
        this.models = models;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "models";
    }

    @Override
    public String description() {
        return "the last models and how well each did";
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        return words.isEmpty() ? Map.of() : null;
    }

    @Override
    public void run(CommandCall call) {
        worker.submit(
                call.conversation(),
                () -> Replies.send(
                        call.conversation(), Reply.text(ModelsText.table(models.newest(SHOWN), settings.prefix()))));
    }
}
