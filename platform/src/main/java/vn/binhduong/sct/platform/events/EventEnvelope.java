package vn.binhduong.sct.platform.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope every event travels in (DESIGN.md §3). The payload is kept as a JSON tree so that a consumer reads
 * only the fields it knows ({@link #payloadAs(Class)} ignores the rest).
 */
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        String source,
        OffsetDateTime occurredAt,
        String organization,
        String aggregateType,
        String aggregateId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new event with a random id, occurring now (UTC, microsecond precision as PostgreSQL stores it). */
    public static EventEnvelope create(EventType type, String source, String organization, String aggregateType,
            String aggregateId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), source,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), organization, aggregateType,
                aggregateId, EventJson.tree(payload));
    }

    public <T> T payloadAs(Class<T> payloadType) {
        return EventJson.fromTree(payload, payloadType);
    }

    public boolean is(EventType eventType) {
        return type.equals(eventType.name());
    }
}
