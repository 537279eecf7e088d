package umimegu.app;

import java.time.Clock;
import java.util.List;
import umimegu.chat.AddCommand;
import umimegu.chat.ChannelCommand;
import umimegu.chat.ChatCommands;
import umimegu.chat.ChatSettings;
import umimegu.chat.ChatWorkers;
import umimegu.chat.ClassifyCommand;
import umimegu.chat.DecideCommand;
import umimegu.chat.JudgeCommand;
import umimegu.chat.LabelsCommand;
import umimegu.chat.ModelsCommand;
import umimegu.chat.PictureAnswers;
import umimegu.chat.ReviewCommand;
import umimegu.chat.StatsCommand;
import umimegu.chat.TestCommand;
import umimegu.chat.TrainCommand;
import umimegu.chat.UseModelCommand;
import umimegu.model.TestService;
import umimegu.recognition.AnswerFormatter;
import umimegu.usecase.HistorySession;
import umimegu.usecase.LiveModel;
import umimegu.usecase.Teaching;
import umimegu.usecase.TrainModel;

/** Every chat command, in the order {@code !help} lists them: the one registry every chat front end reads. */
final class ChatCommandList {
    private ChatCommandList() {}

    /** What the commands work with: the chat's pool and pictures, and the use cases of this process. */
    record Parts(
            ChatSettings settings,
            ChatWorkers workers,
            PictureAnswers pictures,
            HistorySession history,
            TestService tests,
            LiveModel live,
            AnswerFormatter answers,
            TrainModel training,
            Teaching teaching,
            Clock clock) {}

    static ChatCommands of(Parts p) {
        ChatSettings s = p.settings();
        ChatWorkers w = p.workers();
        Teaching t = p.teaching();
        return new ChatCommands(
                List.of(
                        new ClassifyCommand(p.pictures()),
                        new StatsCommand(w, p.history(), s, p.clock()),
                        new TestCommand(w, p.tests(), p.live(), p.answers()),
                        new TrainCommand(p.training(), s.prefix()),
                        new JudgeCommand("right", true, w, t.judge(), p.pictures(), s),
                        new JudgeCommand("wrong", false, w, t.judge(), p.pictures(), s),
                        new JudgeCommand("feedback", null, w, t.judge(), p.pictures(), s),
                        new AddCommand(w, t.add(), s),
                        new LabelsCommand(w, t),
                        new ReviewCommand(w, t.review(), s),
                        new DecideCommand(true, w, t.review(), s),
                        new DecideCommand(false, w, t.review(), s),
                        new ModelsCommand(w, t.models(), s),
                        new UseModelCommand(false, w, t.models(), s, p.training()::isRunning),
                        new UseModelCommand(true, w, t.models(), s, p.training()::isRunning),
                        new ChannelCommand(w, t.channels(), s)),
                s.prefix());
    }
}
