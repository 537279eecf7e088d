package umimegu.bench;

import java.lang.management.ManagementFactory;
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
import umimegu.chat.Attachment;
import umimegu.chat.ChatBot;
import umimegu.chat.Conversation;
import umimegu.chat.IncomingMessage;
import umimegu.chat.Reply;
import umimegu.config.AppConfig;
import umimegu.config.ConfigLoader;
import umimegu.demo.SyntheticFaces;
import umimegu.model.TrainingListener;
import umimegu.usecase.HistorySession;

/**
 * A burst of picture messages from several users through the chat core (no network), while a
 * training runs: every message must get exactly one reply (an answer or a polite refusal). Prints
 * messages per second and the p50/p99 time from arrival to reply.
 */
public final class ChatBench {
    private static final int USERS = 20;
    private static final int MESSAGES = 200;
    /**
     * Bursts sent after the cold one, before the figures, until the JIT compiler threads take under
     * {@link #QUIET_JIT_SHARE} of the process's CPU in a burst (at least {@link #MIN_WARMUP_BURSTS},
     * at most {@link #MAX_WARMUP_BURSTS}): a bot answers for days, so its rate is the one after the
     * compilers are done (docs/chat.md); the warm-up bursts' rates are printed too.
     */
    private static final int MIN_WARMUP_BURSTS = 2;

    private static final int MAX_WARMUP_BURSTS = 15;
    private static final double QUIET_JIT_SHARE = 0.10;

    private static final long PACED_INTERVAL_MS = 100; // 10 messages/s: 20 users at 30 a minute each

    private ChatBench() {}

    /** What a burst measured; CPU figures are -1 where not known (training running, or not on Linux). */
    private record Burst(double messagesPerSecond, double cpuMsPerMessage, double jitMsPerMessage) {
        boolean compilersQuiet() {
            return jitMsPerMessage >= 0 && cpuMsPerMessage > 0 && jitMsPerMessage < QUIET_JIT_SHARE * cpuMsPerMessage;
        }
    }

    /** Sends the messages {@code intervalMs} apart (0: all at once) and prints the figures under {@code name}. */
    private static Burst burst(
            ChatBot bot, byte[] picture, String name, long intervalMs, BiConsumer<String, String> figure)
            throws InterruptedException {
        Recording[] conversations = new Recording[MESSAGES];
        long[] sent = new long[MESSAGES];
        long cpuStart = processCpuNanos();
        long jitStart = CompilerThreadsCpu.millis();
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
            bot.handle(
                    new IncomingMessage(
                            "",
                            List.of(new Attachment("picture.jpg", "image/jpeg", picture.length, picture)),
                            name + "-user" + (i % USERS),
                            false,
                            "c",
                            "g"),
                    conversations[i]);
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
            kinds.computeIfAbsent(conversations[i].kind(), k -> new AtomicInteger())
                    .incrementAndGet();
        }
        long cpu = processCpuNanos() - cpuStart;
        long jit = CompilerThreadsCpu.millis() - jitStart;
        Arrays.sort(latencies);
        figure.accept(
                "chat_" + name,
                MESSAGES + " picture messages (" + picture.length / 1024 + " KiB jpeg) from " + USERS
                        + " users, " + (intervalMs == 0 ? "all at once" : intervalMs + " ms apart") + ", training "
                        + (bot.trainingRunning() ? "running" : "not running") + " at the end");
        figure.accept("chat_" + name + "_replies", kinds.toString());
        figure.accept(
                "chat_" + name + "_first_answer",
                conversations[0].texts.isEmpty() ? "-" : conversations[0].texts.get(0));
        figure.accept("chat_" + name + "_lost", String.valueOf(lost));
        double rate = MESSAGES / ((last - start) / 1e9);
        figure.accept("chat_" + name + "_msgs_per_s", Figures.fmt(rate));
        double cpuPerMessage = -1;
        double jitPerMessage = -1;
        if (cpuStart >= 0 && intervalMs == 0 && !bot.trainingRunning()) { // training would count too
            cpuPerMessage = cpu / 1e6 / MESSAGES;
            figure.accept("chat_" + name + "_cpu_ms_per_msg", Figures.fmt(cpuPerMessage));
            if (jitStart >= 0) {
                jitPerMessage = jit / (double) MESSAGES;
                figure.accept("chat_" + name + "_jit_ms_per_msg", Figures.fmt(jitPerMessage)); // part of the CPU above
            }
        }
        figure.accept("chat_" + name + "_latency_p50_ms", Figures.fmt(Figures.percentile(latencies, 50)));
        figure.accept("chat_" + name + "_latency_p99_ms", Figures.fmt(Figures.percentile(latencies, 99)));
        return new Burst(rate, cpuPerMessage, jitPerMessage);
    }

    /**
     * CPU time of the whole process (every thread, native ones included), -1 where the JVM does not
     * say. Per message it is steadier than the rate on a shared machine, whose other tenants take
     * cores away: the rate is about cores ÷ CPU per message.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    public static void run(AppConfig base, byte[] picture, BiConsumer<String, String> figure) throws Exception {
        Path work = Files.createTempDirectory("umimegu-chat-bench");
        try {
            Properties p = (Properties) base.source().clone();
            p.setProperty("images.dir", work.resolve("images").toString());
            p.setProperty("images.test-dir", work.resolve("no-test").toString());
            p.setProperty("models.dir", work.resolve("models").toString());
            p.setProperty(
                    "history.jdbc-url", "jdbc:h2:" + work.resolve("history").toAbsolutePath());
            p.setProperty("train.max-epochs", "2");
            new SyntheticFaces(100).write(work.resolve("images"), 150, 7);
            Application app = new Application(ConfigLoader.parse(p));
            app.trainingService().train(new TrainingListener() {}, () -> false); // the model that answers
            p.setProperty("train.max-epochs", "1000");
            p.setProperty("train.patience", "1000");
            app = new Application(ConfigLoader.parse(p));

            try (HistorySession history = app.historySession();
                    ChatBot bot = app.chatBot("bench", app.liveModel(), history)) {
                // the first pictures after start also pay for compiling the answer path (the JIT); a bot
                // answers for days, so the figures after this one are taken once the path is compiled
                burst(bot, picture, "cold_burst", 0, figure);
                List<String> rates = new ArrayList<>();
                Burst warm;
                do {
                    warm = burst(
                            bot,
                            picture,
                            "warmup" + (rates.size() + 1),
                            0,
                            (key, value) -> {}); // new users each time: no rate limit
                    rates.add(Figures.fmt(warm.messagesPerSecond()));
                } while (rates.size() < MAX_WARMUP_BURSTS
                        && (rates.size() < MIN_WARMUP_BURSTS || !warm.compilersQuiet()));
                figure.accept(
                        "chat_warmup",
                        rates.size() + " more bursts of " + MESSAGES + " before the figures below ("
                                + (warm.compilersQuiet()
                                        ? "the JIT compilers took " + Figures.fmt(warm.jitMsPerMessage()) + " of "
                                                + Figures.fmt(warm.cpuMsPerMessage())
                                                + " ms of CPU a message in the last"
                                        : "the most; the compilers " + "were not quiet")
                                + "); their rates: " + String.join(", ", rates));
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
