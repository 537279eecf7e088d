package umimegu.history.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a period [from, to) (either end open when null) into whole UTC days, answered from the
 * rollup, and at most two partial-day segments at the ends, answered from the raw rows.
 */
record StatsPlan(boolean hasWholeDays, LocalDate firstDay, LocalDate endDay, List<Segment> partialDays) {

    /** Raw rows in [from, to), all within {@code day}. */
    record Segment(LocalDate day, Instant from, Instant to) {}

    static StatsPlan of(Instant from, Instant to) {
        LocalDate firstDay = from == null ? null : ceilDay(from);
        LocalDate endDay = to == null ? null : day(to);
        List<Segment> partial = new ArrayList<>();
        if (firstDay != null && endDay != null && !firstDay.isBefore(endDay)) {
            // no whole day inside: at most two pieces, split at the midnight between them
            Instant midnight = start(day(from).plusDays(1));
            if (from.isBefore(to)) {
                partial.add(new Segment(day(from), from, to.isBefore(midnight) ? to : midnight));
                if (to.isAfter(midnight)) {
                    partial.add(new Segment(day(to), midnight, to));
                }
            }
            return new StatsPlan(false, null, null, partial);
        }
        if (from != null && !from.equals(start(firstDay))) {
            partial.add(new Segment(day(from), from, start(firstDay)));
        }
        if (to != null && !to.equals(start(endDay))) {
            partial.add(new Segment(endDay, start(endDay), to));
        }
        return new StatsPlan(true, firstDay, endDay, partial);
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    private static LocalDate ceilDay(Instant t) {
        LocalDate d = day(t);
        return t.equals(start(d)) ? d : d.plusDays(1);
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
