package umimegu.chat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.teaching.ChannelMode;
import umimegu.usecase.JudgeAnswer;
import umimegu.usecase.Teaching;
import umimegu.usecase.TrainModel;
import umimegu.usecase.TrainingEvent;

/**
 * The bot, whatever the platform: a message goes in, replies come out through its
 * {@link Conversation}. {@link #handle} returns at once; the work runs on a bounded pool (training
 * on its own thread), so a platform's event thread is never blocked. Every command comes from one
 * registry built in the wiring, and an admin-only one is refused to members here, for every front end.
 */
public final class ChatBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatBot.class);

    private final ChatSettings settings;
    private final ChatCommands commands;
    private final PictureAnswers pictures;
    private final ChatWorkers workers;
    private final Teaching teaching;
    private final TrainModel training;

    public ChatBot(
            ChatSettings settings,
            ChatCommands commands,
            PictureAnswers pictures,
            ChatWorkers workers,
            Teaching teaching,
            TrainModel training) {
        this.settings = settings;
        this.commands = commands;
        this.pictures = pictures;
        this.workers = workers;
        this.teaching = teaching;
        this.training = training;
    }

    public String prefix() {
        return settings.prefix();
    }

    public void handle(IncomingMessage message, Conversation conversation) {
        String text = message.text().trim();
        boolean isCommand = text.startsWith(settings.prefix());
        if (!isCommand && message.attachments().stream().noneMatch(Attachment::looksLikeImage)) {
            return; // chatter and other files are none of our business (and cost no look-up of the channel's mode)
        }
        ChannelMode mode = teaching.channels().of(message.channelId());
        if (isCommand) {
            String command = text.substring(settings.prefix().length()).trim();
            if (mode == ChannelMode.OFF && !command.toLowerCase(Locale.ROOT).startsWith("channel")) {
                return; // silent here; only !channel can change that
            }
            command(message, command, conversation);
            return;
        }
        if (mode == ChannelMode.OFF || (mode == ChannelMode.COMMANDS_ONLY && !message.mentionsBot())) {
            return; // pictures where we are not asked
        }
        pictures.answerAll(message, conversation);
    }

    /**
     * A reaction on one of the bot's posts: ✅ judges every face of that answer right, ❌ a single
     * face wrong (without a label). Reactions on anything else are ignored; nothing is posted
     * unless the reaction cannot be taken as it is.
     */
    public void react(String messageId, String emoji, String userId, String channelId, Conversation conversation) {
        boolean right = "✅".equals(emoji) || "✔️".equals(emoji);
        boolean wrong = "❌".equals(emoji) || "✖️".equals(emoji);
        if ((!right && !wrong)
                || messageId == null
                || teaching.history().posts().isEmpty()) {
            return;
        }
        workers.submit(conversation, () -> {
            Optional<String> answer;
            try {
                answer = teaching.history().posts().get().answerOfPost(messageId);
            } catch (RuntimeException e) {
                log.warn("Cannot look up the answer a reaction is on: {}", e.getMessage());
                return;
            }
            if (answer.isEmpty()) {
                return;
            }
            JudgeAnswer.Result r = teaching.judge().judge(answer.get(), null, right, null, userId, false);
            if (r.status() == JudgeAnswer.Status.WHICH_FACE) {
                Replies.send(
                        conversation,
                        Reply.text("<@" + userId + "> that answer has " + r.faceCount()
                                + " faces — tell me which one is wrong with `" + settings.prefix()
                                + "wrong 2 <label>` in a reply to it."));
            } else {
                log.info("Reaction {} on answer {} by {}: {}", emoji, answer.get(), userId, r.status());
            }
        });
    }

    /** The commands every front end offers (a platform registers its own menu from this list). */
    public ChatCommands commands() {
        return commands;
    }

    /**
     * Runs a command whose options came typed (a Discord slash command): no text to parse, the
     * same command, rights and answers as its {@code !name} form.
     */
    public void handleCommand(
            String name, Map<String, String> options, IncomingMessage message, Conversation conversation) {
        Optional<ChatCommand> command = commands.named(name);
        if (command.isEmpty()) {
            unknown(name, conversation);
            return;
        }
        run(command.get(), new CommandCall(message, options, conversation));
    }

    private void command(IncomingMessage message, String command, Conversation conversation) {
        List<String> words = List.of(command.split("\\s+"));
        String name = words.get(0).toLowerCase(Locale.ROOT);
        Optional<ChatCommand> found = commands.named(name);
        if (found.isEmpty()) {
            unknown(name, conversation);
            return;
        }
        Map<String, String> options = found.get().parse(words.subList(1, words.size()));
        if (options == null) {
            Replies.send(
                    conversation,
                    Reply.text("Usage: `" + settings.prefix() + name + " "
                            + found.get().usage() + "`"));
            return;
        }
        run(found.get(), new CommandCall(message, options, conversation));
    }

    /** Runs a command, or refuses a member what only admins may do. */
    private void run(ChatCommand command, CommandCall call) {
        Optional<String> adminsOnly = command.adminOnly(call.options());
        if (adminsOnly.isPresent() && !settings.isAdmin(call.message())) {
            Replies.send(call.conversation(), Reply.text("Sorry, only admins can " + adminsOnly.get() + "."));
            return;
        }
        command.run(call);
    }

    private void unknown(String name, Conversation conversation) {
        Replies.send(
                conversation,
                Reply.text("I don't know `" + settings.prefix() + name + "`. Try `" + settings.prefix() + "help`."));
    }

    public boolean trainingRunning() {
        return training.isRunning();
    }

    /** Every training's progress, whoever started it (chat, console or web); close the handle to stop. */
    public AutoCloseable watchTraining(Consumer<TrainingEvent> watcher) {
        return training.watch(watcher);
    }

    /** A learning curve ({@code accuracy.png}, {@code loss.png}) of the running training, as far as it got. */
    public Optional<Path> runningTrainingCurve(String name) {
        return training.curve(name);
    }

    /** The use cases the chat teaches through, shared with the other front ends of this process. */
    public Teaching teaching() {
        return teaching;
    }

    /** The training this chat starts, shared with the other front ends of this process. */
    public TrainModel training() {
        return training;
    }

    /** Waits until queued work is done (and the training too, when asked); false on timeout. */
    public boolean awaitIdle(Duration timeout, boolean includingTraining) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!workers.awaitIdle(timeout)) {
            return false;
        }
        while (includingTraining && training.isRunning()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return workers.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Finishes queued work (bounded wait) and stops the pool. */
    @Override
    public void close() {
        workers.close();
    }
}
