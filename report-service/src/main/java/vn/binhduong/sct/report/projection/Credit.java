package vn.binhduong.sct.report.projection;

import vn.binhduong.sct.platform.events.EventEnvelope;

/**
 * Which of two events a recomputed figure is credited to: the later by (occurred-at, event id), compared as
 * PostgreSQL compares the row {@code (occurred_at, event_id)} (timestamps to the microsecond, uuids byte by byte, which
 * is their lower-case text order).
 */
final class Credit {
    private Credit() {
    }

    /** {@code a} is later than {@code b} (or {@code b} is null). */
    static boolean later(EventEnvelope a, EventEnvelope b) {
        if (b == null) {
            return true;
        }
        long am = micros(a);
        long bm = micros(b);
        if (am != bm) {
            return am > bm;
        }
        return a.id().toString().compareTo(b.id().toString()) > 0;
    }

    /**
     * The SQL that moves a {@code figure} row's credit to the event of {@code source} (a row alias: {@code EXCLUDED}
     * in an upsert, the unnested batch in an {@code UPDATE ... FROM}) when that event is the later, as {@link #later}
     * decides: the {@code SET} clauses of {@code event_id}, {@code event_type} and {@code occurred_at}.
     */
    static String sqlSet(String source) {
        String later = "(figure.occurred_at, figure.event_id) <= (" + source + ".occurred_at, " + source + ".event_id)";
        return "event_id = CASE WHEN " + later + " THEN " + source + ".event_id ELSE figure.event_id END,\n"
                + "event_type = CASE WHEN " + later + " THEN " + source + ".event_type ELSE figure.event_type END,\n"
                + "occurred_at = GREATEST(figure.occurred_at, " + source + ".occurred_at)";
    }

    private static long micros(EventEnvelope e) {
        java.time.Instant i = e.occurredAt().toInstant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }
}
