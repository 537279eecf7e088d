package umimegu.chat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.recognition.Origin;
import umimegu.teaching.AnswerPosts;
import umimegu.usecase.AnswerPicture;
import umimegu.usecase.LiveModel;
import umimegu.vision.DecoderBusyException;
import umimegu.vision.ImageDecodeException;

/**
 * Pictures posted in a chat, answered on the pool within each author's rate limit, and which
 * answer a judgement is about: the one a message replies to, else the last one in its channel.
 */
public final class PictureAnswers {
    private static final Logger log = LoggerFactory.getLogger(PictureAnswers.class);
    private static final String DIRECT = "";

    private final ChatSettings settings;
    private final AnswerPicture answering;
    private final LiveModel live;
    private final Optional<AnswerPosts> posts;
    private final ChatWorkers workers;
    private final RateLimiter rateLimiter;
    private final String source;
    /** The last answer per channel ({@link #DIRECT} without one): what {@code !wrong} judges when it replies to nothing. */
    private final Map<String, String> lastAnswer = new ConcurrentHashMap<>();

    /** {@code source} names the front end in the history (console, discord); {@code posts} links answers to their posts. */
    public PictureAnswers(
            ChatSettings settings,
            AnswerPicture answering,
            LiveModel live,
            Optional<AnswerPosts> posts,
            ChatWorkers workers,
            RateLimiter rateLimiter,
            String source) {
        this.settings = settings;
        this.answering = answering;
        this.live = live;
        this.posts = posts;
        this.workers = workers;
        this.rateLimiter = rateLimiter;
        this.source = source;
    }

    /** Every picture attached to the message, answered on the pool, within the author's rate limit. */
    public void answerAll(IncomingMessage message, Conversation conversation) {
        List<Attachment> images = message.attachments().stream()
                .filter(Attachment::looksLikeImage)
                .toList();
        if (!rateLimiter.tryAcquire(message.authorId())) {
            Replies.send(
                    conversation,
                    Reply.text("You're sending pictures faster than I can look — please wait a minute and try again."));
            return;
        }
        workers.submit(conversation, () -> {
            conversation.typing();
            for (Attachment image : images) {
                Answered answered = answer(message, image, conversation);
                if (answered.answerId() == null) {
                    Replies.send(conversation, answered.reply());
                    continue;
                }
                lastAnswer.put(channelKey(message), answered.answerId());
                conversation
                        .send(answered.reply())
                        .thenAccept(sent -> linkPost(sent, answered.answerId()))
                        .exceptionally(e -> {
                            log.error("Could not send an answer: {}", e.getMessage());
                            return null;
                        });
            }
        });
    }

    /** The answer a message replies to, else the last answer in its channel; null when neither is known. */
    String answerJudgedBy(IncomingMessage m) {
        if (m.replyToMessageId() != null && posts.isPresent()) {
            Optional<String> replied = posts.get().answerOfPost(m.replyToMessageId());
            if (replied.isPresent()) {
                return replied.get();
            }
        }
        return lastAnswer.get(channelKey(m));
    }

    private static String channelKey(IncomingMessage m) {
        return m.channelId() == null ? DIRECT : m.channelId();
    }

    /** A reply to a picture and, when it answered faces, the answer's id. */
    record Answered(Reply reply, String answerId) {
        static Answered text(String text) {
            return new Answered(Reply.text(text), null);
        }
    }

    /** Remembers which post carried the answer, so that replies and reactions to it find it later. */
    private void linkPost(Conversation.SentReply sent, String answerId) {
        if (sent == null || sent.messageId() == null || posts.isEmpty()) {
            return;
        }
        try {
            posts.get().linkPost(sent.messageId(), answerId);
        } catch (RuntimeException e) {
            log.warn("Could not remember the post of answer {}: {}", answerId, e.getMessage());
        }
    }

    /** The answer to one picture: lines per face, the annotated picture for several faces, recorded in the history. */
    Answered answer(IncomingMessage message, Attachment image, Conversation conversation) {
        if (image.bytes() == null || image.size() > settings.maxAttachmentBytes()) {
            return Answered.text(String.format(
                    Locale.ROOT,
                    "%s is too large for me (%.1f MiB; the limit is %.1f MiB).",
                    image.fileName(),
                    image.size() / 1048576.0,
                    settings.maxAttachmentBytes() / 1048576.0));
        }
        if (!live.isPresent()) {
            return Answered.text("I have no model yet — an admin can train one with `" + settings.prefix() + "train`.");
        }
        AnswerPicture.Answer answer;
        try {
            answer = answering.answer(
                    image.bytes(),
                    image.fileName(),
                    new Origin(source, message.guildId(), message.channelId(), message.authorId()),
                    settings.annotateAlways(),
                    conversation.nsfw());
        } catch (ImageDecodeException e) {
            return Answered.text("I couldn't read " + e.getMessage());
        } catch (DecoderBusyException e) {
            return Answered.text("I'm busy with other large pictures: " + e.getMessage() + ".");
        }
        // Discord shows a file whose name starts with SPOILER_ blurred until clicked.
        String file = answer.spoiler() ? "SPOILER_faces.png" : "faces.png";
        Reply reply = answer.annotatedPng() != null
                ? new Reply(answer.text(), List.of(new Reply.OutgoingFile(file, answer.annotatedPng())))
                : Reply.text(answer.text());
        return new Answered(reply, answer.recognition().faces().isEmpty() ? null : answer.answerId());
    }
}
