package vn.binhduong.sct.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import vn.binhduong.sct.platform.inbox.InboxConfig;
import vn.binhduong.sct.platform.inbox.InboxConsumer;
import vn.binhduong.sct.platform.outbox.OutboxRelay;

/**
 * Readiness of the event path. A broker that is away does not make a service unready: writes still succeed and wait
 * in the outbox, so the check stays UP and says {@code degraded} with the reason. The database is the datasource's own
 * readiness check: without it nothing can be written, and the service is DOWN.
 */
@Readiness
@ApplicationScoped
public class EventPathHealth implements HealthCheck {
    private final OutboxRelay relay;
    private final InboxConsumer inbox;
    private final InboxConfig inboxConfig;

    public EventPathHealth(OutboxRelay relay, InboxConsumer inbox, InboxConfig inboxConfig) {
        this.relay = relay;
        this.inbox = inbox;
        this.inboxConfig = inboxConfig;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-path").up().withData("topic", relay.topic())
                .withData("published", relay.publishedCount());
        var reason = relay.degradedReason();
        var inboxReason = inboxConfig.enabled() ? inbox.degradedReason() : java.util.Optional.<String>empty();
        b.withData("degraded", reason.isPresent() || inboxReason.isPresent());
        reason.ifPresent(r -> b.withData("reason", r));
        inboxReason.ifPresent(r -> b.withData("inboxReason", r));
        if (inboxConfig.enabled()) {
            b.withData("applied", inbox.appliedCount());
        }
        return b.build();
    }
}
