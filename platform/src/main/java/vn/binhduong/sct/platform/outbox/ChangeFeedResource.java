package vn.binhduong.sct.platform.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.security.Roles;

/**
 * What changed since a client's last visit, for provincial systems outside the cluster (Kafka is internal): the
 * published history of this service's outbox as CloudEvents 1.0 JSON, oldest first. The cursor is the position after
 * the last event returned, (publication time, outbox id), so an event whose transaction committed late (a lower id,
 * published later) is not skipped; it is kept in the database, so it survives restarts of either side. A client
 * stores {@code next} and asks again with {@code after=next}; an empty page keeps the same {@code next}.
 * Payload fields named in {@code sct.change-feed.personal-fields} are left out for roles that may not see personal data.
 */
@Path("/api/v1/events")
@Tag(name = "change feed", description = "This service's events since a cursor, as CloudEvents 1.0")
public class ChangeFeedResource {
    private static final Set<String> PERSONAL_DATA_ROLES = Set.of(Roles.ADMIN, Roles.PARTY_COMMITTEE);

    @Schema(description = "A page of the change feed")
    public record ChangeFeedPage(
            @Schema(description = "CloudEvents 1.0 in JSON: specversion, id, source, type, time, subject, datacontenttype, "
                    + "dataversion, organization, data") List<JsonNode> events,
            @Schema(description = "pass as 'after' to get what comes next; also when this page is empty") String next) {
    }

    private final EntityManager em;
    private final String service;
    private final List<String> personalFields;

    public ChangeFeedResource(EntityManager em, @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "sct.change-feed.personal-fields", defaultValue = " ") List<String> personalFields) {
        this.em = em;
        this.service = service;
        this.personalFields = personalFields.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @GET
    @Produces({ "application/json", "application/cloudevents-batch+json" })
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "This service's published events after a cursor, oldest first, as CloudEvents 1.0 JSON")
    @SuppressWarnings("unchecked")
    public ChangeFeedPage listEvents(
            @Parameter(description = "the 'next' of the previous page; absent for the beginning") @QueryParam("after") String after,
            @Parameter(description = "events per page, 1 to 1000") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @Context SecurityContext security) {
        Instant afterTime = Instant.EPOCH;
        long afterId = 0;
        if (after != null && !after.isBlank()) {
            Cursor c = Cursor.parse(after, 2);
            afterTime = Instant.ofEpochSecond(0, 0).plusNanos(c.longValue(0) * 1000);
            afterId = c.longValue(1);
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, event_id, event_type, event_version, source, organization, aggregate_type, aggregate_id,
                       occurred_at, payload::text, published_at
                  FROM outbox
                 WHERE published_at IS NOT NULL AND (published_at, id) > (?1, ?2)
                 ORDER BY published_at, id LIMIT ?3""")
                .setParameter(1, afterTime.atOffset(ZoneOffset.UTC)).setParameter(2, afterId).setParameter(3, limit)
                .getResultList();
        boolean personal = PERSONAL_DATA_ROLES.stream().anyMatch(security::isUserInRole);
        List<JsonNode> events = new ArrayList<>(rows.size());
        String next = after == null || after.isBlank() ? Cursor.after(0, 0) : after;
        for (Object[] r : rows) {
            events.add(cloudEvent(r, personal));
            Instant published = toInstant(r[10]);
            long micros = published.getEpochSecond() * 1_000_000L + published.getNano() / 1000;
            next = Cursor.after(micros, ((Number) r[0]).longValue());
        }
        return new ChangeFeedPage(events, next);
    }

    private JsonNode cloudEvent(Object[] r, boolean personal) {
        ObjectNode e = EventJson.MAPPER.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", r[1].toString());
        e.put("source", "/sct/" + service);
        e.put("type", (String) r[2]);
        e.put("time", toInstant(r[8]).atOffset(ZoneOffset.UTC).toString());
        e.put("subject", r[6] + "/" + r[7]);
        e.put("datacontenttype", "application/json");
        e.put("dataversion", ((Number) r[3]).intValue());
        if (r[5] != null) {
            e.put("organization", (String) r[5]);
        }
        try {
            JsonNode data = EventJson.MAPPER.readTree((String) r[9]);
            if (!personal && data instanceof ObjectNode object) {
                object.remove(personalFields);
            }
            e.set("data", data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            e.putNull("data");
        }
        return e;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
