package vn.binhduong.sct.platform;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the broker is: {@code kafka.bootstrap.servers} (env {@code KAFKA_BOOTSTRAP_SERVERS}), the one Kafka setting a
 * deployment changes. A plain property rather than a mapping, because {@code kafka.*} is a namespace other tools share.
 */
@ApplicationScoped
public class KafkaConfig {
    private final String bootstrapServers;

    public KafkaConfig(@ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
