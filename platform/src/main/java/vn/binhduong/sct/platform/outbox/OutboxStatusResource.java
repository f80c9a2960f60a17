package vn.binhduong.sct.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.platform.security.Roles;

/** Whether this service's events have all left for Kafka: the first half of "has everything reached the report?". */
@Path("/api/v1/outbox")
@Tag(name = "outbox", description = "Events waiting to be published by this service")
public class OutboxStatusResource {
    @Schema(description = "The outbox of this service")
    public record OutboxStatus(
            @Schema(description = "the topic this service publishes to") String topic,
            @Schema(description = "events committed but not yet acknowledged by the broker") long pending,
            @Schema(description = "when the oldest pending event was written; absent when none is pending") OffsetDateTime oldestPendingAt,
            @Schema(description = "events this instance published since it started") long publishedSinceStart,
            @Schema(description = "true while the broker is unreachable (writes still succeed; events wait)") boolean brokerUnreachable) {
    }

    private final EntityManager em;
    private final OutboxRelay relay;

    public OutboxStatusResource(EntityManager em, OutboxRelay relay) {
        this.em = em;
        this.relay = relay;
    }

    @GET
    @Path("status")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "Pending events and broker reachability of this service's outbox")
    public OutboxStatus outboxStatus() {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT count(*), min(created_at) FROM outbox WHERE published_at IS NULL").getSingleResult();
        OffsetDateTime oldest = row[1] == null ? null : ((java.time.Instant) row[1]).atOffset(ZoneOffset.UTC);
        return new OutboxStatus(relay.topic(), ((Number) row[0]).longValue(), oldest, relay.publishedCount(), relay.inOutage());
    }
}
