package umimegu.chat;

import umimegu.usecase.LiveModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private final String source;
    private final RateLimiter rateLimiter;
    private final ThreadPoolExecutor workers;
    /** Work submitted and not finished; the pool's own counts miss a task between queue and worker. */
    private final AtomicInteger pending = new AtomicInteger();

    public ChatBot(ChatSettings settings, AnswerPicture answering, LiveModel live, TrainingService trainingService,
                   Function<String, PictureClassifier> loader, TestService tests, HistorySession history,
                   AnswerFormatter answers, String source, Clock clock) {
        this.settings = settings;
        this.answering = answering;
        this.live = live;
        this.training = new TrainingJob(trainingService, loader, live, this::waitWhileAnswering, settings.prefix());
        this.source = source;
        Worker worker = this::submit;
        List<ChatCommand> all = new ArrayList<>();
        all.add(new ClassifyCommand(this::answerPictures));
        all.add(new StatsCommand(worker, history, settings, clock));
        all.add(new TestCommand(worker, tests, live, answers));
        all.add(new TrainCommand(training, settings));
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
        if (text.startsWith(settings.prefix())) {
            command(message, text.substring(settings.prefix().length()).trim(), conversation);
            return;
        }
        List<Attachment> images = message.attachments().stream().filter(Attachment::looksLikeImage).toList();
        if (images.isEmpty()) {
            return; // chatter and other files are none of our business
        }
        answerPictures(message, conversation);
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
                send(conversation, answer(message, image));
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

    /** The answer to one picture: lines per face, the annotated picture for several faces, recorded in the history. */
    Reply answer(IncomingMessage message, Attachment image) {
        if (image.bytes() == null || image.size() > settings.maxAttachmentBytes()) {
            return Reply.text(String.format(Locale.ROOT, "%s is too large for me (%.1f MiB; the limit is %.1f MiB).",
                    image.fileName(), image.size() / 1048576.0, settings.maxAttachmentBytes() / 1048576.0));
        }
        if (!live.isPresent()) {
            return Reply.text("I have no model yet — an admin can train one with `" + settings.prefix() + "train`.");
        }
        AnswerPicture.Answer answer;
        try {
            answer = answering.answer(image.bytes(), image.fileName(),
                    new Origin(source, message.guildId(), message.channelId(), message.authorId()), settings.annotateAlways());
        } catch (ImageDecodeException e) {
            return Reply.text("I couldn't read " + e.getMessage());
        }
        return answer.annotatedPng() != null
                ? new Reply(answer.text(), List.of(new Reply.OutgoingFile("faces.png", answer.annotatedPng())))
                : Reply.text(answer.text());
    }

    public boolean trainingRunning() {
        return training.isRunning();
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
