package umimegu.config;

import java.util.Properties;

import umimegu.chat.AnswerSettings;
import umimegu.history.HistorySettings;
import umimegu.model.InputSpec;
import umimegu.model.TrainingSettings;

/** The whole validated configuration; {@code source} is what it was read from, saved with each model. */
public record AppConfig(Paths paths, InputSpec input, TrainingSettings training, AnswerSettings answers,
                        HistorySettings history, Properties source) {

    public AppConfig withTraining(TrainingSettings newTraining) {
        return new AppConfig(paths, input, newTraining, answers, history, source);
    }

    public AppConfig withHistory(HistorySettings newHistory) {
        return new AppConfig(paths, input, training, answers, newHistory, source);
    }

    public AppConfig withPaths(Paths newPaths) {
        return new AppConfig(newPaths, input, training, answers, history, source);
    }
}
