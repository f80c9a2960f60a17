package vn.binhduong.sct.report.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.platform.inbox.InboxConsumer;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.report.projection.FigureStore;

@Path("/api/v1/projections")
@Tag(name = "projections", description = "What the report is built from; how far it has caught up is the platform's GET /api/v1/inbox/lag")
public class ProjectionResource {
    @Schema(description = "Events applied from one source, of one type")
    public record Tally(String source, String eventType, long applied, OffsetDateTime lastOccurredAt) {
    }

    @Schema(description = "A rebuild that has started: the projections are empty and the topics replay from the beginning")
    public record Rebuild(
            @Schema(description = "always REPLAYING; poll GET /api/v1/inbox/lag until caughtUp", examples = "REPLAYING") String status,
            @Schema(description = "the topics replayed") List<String> topics) {
    }

    private final InboxConsumer inbox;
    private final EntityManager em;
    private final FigureStore store;

    public ProjectionResource(InboxConsumer inbox, EntityManager em, FigureStore store) {
        this.inbox = inbox;
        this.em = em;
        this.store = store;
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Drop every projection and replay every topic from the beginning",
            description = "Empties the figures (in the same transaction as the inbox and its positions), then the consumer"
                    + " re-reads the topics; poll the platform's GET /api/v1/inbox/lag until caughtUp. Reports generated afterwards"
                    + " are byte-identical to those generated before from the same events.")
    public Response rebuildProjections() throws Exception {
        inbox.replayFromBeginning(store::clearAll).get(60, java.util.concurrent.TimeUnit.SECONDS);
        return Response.accepted(new Rebuild("REPLAYING", inbox.topics())).build();
    }

    @GET
    @Path("events")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Events applied, by source and type")
    public List<Tally> listEventTallies() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT source, event_type, applied, last_at FROM event_tally ORDER BY source, event_type").getResultList();
        return rows.stream().map(r -> new Tally((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((java.time.Instant) r[3]).atOffset(ZoneOffset.UTC))).toList();
    }
}
