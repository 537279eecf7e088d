package umimegu.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import umimegu.common.ServerPaths;
import umimegu.model.ModelStore;
import umimegu.model.ModelStoreException;
import umimegu.usecase.ChooseModel;

/** {@code !use <model>} and {@code !rollback} (admins): switch the model that answers, atomically. */
public final class UseModelCommand implements ChatCommand {
    private final boolean rollback;
    private final ChatWorkers worker;
    private final ChooseModel models;
    private final ChatSettings settings;
    private final java.util.function.BooleanSupplier training;

    public UseModelCommand(
            boolean rollback,
            ChatWorkers worker,
            ChooseModel models,
            ChatSettings settings,
            java.util.function.BooleanSupplier training) {
        this.rollback = rollback;
        this.worker = worker;
        this.models = models;
        this.settings = settings;
        this.training = training;
    }

    @Override
    public String name() {
        return rollback ? "rollback" : "use";
    }

    @Override
    public String description() {
        return rollback ? "go back to the model that answered before (admins)" : "make a stored model answer (admins)";
    }

    @Override
    public String usage() {
        return rollback ? "" : "<model>";
    }

    @Override
    public Optional<String> adminOnly(Map<String, String> options) {
        return Optional.of("switch the model");
    }

    @Override
    public List<CommandOption> options() {
        return rollback
                ? List.of()
                : List.of(new CommandOption("model", "a model id from models", CommandOption.Type.STRING, true));
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        if (rollback) {
            return words.isEmpty() ? Map.of() : null;
        }
        return words.size() == 1 ? Map.of("model", words.get(0)) : null;
    }

    @Override
    public void run(CommandCall call) {
        String id = call.option("model");
        if (!rollback && (id == null || !ModelStore.isValidId(id))) {
            Replies.send(
                    call.conversation(),
                    Reply.text("Usage: `" + settings.prefix() + "use <model>` with an id from `" + settings.prefix()
                            + "models`."));
            return;
        }
        if (training.getAsBoolean()) {
            Replies.send(
                    call.conversation(),
                    Reply.text("A training is running and will switch the model when it ends; "
                            + "try again after it (or `" + settings.prefix() + "train cancel`)."));
            return;
        }
        worker.submit(call.conversation(), () -> {
            String reply;
            try {
                if (rollback) {
                    Optional<String> back = models.rollBack();
                    reply = back.map(b -> "Rolled back: model " + b + " answers now.")
                            .orElse("There is no earlier model to go back to.");
                } else {
                    reply = "Model " + models.use(id) + " answers now.";
                }
            } catch (ModelStoreException e) {
                reply = "I can't switch: " + ServerPaths.hidden(e.getMessage())
                        + ". The model that answered keeps answering.";
            }
            Replies.send(call.conversation(), Reply.text(reply));
        });
    }
}
