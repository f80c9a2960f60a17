package vn.binhduong.sct.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapping of events: ISO-8601 dates, unknown fields ignored on read (tolerant reader), independent of how
 * a service configures Jackson for its REST API.
 */
public final class EventJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventJson() {
    }

    public static JsonNode tree(Object payload) {
        return payload instanceof JsonNode node ? node : MAPPER.valueToTree(payload);
    }

    public static <T> T fromTree(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static byte[] toBytes(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same envelope JSON as {@link #toBytes}, with the payload written as the raw JSON text it is stored as (the
     * outbox's jsonb), so the relay neither parses nor re-serialises it.
     */
    public static byte[] toBytes(java.util.UUID id, String type, int version, String source,
            java.time.OffsetDateTime occurredAt, String organization, String aggregateType, String aggregateId,
            String rawPayload) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256 + rawPayload.length() * 2);
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id.toString());
            g.writeStringField("type", type);
            g.writeNumberField("version", version);
            g.writeStringField("source", source);
            g.writeFieldName("occurredAt");
            MAPPER.writeValue(g, occurredAt);
            g.writeStringField("organization", organization);
            g.writeStringField("aggregateType", aggregateType);
            g.writeStringField("aggregateId", aggregateId);
            g.writeFieldName("payload");
            g.writeRawValue(rawPayload);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static EventEnvelope fromBytes(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, EventEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an event envelope: " + e.getMessage(), e);
        }
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
