package umimegu.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServerPathsTest {
    @Test
    void absolutePathsAreCutToTheirLastPartAndOtherTextStays() {
        assertEquals(
                "model nope not found in models", ServerPaths.hidden("model nope not found in /srv/umimegu/models"));
        assertEquals(
                "images must hold at least 2 label folders",
                ServerPaths.hidden("/home/bot/umimegu/images/ must hold at least 2 label folders"));
        assertEquals("cannot read 'current'", ServerPaths.hidden("cannot read '/tmp/x/models/current'"));
        assertEquals("see C:", ServerPaths.hidden("see C:"));
        assertEquals("data", ServerPaths.hidden("C:\\Users\\bot\\data"));
        String kept = "use `/classify image:` or http://127.0.0.1:8080/api/models and 3/4 of 1/2";
        assertEquals(kept, ServerPaths.hidden(kept));
    }
}
