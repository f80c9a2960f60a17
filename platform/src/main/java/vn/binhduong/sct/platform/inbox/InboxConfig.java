package vn.binhduong.sct.platform.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sct.inbox")
public interface InboxConfig {
    /** Whether this service consumes events. */
    @WithDefault("false")
    boolean enabled();

    /** Topics to consume. */
    Optional<List<String>> topics();

    /** Consumer group; defaults to the application name. */
    Optional<String> groupId();

    /**
     * The consumer's static group membership id ({@code group.instance.id}); one per running replica. Defaults to the
     * group and the host name (a Kubernetes pod's name), so a restarted instance is the same member.
     */
    Optional<String> instanceId();

    @WithDefault("500")
    int maxPollRecords();

    /** Tries of one event before it is set aside in {@code inbox_dead_letter}. */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("500ms")
    Duration pollTimeout();
}
