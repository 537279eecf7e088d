package umimegu.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import umimegu.model.Prediction;

class AnswerFormatterTest {

    @Test
    void defaultWordingUsesTheFolderNameCapitalisedWithOneDecimal() {
        var formatter = new AnswerFormatter(AnswerSettings.of("This is {label}: {percent}%", 1, Map.of()));
        assertEquals(
                "This is Megumi: 91.2%",
                formatter.format(new Prediction("megumi", 0.91234, List.of(0.91234, 0.08766))));
        assertEquals(
                "This is Takamachi Nanoha: 99.5%",
                formatter.format(new Prediction("takamachi_nanoha", 0.99549, List.of(0.99549, 0.00451))));
    }

    /** The seed's own example: a third idol scored 56.1% Megumi. Below the threshold the answer says so. */
    @Test
    void belowTheThresholdTheAnswerSaysItIsUnsure() {
        var formatter = new AnswerFormatter(AnswerSettings.of("This is {label}: {percent}%", 1, Map.of()));
        Prediction seed = new Prediction("megumi", 0.561, List.of(0.561, 0.439));
        assertEquals("Not sure — closest is Megumi: 56.1%", formatter.format(seed));
        assertEquals("Face 2: Not sure — closest is Megumi: 56.1%", formatter.formatFace(2, seed));
        assertEquals(
                "Face 1: This is Umi: 60.0%", formatter.formatFace(1, new Prediction("umi", 0.6, List.of(0.4, 0.6))));
    }

    @Test
    void japaneseTemplateInTheSeedsStyle() {
        var formatter = new AnswerFormatter(new AnswerSettings(
                "これは{label}です。確率: {percent}%",
                3,
                Map.of("megumi", "恵美", "umi", "海美"),
                0.0,
                "自信がありません。近いのは{label}です。確率: {percent}%",
                "顔{n}: {answer}",
                "",
                0.0,
                "知らない子です（{label}、{percent}%）"));
        assertEquals("これは恵美です。確率: 56.100%", formatter.format(new Prediction("megumi", 0.561, List.of(0.561, 0.439))));
    }

    @Test
    void belowTheUnknownThresholdTheAnswerSaysItDoesNotKnowTheCharacter() {
        var settings = AnswerSettings.of("This is {label}: {percent}%", 1, Map.of());
        var formatter = new AnswerFormatter(new AnswerSettings(
                settings.template(),
                1,
                Map.of(),
                0.6,
                settings.unsureTemplate(),
                settings.faceTemplate(),
                settings.noFaceNote(),
                0.4,
                "I don't know this one (closest: {label}, {percent}%)"));
        Prediction low = new Prediction("umi", 0.31, List.of(0.2, 0.31, 0.25, 0.24));
        assertEquals("I don't know this one (closest: Umi, 31.0%)", formatter.format(low));
        assertTrue(formatter.isUnsure(low));
        assertEquals(
                "Not sure — closest is Umi: 45.0%", formatter.format(new Prediction("umi", 0.45, List.of(0.55, 0.45))));
        assertEquals("This is Umi: 90.0%", formatter.format(new Prediction("umi", 0.9, List.of(0.1, 0.9))));
    }

    @Test
    void aTwoLabelModelIsUnsureButNeverSaysItDoesNotKnowTheCharacter() {
        var formatter = new AnswerFormatter(AnswerSettings.of("This is {label}: {percent}%", 1, Map.of()));
        var strict = unsureBelow75(0.6);
        Prediction twoLabels = new Prediction("megumi", 0.561, List.of(0.561, 0.439));
        assertEquals("Not sure — closest is Megumi: 56.1%", strict.format(twoLabels));
        assertEquals(
                "I don't know this one (closest: Megumi, 56.1%)",
                strict.format(new Prediction("megumi", 0.561, List.of(0.561, 0.339, 0.1))));
        assertEquals(
                "Not sure — closest is Megumi: 70.0%",
                strict.format(new Prediction("megumi", 0.7, List.of(0.7, 0.2, 0.1))));
        assertTrue(formatter.isUnsure(twoLabels));
    }

    @Test
    void withAutoEachModelsOwnThresholdDecidesWhatItDoesNotKnow() {
        AnswerFormatter auto = unsureBelow75(Double.NaN);
        List<Double> three = List.of(0.5, 0.3, 0.2);
        Prediction confidentModel = new Prediction("umi", 0.5, three, 0.55);
        Prediction humbleModel = new Prediction("umi", 0.5, three, 0.35);
        assertTrue(auto.isUnknown(confidentModel), "below the model's own 0.55");
        assertFalse(auto.isUnknown(humbleModel), "above the model's own 0.35");
        assertTrue(auto.isUnknown(new Prediction("umi", 0.59, List.of(0.59, 0.3, 0.11))), "an older model: 0.6");
        assertFalse(auto.isUnknown(new Prediction("umi", 0.61, List.of(0.61, 0.3, 0.09))), "an older model: 0.6");

        AnswerFormatter fixed = unsureBelow75(0.4);
        assertFalse(fixed.isUnknown(confidentModel), "a configured number holds for every model");
        assertTrue(fixed.isUnknown(new Prediction("umi", 0.39, List.of(0.39, 0.31, 0.3), 0.1)));
        assertFalse(unsureBelow75(0).isUnknown(confidentModel), "0: never");
        Prediction sureOfItsValidation = new Prediction("umi", 0.9, List.of(0.9, 0.06, 0.04), 0.97);
        assertFalse(auto.isUnknown(sureOfItsValidation), "never above the unsure threshold (0.75)");
        assertTrue(auto.isUnknown(new Prediction("umi", 0.74, List.of(0.74, 0.2, 0.06), 0.97)));
    }

    /** English answers, unsure below 0.75, not knowing below {@code unknownBelow}. */
    private static AnswerFormatter unsureBelow75(double unknownBelow) {
        return new AnswerFormatter(new AnswerSettings(
                "This is {label}: {percent}%",
                1,
                Map.of(),
                0.75,
                "Not sure — closest is {label}: {percent}%",
                "Face {n}: {answer}",
                "",
                unknownBelow,
                "I don't know this one (closest: {label}, {percent}%)"));
    }
}
