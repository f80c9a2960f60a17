package vn.binhduong.sct.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

/** A logged value cannot start a line of its own. */
class LogSafeTest {
    @Test
    void controlCharactersInLoggedValuesAreEscaped() {
        String forged = "/api/v1/organizations/\u0000\n2026-01-01 00:00:00,000 ERROR [X] forged";
        assertEquals("/api/v1/organizations/\\u0000\\n2026-01-01 00:00:00,000 ERROR [X] forged", LogSafe.of(forged));
        assertEquals("Chi bộ 4", LogSafe.of("Chi bộ 4"), "ordinary text is unchanged");
        LogRecord record = new LogRecord(Level.SEVERE, "unexpected error %s on %s");
        record.setParameters(new Object[] {"id-1", forged, 42});
        new LogSafeFilter().isLoggable(record);
        assertFalse(record.getParameters()[1].toString().contains("\n"));
        assertEquals(42, record.getParameters()[2], "non-text values are left as they are");
    }
}
