package vn.binhduong.sct.platform;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * The Kafka client configuration of a service. Every property {@code kafka.<name>} (environment {@code KAFKA_<NAME>})
 * passes to the relay's producer, the inbox's consumer and the admin client as {@code <name>}: {@code bootstrap.servers},
 * {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.location}, client
 * tuning, anything the Kafka client knows. {@code kafka.producer.<name>}, {@code kafka.consumer.<name>} and
 * {@code kafka.admin.<name>} reach only that client. The platform's own choices that guard delivery (acks=all,
 * idempotence, manual commits) are applied over them and cannot be weakened by configuration.
 *
 * <p>Topics: {@code sct.kafka.replication-factor} (default 1: a single local broker; 3 on a cluster) and
 * {@code sct.kafka.min-insync-replicas} (default: 2 when replicated, else 1).
 */
@ApplicationScoped
public class KafkaConfig {
    private static final String PREFIX = "kafka.";
    private static final java.util.Set<String> CLIENT_SCOPES = java.util.Set.of("producer.", "consumer.", "admin.");

    private final Map<String, String> common = new TreeMap<>();
    private final Map<String, Map<String, String>> scoped = new TreeMap<>();
    private final short replicationFactor;
    private final int minInsyncReplicas;

    @jakarta.inject.Inject
    public KafkaConfig(Config config) {
        for (String found : config.getPropertyNames()) {
            // KAFKA_SASL_JAAS_CONFIG in the environment is kafka.sasl.jaas.config; looking the dotted name up keeps
            // the usual order (system property over environment over application.properties)
            String name = found.startsWith("KAFKA_") ? found.toLowerCase(java.util.Locale.ROOT).replace('_', '.') : found;
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String key = name.substring(PREFIX.length());
            String value = config.getOptionalValue(name, String.class).orElse(null);
            if (value == null || key.isEmpty()) {
                continue;
            }
            String scope = CLIENT_SCOPES.stream().filter(key::startsWith).findFirst().orElse(null);
            if (scope == null) {
                common.put(key, value);
            } else {
                scoped.computeIfAbsent(scope, s -> new TreeMap<>()).put(key.substring(scope.length()), value);
            }
        }
        common.putIfAbsent("bootstrap.servers", "localhost:9092");
        this.replicationFactor = config.getOptionalValue("sct.kafka.replication-factor", Short.class).orElse((short) 1);
        this.minInsyncReplicas = config.getOptionalValue("sct.kafka.min-insync-replicas", Integer.class)
                .orElse(replicationFactor > 1 ? 2 : 1);
    }

    /** For code outside CDI (benchmarks, tests): only the bootstrap servers. */
    public KafkaConfig(String bootstrapServers) {
        common.put("bootstrap.servers", bootstrapServers);
        this.replicationFactor = 1;
        this.minInsyncReplicas = 1;
    }

    public String bootstrapServers() {
        return common.get("bootstrap.servers");
    }

    public short replicationFactor() {
        return replicationFactor;
    }

    public int minInsyncReplicas() {
        return minInsyncReplicas;
    }

    /** Whether the connection is secured (TLS and/or SASL), for status pages. */
    public String securityProtocol() {
        return common.getOrDefault("security.protocol", "PLAINTEXT");
    }

    public Properties producer() {
        return build("producer.");
    }

    public Properties consumer() {
        return build("consumer.");
    }

    public Properties admin() {
        return build("admin.");
    }

    private Properties build(String scope) {
        Properties p = new Properties();
        p.putAll(common);
        p.putAll(scoped.getOrDefault(scope, Map.of()));
        return p;
    }
}
