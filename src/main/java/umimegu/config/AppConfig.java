package umimegu.config;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import umimegu.chat.ChatSettings;
import umimegu.history.HistorySettings;
import umimegu.model.InputSpec;
import umimegu.model.ModelKind;
import umimegu.model.TrainingSettings;
import umimegu.recognition.AnswerSettings;
import umimegu.recognition.CropFolder;
import umimegu.recognition.SpoilerSettings;
import umimegu.vision.DecodeLimits;
import umimegu.vision.FaceSettings;

/**
 * The whole validated configuration; {@code source} is what it was read from, saved with each model.
 * {@code crops} is where classified face crops are kept, null when they are not; {@code reviewDir} holds
 * pictures from the chat waiting for an admin's review;
 * {@code discordGuildIds} are servers that get slash commands registered directly (empty: global);
 * {@code modelKind} is what a training makes, {@code backboneSize} the picture size the pretrained
 * backbone sees in it; {@code spoilers} when an annotated copy is hidden as a spoiler.
 */
public record AppConfig(
        Paths paths,
        InputSpec input,
        TrainingSettings training,
        AnswerSettings answers,
        HistorySettings history,
        DecodeLimits decode,
        FaceSettings faces,
        CropFolder crops,
        Path reviewDir,
        ChatSettings chat,
        Set<String> discordGuildIds,
        Cluster cluster,
        WebSettings web,
        boolean mirrorAverage,
        ModelKind modelKind,
        int backboneSize,
        SpoilerSettings spoilers,
        Properties source) {

    public AppConfig withTraining(TrainingSettings newTraining) {
        return new AppConfig(
                paths,
                input,
                newTraining,
                answers,
                history,
                decode,
                faces,
                crops,
                reviewDir,
                chat,
                discordGuildIds,
                cluster,
                web,
                mirrorAverage,
                modelKind,
                backboneSize,
                spoilers,
                source);
    }

    public AppConfig withCluster(Cluster newCluster) {
        return new AppConfig(
                paths,
                input,
                training,
                answers,
                history,
                decode,
                faces,
                crops,
                reviewDir,
                chat,
                discordGuildIds,
                newCluster,
                web,
                mirrorAverage,
                modelKind,
                backboneSize,
                spoilers,
                source);
    }

    public AppConfig withWeb(WebSettings newWeb) {
        return new AppConfig(
                paths,
                input,
                training,
                answers,
                history,
                decode,
                faces,
                crops,
                reviewDir,
                chat,
                discordGuildIds,
                cluster,
                newWeb,
                mirrorAverage,
                modelKind,
                backboneSize,
                spoilers,
                source);
    }

    public AppConfig withPaths(Paths newPaths) {
        return new AppConfig(
                newPaths,
                input,
                training,
                answers,
                history,
                decode,
                faces,
                crops,
                reviewDir,
                chat,
                discordGuildIds,
                cluster,
                web,
                mirrorAverage,
                modelKind,
                backboneSize,
                spoilers,
                source);
    }
}
