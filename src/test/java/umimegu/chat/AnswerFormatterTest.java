package umimegu.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import umimegu.model.Prediction;

class AnswerFormatterTest {

    @Test
    void defaultWordingUsesTheFolderNameCapitalisedWithOneDecimal() {
        var formatter = new AnswerFormatter(new AnswerSettings("This is {label}: {percent}%", 1, Map.of()));
        assertEquals("This is Megumi: 56.1%", formatter.format(new Prediction("megumi", 0.56100, List.of(0.561, 0.439))));
        assertEquals("This is Takamachi Nanoha: 99.5%",
                formatter.format(new Prediction("takamachi_nanoha", 0.99549, List.of(0.99549, 0.00451))));
    }

    @Test
    void japaneseTemplateInTheSeedsStyle() {
        var formatter = new AnswerFormatter(new AnswerSettings("これは{label}です。確率: {percent}%", 3,
                Map.of("megumi", "恵美", "umi", "海美")));
        assertEquals("これは恵美です。確率: 56.100%", formatter.format(new Prediction("megumi", 0.561, List.of(0.561, 0.439))));
    }
}
