package vn.binhduong.sct.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.events.EventType;

class EventJsonTest {
    record MemberAdmitted(String memberId, String cellCode) {
    }

    @Test
    void envelopeRoundTripsWithItsVersionAndPayload() {
        EventEnvelope e = EventEnvelope.create(EventType.of("member.admitted", 2), "member-service", "DB-SCT", "member",
                "m-1", new MemberAdmitted("m-1", "CB1"));
        EventEnvelope back = EventJson.fromBytes(EventJson.toBytes(e));
        assertEquals(e, back);
        assertEquals(2, back.version());
        assertEquals("CB1", back.payloadAs(MemberAdmitted.class).cellCode());
    }

    @Test
    void theRelaysRawPayloadWriterMakesTheSameEnvelope() throws Exception {
        EventEnvelope e = EventEnvelope.create(EventType.of("member.admitted", 2), "member-service", "DB-SCT", "member",
                "m-1", new MemberAdmitted("m-1", "Chi bộ \"1\" \u2028 ✓"));
        // as PostgreSQL prints jsonb: spaces after separators, keys in its own order
        String stored = "{\"cellCode\": \"Chi bộ \\\"1\\\" \\u2028 ✓\", \"memberId\": \"m-1\"}";
        byte[] raw = EventJson.toBytes(e.id(), e.type(), e.version(), e.source(), e.occurredAt(), e.organization(),
                e.aggregateType(), e.aggregateId(), stored);
        assertEquals(EventJson.MAPPER.readTree(EventJson.toBytes(e)), EventJson.MAPPER.readTree(raw));
        assertEquals(e, EventJson.fromBytes(raw));
    }

    @Test
    void readersIgnoreFieldsTheyDoNotKnow() {
        String json = """
                {"id":"8a0c3f56-2b7e-4c39-9d3c-0d1e2f3a4b5c","type":"member.admitted","version":1,"source":"member-service",
                 "occurredAt":"2021-12-04T08:00:00+07:00","organization":"DB-SCT","aggregateType":"member","aggregateId":"m-1",
                 "payload":{"memberId":"m-1","cellCode":"CB2","addedLater":true},"traceId":"abc"}""";
        EventEnvelope e = EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("CB2", e.payloadAs(MemberAdmitted.class).cellCode());
        assertEquals(7 * 3600, e.occurredAt().getOffset().getTotalSeconds());
    }

    @Test
    void eventTypeNamesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> EventType.of("MemberAdmitted", 1));
        assertThrows(IllegalArgumentException.class, () -> EventType.of("member.admitted", 0));
        assertThrows(NullPointerException.class, () -> EventEnvelope.create(EventType.of("a.b", 1), "s", null, "t", null, Map.of()),
                "an event names its aggregate");
    }
}
