package umimegu.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import umimegu.chart.ConfusionMatrixChart;
import umimegu.chart.ReliabilityDiagram;
import umimegu.common.ServerPaths;
import umimegu.model.TestService;
import umimegu.recognition.AnswerFormatter;
import umimegu.report.TestText;
import umimegu.usecase.LiveModel;

/** {@code !test}: the seed's test line, calibration, the confusion matrix and the reliability diagram. */
public final class TestCommand implements ChatCommand {
    private final ChatWorkers worker;
    private final TestService tests;
    private final LiveModel live;
    private final AnswerFormatter answers;

    public TestCommand(ChatWorkers worker, TestService tests, LiveModel live, AnswerFormatter answers) {
        this.worker = worker;
        this.tests = tests;
        this.live = live;
        this.answers = answers;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String description() {
        return "score the model on the held-out pictures";
    }

    @Override
    public void run(CommandCall call) {
        worker.submit(call.conversation(), () -> {
            call.conversation().typing();
            Replies.send(call.conversation(), test());
        });
    }

    private Reply test() {
        if (!live.isPresent()) {
            return Reply.text("There is no model to test yet.");
        }
        try {
            var outcome = tests.test(live.get().modelId());
            var result = outcome.result();
            List<String> lines = new ArrayList<>();
            lines.add(String.format(
                    Locale.ROOT,
                    "%s (model %s, %d pictures)",
                    TestText.seedLine(result),
                    outcome.modelId(),
                    result.total()));
            lines.addAll(TestText.calibration(result, outcome.temperature(), answers.unsureBelow()));
            return new Reply(
                    String.join("\n", lines),
                    List.of(
                            new Reply.OutgoingFile(ConfusionMatrixChart.FILE, ConfusionMatrixChart.png(result)),
                            new Reply.OutgoingFile(ReliabilityDiagram.FILE, ReliabilityDiagram.png(result))));
        } catch (RuntimeException e) {
            return Reply.text("Cannot test: " + ServerPaths.hidden(e.getMessage()));
        }
    }
}
