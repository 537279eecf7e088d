package umimegu.chat.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import umimegu.chat.Attachment;
import umimegu.chat.ChatBot;
import umimegu.chat.Conversation;
import umimegu.chat.IncomingMessage;
import umimegu.chat.Reply;

/**
 * The chat over standard input and output, for a machine with no Discord: each line is a
 * message; a line naming a file is that file posted as an attachment. Pictures the bot would post
 * are written to {@code outDir} and their paths printed.
 */
public final class ConsoleChat {
    private static final Duration WAIT = Duration.ofHours(6);

    private final ChatBot bot;
    private final PrintWriter out;
    private final Path outDir;
    private final boolean admin;
    private final long maxAttachmentBytes;
    private final boolean nsfw;
    private final AtomicInteger files = new AtomicInteger();

    /** {@code nsfw}: the console counts as a channel marked NSFW (no picture is written as a spoiler). */
    public ConsoleChat(
            ChatBot bot, PrintWriter out, Path outDir, boolean admin, long maxAttachmentBytes, boolean nsfw) {
        this.bot = bot;
        this.out = out;
        this.outDir = outDir;
        this.admin = admin;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.nsfw = nsfw;
    }

    /** Reads until end of input or "quit", then waits for running work (a training included). */
    public void run(BufferedReader in) throws IOException, InterruptedException {
        say("Type " + bot.prefix() + "help, a path to a picture, or quit.");
        String line;
        while ((line = in.readLine()) != null) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.equals("quit") || text.equals("exit")) {
                break;
            }
            IncomingMessage message = text.startsWith(bot.prefix()) ? command(text) : picture(text);
            if (message != null) {
                bot.handle(message, conversation);
                bot.awaitIdle(WAIT, false);
            }
        }
        if (bot.trainingRunning()) {
            say("Waiting for the training to finish…");
        }
        bot.awaitIdle(WAIT, true);
    }

    /** A command; words naming files are attached, as pictures posted with it ({@code !add umi a.png b.png}). */
    private IncomingMessage command(String text) throws IOException {
        List<String> words = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            Path file = Path.of(word);
            if (!word.startsWith(bot.prefix()) && word.contains(".") && Files.isRegularFile(file)) {
                attachments.add(attachment(file));
            } else {
                words.add(word);
            }
        }
        return message(String.join(" ", words), attachments);
    }

    private Attachment attachment(Path file) throws IOException {
        long size = Files.size(file);
        byte[] bytes = size > maxAttachmentBytes ? null : Files.readAllBytes(file);
        return new Attachment(file.getFileName().toString(), Files.probeContentType(file), size, bytes);
    }

    private IncomingMessage picture(String text) throws IOException {
        Path file = Path.of(text);
        if (!Files.isRegularFile(file)) {
            say("No such file: " + text + " (commands start with " + bot.prefix() + ")");
            return null;
        }
        long size = Files.size(file);
        byte[] bytes = size > maxAttachmentBytes ? null : Files.readAllBytes(file);
        return message(
                "", List.of(new Attachment(file.getFileName().toString(), Files.probeContentType(file), size, bytes)));
    }

    private IncomingMessage message(String text, List<Attachment> attachments) {
        return new IncomingMessage(text, attachments, "console", admin, "console", null);
    }

    private synchronized void say(String text) {
        text.lines().forEach(l -> out.println("bot> " + l));
        out.flush();
    }

    private final Conversation conversation = new Conversation() {
        @Override
        public boolean nsfw() {
            return nsfw;
        }

        @Override
        public CompletableFuture<SentReply> send(Reply reply) {
            say(reply.text());
            for (Reply.OutgoingFile file : reply.files()) {
                try {
                    Files.createDirectories(outDir);
                    Path target = outDir.resolve(files.incrementAndGet() + "-" + file.name());
                    Files.write(target, file.bytes());
                    say("(picture) " + target);
                } catch (IOException e) {
                    say("(could not write " + file.name() + ": " + e.getMessage() + ")");
                }
            }
            return CompletableFuture.completedFuture(edit -> {
                say("(update) " + edit);
                return CompletableFuture.completedFuture(null);
            });
        }
    };
}
