package umimegu.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void hoursDaysAndWeeks() {
        assertEquals(Optional.of(Duration.ofHours(12)), Period.parse("12h"));
        assertEquals(Optional.of(Duration.ofDays(7)), Period.parse(" 7D "));
        assertEquals(Optional.of(Duration.ofDays(28)), Period.parse("4w"));
    }

    @Test
    void anythingElseIsNotAPeriod() {
        for (String text : new String[] {"", "7", "d", "7y", "-7d", "7d7", "99999999999999999999d", "<@123>"}) {
            assertEquals(Optional.empty(), Period.parse(text), text);
        }
    }
}
