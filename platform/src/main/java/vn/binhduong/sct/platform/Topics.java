package vn.binhduong.sct.platform;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates event topics the way the platform needs them: history kept forever (projections are rebuilt by replaying
 * from the beginning). Both sides call it, the producer before its first publish and the consumer before it
 * subscribes, so a consumer never waits for a metadata refresh to discover a topic created after it started.
 */
public final class Topics {
    public static final int DEFAULT_PARTITIONS = 3;

    private Topics() {
    }

    /**
     * Creates each topic unless it exists, replicated as configured ({@code sct.kafka.replication-factor}, with
     * {@code min.insync.replicas}, so that with producers at acks=all an acknowledged event is on at least that many
     * brokers); throws when the broker cannot be reached within 10 s.
     */
    public static void ensure(KafkaConfig kafka, List<String> topics, int partitions) {
        Properties p = kafka.admin();
        p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(p)) {
            for (String topic : topics) {
                NewTopic newTopic = new NewTopic(topic, partitions, kafka.replicationFactor())
                        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1",
                                "min.insync.replicas", Integer.toString(kafka.minInsyncReplicas())));
                try {
                    admin.createTopics(List.of(newTopic)).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not answer within 10 s", e);
        }
    }
}
