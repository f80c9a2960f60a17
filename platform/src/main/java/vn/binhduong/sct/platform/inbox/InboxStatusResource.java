package vn.binhduong.sct.platform.inbox;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.platform.security.Roles;

/** How far this service has applied the topics it consumes (empty and caught up for a service that consumes none). */
@Path("/api/v1/inbox")
@Tag(name = "inbox", description = "Events this service consumes from other services")
public class InboxStatusResource {
    @Schema(description = "How far this service has applied the topics it consumes")
    public record InboxLag(
            @Schema(description = "true when every partition of every consumed topic is applied up to its end") boolean caughtUp,
            @Schema(description = "events behind, summed over all partitions") long totalLag,
            @Schema(description = "per topic and partition") List<PartitionLag> partitions) {
    }

    private final InboxConsumer inbox;
    private final InboxConfig config;

    public InboxStatusResource(InboxConsumer inbox, InboxConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    @GET
    @Path("lag")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "Last applied offset against the end offset, per consumed topic and partition")
    public InboxLag inboxLag() {
        if (!config.enabled()) {
            return new InboxLag(true, 0, List.of());
        }
        List<PartitionLag> partitions = inbox.lag();
        long total = partitions.stream().mapToLong(PartitionLag::lag).sum();
        return new InboxLag(total == 0, total, partitions);
    }
}
