package umimegu.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import umimegu.recognition.AnswerFormatter;
import umimegu.chart.ConfusionMatrixChart;
import umimegu.chart.ReliabilityDiagram;
import umimegu.chart.DailyPredictionsChart;
import umimegu.usecase.AnswerPicture;
import umimegu.usecase.HistorySession;
import umimegu.history.Period;
import umimegu.history.StatsQuery;
import umimegu.history.StatsReport;
import umimegu.model.Classifier;
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
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>|(\\d{5,})");

    private final ChatSettings settings;
    private final AnswerPicture answering;
    private final LiveModel live;
    private final TrainingJob training;
    private final TestService tests;
    private final HistorySession history;
    private final AnswerFormatter answers;
    private final String source;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final ThreadPoolExecutor workers;
    /** Work submitted and not finished; the pool's own counts miss a task between queue and worker. */
    private final AtomicInteger pending = new AtomicInteger();

    public ChatBot(ChatSettings settings, AnswerPicture answering, LiveModel live, TrainingService trainingService,
                   Function<String, Classifier> loader, TestService tests, HistorySession history,
                   AnswerFormatter answers, String source, Clock clock) {
        this.settings = settings;
        this.answering = answering;
        this.live = live;
        this.training = new TrainingJob(trainingService, loader, live, this::waitWhileAnswering);
        this.tests = tests;
        this.history = history;
        this.answers = answers;
        this.source = source;
        this.clock = clock;
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

    private void command(IncomingMessage message, String command, Conversation conversation) {
        String[] words = command.split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        switch (name) {
            case "help" -> send(conversation, Reply.text(help()));
            case "train" -> train(message, words, conversation);
            case "test" -> submit(conversation, () -> {
                conversation.typing();
                send(conversation, test());
            });
            case "stats" -> submit(conversation, () -> send(conversation, stats(words)));
            default -> send(conversation, Reply.text("I don't know `" + settings.prefix() + name + "`. Try `"
                    + settings.prefix() + "help`."));
        }
    }

    private void train(IncomingMessage message, String[] words, Conversation conversation) {
        if (!message.authorIsAdmin() && !settings.adminIds().contains(message.authorId())) {
            send(conversation, Reply.text("Sorry, only admins can train the model."));
            return;
        }
        if (words.length > 1 && words[1].equalsIgnoreCase("cancel")) {
            send(conversation, Reply.text(training.cancel()));
            return;
        }
        String busy = training.startOrDescribe(conversation);
        if (busy != null) {
            send(conversation, Reply.text(busy));
        }
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

    private Reply test() {
        if (!live.isPresent()) {
            return Reply.text("There is no model to test yet.");
        }
        try {
            var outcome = tests.test(live.get().model());
            var result = outcome.result();
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "%s (model %s, %d pictures)", TestText.seedLine(result),
                    outcome.modelId(), result.total()));
            lines.addAll(TestText.calibration(result, live.get().model().info().temperature(), answers.unsureBelow()));
            return new Reply(String.join("\n", lines),
                    List.of(new Reply.OutgoingFile("confusion-matrix.png", ConfusionMatrixChart.png(result)),
                            new Reply.OutgoingFile(ReliabilityDiagram.FILE, ReliabilityDiagram.png(result))));
        } catch (RuntimeException e) {
            return Reply.text("Cannot test: " + e.getMessage());
        }
    }

    private Reply stats(String[] words) {
        if (!history.isAvailable()) {
            return Reply.text("The prediction history is unavailable right now.");
        }
        Instant from = null;
        String user = null;
        for (int i = 1; i < words.length; i++) {
            Optional<Duration> period = Period.parse(words[i]);
            Matcher mention = MENTION.matcher(words[i]);
            if (period.isPresent()) {
                from = clock.instant().minus(period.get());
            } else if (mention.matches()) {
                user = mention.group(1) != null ? mention.group(1) : mention.group(2);
            } else {
                return Reply.text("Usage: `" + settings.prefix() + "stats [12h|7d|4w] [@user]`");
            }
        }
        try {
            StatsReport report = history.stats(new StatsQuery(from, null, user, null, null, 5)).orElseThrow();
            String table = "```\n" + StatsText.format(report, 5) + "```";
            return settings.statsChart() && report.total() > 0
                    ? new Reply(table, List.of(new Reply.OutgoingFile("stats.png", DailyPredictionsChart.png(report.perDay()))))
                    : Reply.text(table);
        } catch (RuntimeException e) {
            log.error("Stats query failed: {}", e.getMessage());
            return Reply.text("The prediction history is unavailable right now.");
        }
    }

    private String help() {
        String p = settings.prefix();
        return String.join("\n",
                "Post a picture and I'll say who is in it, one line per face.",
                "`" + p + "stats [12h|7d|4w] [@user]` what I've answered so far",
                "`" + p + "test` score the model on the held-out pictures",
                "`" + p + "train` retrain from the labelled pictures (admins), `" + p + "train cancel` to stop",
                "`" + p + "help` this text");
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
        conversation.send(reply).exceptionally(e -> {
            log.error("Could not send a reply: {}", e.getMessage());
            return null;
        });
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
