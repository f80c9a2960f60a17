package vn.binhduong.sct.platform.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "sct.outbox")
public interface OutboxConfig {
    /** Whether this service runs the relay (a service that only consumes turns it off). */
    @WithDefault("true")
    boolean enabled();

    /** The topic this service publishes to, e.g. {@code sct.member.events}. */
    Optional<String> topic();

    /** Partitions of the topic when the relay creates it. */
    @WithDefault("3")
    int partitions();

    /** Rows published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * Batches handed to the producer whose acknowledgements the relay has not yet seen; the next batch is read and sent
     * while earlier ones are acknowledged and marked. 1 sends a batch only after the one before it is marked.
     */
    @WithDefault("4")
    @WithName("max-in-flight")
    int maxInFlight();

    /** How often the relay looks for rows when nothing woke it up. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The longest wait between retries while the broker is unreachable. */
    @WithDefault("15s")
    Duration maxBackoff();
}
