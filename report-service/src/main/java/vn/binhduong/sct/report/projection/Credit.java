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

    private static long micros(EventEnvelope e) {
        java.time.Instant i = e.occurredAt().toInstant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }
}
