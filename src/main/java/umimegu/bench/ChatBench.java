package umimegu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import umimegu.app.Application;
import umimegu.usecase.HistorySession;
import umimegu.chat.Attachment;
import umimegu.chat.ChatBot;
import umimegu.chat.Conversation;
import umimegu.chat.IncomingMessage;
import umimegu.chat.Reply;
import umimegu.config.AppConfig;
import umimegu.config.ConfigLoader;
import umimegu.demo.SyntheticFaces;
import umimegu.model.TrainingListener;

/**
 * A burst of picture messages from several users through the chat core (no network), while a
 * training runs: every message must get exactly one reply (an answer or a polite refusal). Prints
 * messages per second and the p50/p99 time from arrival to reply.
 */
public final class ChatBench {
    private static final int USERS = 20;
    private static final int MESSAGES = 200;
    /**
     * Bursts sent after the cold one and before the figures. Measured, the first burst after start
     * is the slowest (40–52 pictures a second); runs of five and of ten bursts in a row gave 53–71
     * from the second on, with no further rise after the third.
     */
    private static final int WARMUP_BURSTS = 2;

    private static final long PACED_INTERVAL_MS = 100; // 10 messages/s: 20 users at 30 a minute each

    private ChatBench() {
    }

    /** Sends the messages {@code intervalMs} apart (0: all at once) and prints the figures under {@code name}. */
    private static void burst(ChatBot bot, byte[] picture, String name, long intervalMs, BiConsumer<String, String> figure)
            throws InterruptedException {
        Recording[] conversations = new Recording[MESSAGES];
        long[] sent = new long[MESSAGES];
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            if (intervalMs > 0) {
                long due = start + i * intervalMs * 1_000_000L;
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
            }
            conversations[i] = new Recording();
            sent[i] = System.nanoTime();
            bot.handle(new IncomingMessage("", List.of(new Attachment("picture.jpg", "image/jpeg", picture.length,
                    picture)), name + "-user" + (i % USERS), false, "c", "g"), conversations[i]);
        }
        double[] latencies = new double[MESSAGES];
        Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
        int lost = 0;
        long last = start;
        for (int i = 0; i < MESSAGES; i++) {
            if (!conversations[i].awaitReplies(1, 120_000)) {
                lost++;
                continue;
            }
            last = Math.max(last, conversations[i].firstReplyNanos);
            latencies[i] = (conversations[i].firstReplyNanos - sent[i]) / 1e6;
            kinds.computeIfAbsent(conversations[i].kind(), k -> new AtomicInteger()).incrementAndGet();
        }
        Arrays.sort(latencies);
        figure.accept("chat_" + name, MESSAGES + " picture messages (" + picture.length / 1024 + " KiB jpeg) from " + USERS
                + " users, " + (intervalMs == 0 ? "all at once" : intervalMs + " ms apart") + ", training "
                + (bot.trainingRunning() ? "running" : "not running") + " at the end");
        figure.accept("chat_" + name + "_replies", kinds.toString());
        figure.accept("chat_" + name + "_first_answer", conversations[0].texts.isEmpty() ? "-" : conversations[0].texts.get(0));
        figure.accept("chat_" + name + "_lost", String.valueOf(lost));
        figure.accept("chat_" + name + "_msgs_per_s", Figures.fmt(MESSAGES / ((last - start) / 1e9)));
        figure.accept("chat_" + name + "_latency_p50_ms", Figures.fmt(Figures.percentile(latencies, 50)));
        figure.accept("chat_" + name + "_latency_p99_ms", Figures.fmt(Figures.percentile(latencies, 99)));
    }

    public static void run(AppConfig base, byte[] picture, BiConsumer<String, String> figure) throws Exception {
        Path work = Files.createTempDirectory("umimegu-chat-bench");
        try {
            Properties p = (Properties) base.source().clone();
            p.setProperty("images.dir", work.resolve("images").toString());
            p.setProperty("images.test-dir", work.resolve("no-test").toString());
            p.setProperty("models.dir", work.resolve("models").toString());
            p.setProperty("history.jdbc-url", "jdbc:h2:" + work.resolve("history").toAbsolutePath());
            p.setProperty("train.max-epochs", "2");
            new SyntheticFaces(100).write(work.resolve("images"), 150, 7);
            Application app = new Application(ConfigLoader.parse(p));
            app.trainingService().train(new TrainingListener() { }, () -> false); // the model that answers
            p.setProperty("train.max-epochs", "1000");
            p.setProperty("train.patience", "1000");
            app = new Application(ConfigLoader.parse(p));

            try (HistorySession history = app.historySession();
                 ChatBot bot = app.chatBot("bench", app.liveModel(), history)) {
                // the first pictures after start also pay for compiling the answer path (the JIT); a bot
                // answers for days, so the figures after this one are taken once the path is compiled
                burst(bot, picture, "cold_burst", 0, figure);
                for (int i = 1; i <= WARMUP_BURSTS; i++) {
                    burst(bot, picture, "warmup" + i, 0, (key, value) -> { });
                }
                figure.accept("chat_warmup", WARMUP_BURSTS + " more bursts of " + MESSAGES + " before the figures below");
                burst(bot, picture, "idle_burst", 0, figure); // no training: what the two cores give to answers
                Recording admin = new Recording();
                bot.handle(new IncomingMessage("!train", List.of(), "admin", true, "c", "g"), admin);
                admin.awaitReplies(1, 120_000); // the progress message: training has started
                figure.accept("chat_training_running", String.valueOf(bot.trainingRunning()));

                burst(bot, picture, "burst", 0, figure);
                burst(bot, picture, "paced", PACED_INTERVAL_MS, figure);
                bot.handle(new IncomingMessage("!train cancel", List.of(), "admin", true, "c", "g"), admin);
                bot.awaitIdle(Duration.ofMinutes(5), true);
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Remembers when the first reply came and what it was. */
    private static final class Recording implements Conversation {
        private final List<String> texts = new ArrayList<>();
        private volatile long firstReplyNanos;

        @Override
        public synchronized CompletableFuture<SentReply> send(Reply reply) {
            if (texts.isEmpty()) {
                firstReplyNanos = System.nanoTime();
            }
            texts.add(reply.text());
            notifyAll();
            return CompletableFuture.completedFuture(text -> CompletableFuture.completedFuture(null));
        }

        synchronized boolean awaitReplies(int n, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (texts.size() < n && System.currentTimeMillis() < deadline) {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
            return texts.size() >= n;
        }

        synchronized String kind() {
            String first = texts.get(0);
            if (first.contains("%")) {
                return "answered";
            }
            return first.contains("wait") || first.contains("busy") ? "rate_limited" : "other";
        }
    }
}
