package umimegu.chat;

import umimegu.usecase.LiveModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import umimegu.recognition.AnswerFormatter;
import umimegu.teaching.ChannelMode;
import umimegu.usecase.JudgeAnswer;
import umimegu.usecase.Teaching;
import umimegu.usecase.AnswerPicture;
import umimegu.usecase.HistorySession;
import umimegu.model.PictureClassifier;
import umimegu.model.TestService;
import umimegu.model.TrainingService;
import umimegu.recognition.Origin;
import umimegu.vision.ImageDecodeException;

/**
 * The bot, whatever the platform: a message goes in, replies come out through its
 * {@link Conversation}. {@link #handle} returns at once; the work runs on a bounded pool (training
 * on its own thread), so a platform's event thread is never blocked.
 */
public final class ChatBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatBot.class);
    private static final long MAX_TRAINING_PAUSE_MS = 2000;

    private final ChatSettings settings;
    private final AnswerPicture answering;
    private final LiveModel live;
    private final TrainingJob training;
    private final ChatCommands commands;
    private final Teaching teaching;
    /** The last answer per channel ({@link #DIRECT} without one): what {@code !wrong} judges when it replies to nothing. */
    private final Map<String, String> lastAnswer = new ConcurrentHashMap<>();
    private static final String DIRECT = "";
    private final String source;
    private final RateLimiter rateLimiter;
    private final ThreadPoolExecutor workers;
    /** Work submitted and not finished; the pool's own counts miss a task between queue and worker. */
    private final AtomicInteger pending = new AtomicInteger();

    public ChatBot(ChatSettings settings, AnswerPicture answering, LiveModel live, TrainingService trainingService,
                   Function<String, PictureClassifier> loader, TestService tests, HistorySession history,
                   AnswerFormatter answers, Teaching teaching, String source, Clock clock) {
        this.settings = settings;
        this.teaching = teaching;
        this.answering = answering;
        this.live = live;
        this.training = new TrainingJob(trainingService, loader, live, this::waitWhileAnswering, settings.prefix(),
                () -> history.locks().map(l -> l.tryLock(TrainingJob.LOCK)).orElse(Optional.of(() -> { })));
        this.source = source;
        Worker worker = this::submit;
        List<ChatCommand> all = new ArrayList<>();
        all.add(new ClassifyCommand(this::answerPictures));
        all.add(new StatsCommand(worker, history, settings, clock));
        all.add(new TestCommand(worker, tests, live, answers));
        all.add(new TrainCommand(training, settings));
        all.add(new JudgeCommand("right", true, this::judge));
        all.add(new JudgeCommand("wrong", false, this::judge));
        all.add(new JudgeCommand("feedback", null, this::judge));
        all.add(new AddCommand(worker, teaching.add(), settings));
        all.add(new LabelsCommand(worker, teaching));
        all.add(new ReviewCommand(worker, teaching.review(), settings));
        all.add(new DecideCommand(true, worker, teaching.review(), settings));
        all.add(new DecideCommand(false, worker, teaching.review(), settings));
        all.add(new ModelsCommand(worker, teaching.models(), settings));
        all.add(new UseModelCommand(false, worker, teaching.models(), settings, training::isRunning));
        all.add(new UseModelCommand(true, worker, teaching.models(), settings, training::isRunning));
        all.add(new ChannelCommand(worker, teaching.channels(), settings));
        all.add(new HelpCommand(this::helpText));
        this.commands = new ChatCommands(all);
        this.rateLimiter = new RateLimiter(settings.ratePerMinute(), clock);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(500), r -> {
                    Thread t = new Thread(r, "chat-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
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
        answerPictures(message, conversation);
    }

    /**
     * A reaction on one of the bot's posts: ✅ judges every face of that answer right, ❌ a single
     * face wrong (without a label). Reactions on anything else are ignored; nothing is posted
     * unless the reaction cannot be taken as it is.
     */
    public void react(String messageId, String emoji, String userId, String channelId, Conversation conversation) {
        boolean right = "✅".equals(emoji) || "✔️".equals(emoji);
        boolean wrong = "❌".equals(emoji) || "✖️".equals(emoji);
        if ((!right && !wrong) || messageId == null || teaching.history().feedback().isEmpty()) {
            return;
        }
        submit(conversation, () -> {
            Optional<String> answer;
            try {
                answer = teaching.history().feedback().get().answerOfPost(messageId);
            } catch (RuntimeException e) {
                log.warn("Cannot look up the answer a reaction is on: {}", e.getMessage());
                return;
            }
            if (answer.isEmpty()) {
                return;
            }
            JudgeAnswer.Result r = teaching.judge().judge(answer.get(), null, right, null, userId, false);
            if (r.status() == JudgeAnswer.Status.WHICH_FACE) {
                send(conversation, Reply.text("<@" + userId + "> that answer has " + r.faceCount() + " faces — tell me which "
                        + "one is wrong with `" + settings.prefix() + "wrong 2 <label>` in a reply to it."));
            } else {
                log.info("Reaction {} on answer {} by {}: {}", emoji, answer.get(), userId, r.status());
            }
        });
    }

    private void judge(CommandCall call, boolean right, Integer face, String label) {
        IncomingMessage m = call.message();
        submit(call.conversation(), () -> {
            String answerId = answerJudgedBy(m);
            JudgeAnswer.Result r;
            try {
                r = teaching.judge().judge(answerId, face, right, label, m.authorId(), settings.isAdmin(m));
            } catch (IllegalArgumentException e) {
                send(call.conversation(), Reply.text(e.getMessage() + "."));
                return;
            }
            send(call.conversation(), Reply.text(JudgeText.of(r, right, label, settings.prefix())));
        });
    }

    /** The answer a message replies to, else the last answer in its channel; null when neither is known. */
    private String answerJudgedBy(IncomingMessage m) {
        if (m.replyToMessageId() != null && teaching.history().feedback().isPresent()) {
            Optional<String> replied = teaching.history().feedback().get().answerOfPost(m.replyToMessageId());
            if (replied.isPresent()) {
                return replied.get();
            }
        }
        return lastAnswer.get(channelKey(m));
    }

    private static String channelKey(IncomingMessage m) {
        return m.channelId() == null ? DIRECT : m.channelId();
    }

    /** Every picture attached to the message, answered on the pool, within the author's rate limit. */
    private void answerPictures(IncomingMessage message, Conversation conversation) {
        List<Attachment> images = message.attachments().stream().filter(Attachment::looksLikeImage).toList();
        if (!rateLimiter.tryAcquire(message.authorId())) {
            send(conversation, Reply.text("You're sending pictures faster than I can look — please wait a minute and try again."));
            return;
        }
        submit(conversation, () -> {
            conversation.typing();
            for (Attachment image : images) {
                Answered answered = answer(message, image);
                if (answered.answerId() == null) {
                    send(conversation, answered.reply());
                    continue;
                }
                lastAnswer.put(channelKey(message), answered.answerId());
                conversation.send(answered.reply())
                        .thenAccept(sent -> linkPost(sent, answered.answerId()))
                        .exceptionally(e -> {
                            log.error("Could not send an answer: {}", e.getMessage());
                            return null;
                        });
            }
        });
    }

    private String helpText() {
        return commands.help(settings.prefix());
    }

    /** The commands every front end offers (a platform registers its own menu from this list). */
    public ChatCommands commands() {
        return commands;
    }

    /**
     * Runs a command whose options came typed (a Discord slash command): no text to parse, the
     * same command, rights and answers as its {@code !name} form.
     */
    public void handleCommand(String name, java.util.Map<String, String> options, IncomingMessage message,
                              Conversation conversation) {
        Optional<ChatCommand> command = commands.named(name);
        if (command.isEmpty()) {
            send(conversation, Reply.text("I don't know `" + settings.prefix() + name + "`. Try `" + settings.prefix() + "help`."));
            return;
        }
        command.get().run(new CommandCall(message, options, conversation));
    }

    private void command(IncomingMessage message, String command, Conversation conversation) {
        List<String> words = List.of(command.split("\\s+"));
        String name = words.get(0).toLowerCase(Locale.ROOT);
        Optional<ChatCommand> found = commands.named(name);
        if (found.isEmpty()) {
            send(conversation, Reply.text("I don't know `" + settings.prefix() + name + "`. Try `"
                    + settings.prefix() + "help`."));
            return;
        }
        java.util.Map<String, String> options = found.get().parse(words.subList(1, words.size()));
        if (options == null) {
            send(conversation, Reply.text("Usage: `" + settings.prefix() + name + " " + found.get().usage() + "`"));
            return;
        }
        found.get().run(new CommandCall(message, options, conversation));
    }

    /** A reply to a picture and, when it answered faces, the answer's id. */
    record Answered(Reply reply, String answerId) {
        static Answered text(String text) {
            return new Answered(Reply.text(text), null);
        }
    }

    /** Remembers which post carried the answer, so that replies and reactions to it find it later. */
    private void linkPost(Conversation.SentReply sent, String answerId) {
        if (sent == null || sent.messageId() == null || teaching.history().feedback().isEmpty()) {
            return;
        }
        try {
            teaching.history().feedback().get().linkPost(sent.messageId(), answerId);
        } catch (RuntimeException e) {
            log.warn("Could not remember the post of answer {}: {}", answerId, e.getMessage());
        }
    }

    /** The answer to one picture: lines per face, the annotated picture for several faces, recorded in the history. */
    Answered answer(IncomingMessage message, Attachment image) {
        if (image.bytes() == null || image.size() > settings.maxAttachmentBytes()) {
            return Answered.text(String.format(Locale.ROOT, "%s is too large for me (%.1f MiB; the limit is %.1f MiB).",
                    image.fileName(), image.size() / 1048576.0, settings.maxAttachmentBytes() / 1048576.0));
        }
        if (!live.isPresent()) {
            return Answered.text("I have no model yet — an admin can train one with `" + settings.prefix() + "train`.");
        }
        AnswerPicture.Answer answer;
        try {
            answer = answering.answer(image.bytes(), image.fileName(),
                    new Origin(source, message.guildId(), message.channelId(), message.authorId()), settings.annotateAlways());
        } catch (ImageDecodeException e) {
            return Answered.text("I couldn't read " + e.getMessage());
        }
        Reply reply = answer.annotatedPng() != null
                ? new Reply(answer.text(), List.of(new Reply.OutgoingFile("faces.png", answer.annotatedPng())))
                : Reply.text(answer.text());
        return new Answered(reply, answer.recognition().faces().isEmpty() ? null : answer.answerId());
    }

    public boolean trainingRunning() {
        return training.isRunning();
    }

    /** Every training's progress, whoever started it (chat, console or web); close the handle to stop. */
    public AutoCloseable watchTraining(java.util.function.Consumer<TrainingEvent> watcher) {
        return training.watch(watcher);
    }

    /** A learning curve ({@code accuracy.png}, {@code loss.png}) of the running training, as far as it got. */
    public Optional<java.nio.file.Path> runningTrainingCurve(String name) {
        return training.curve(name);
    }

    /** The use cases the chat teaches through, shared with the other front ends of this process. */
    public Teaching teaching() {
        return teaching;
    }

    /** Waits until queued work is done (and the training too, when asked); false on timeout. */
    public boolean awaitIdle(Duration timeout, boolean includingTraining) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0
                || (includingTraining && training.isRunning())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * Answers come before training: after each training batch, wait while pictures are being
     * answered, but at most {@link #MAX_TRAINING_PAUSE_MS} per batch so the training still moves.
     */
    private void waitWhileAnswering() {
        long deadline = System.nanoTime() + MAX_TRAINING_PAUSE_MS * 1_000_000L;
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void submit(Conversation conversation, Runnable work) {
        try {
            pending.incrementAndGet();
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Chat work failed", e);
                    send(conversation, Reply.text("Something went wrong on my side; please try again."));
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            send(conversation, Reply.text("I'm too busy right now — please try again in a minute."));
        }
    }

    private static void send(Conversation conversation, Reply reply) {
        Replies.send(conversation, reply);
    }

    /** Finishes queued work (bounded wait) and stops the pool. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
