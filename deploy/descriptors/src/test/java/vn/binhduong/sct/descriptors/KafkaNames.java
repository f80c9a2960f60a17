package vn.binhduong.sct.descriptors;

import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The configuration names the Kafka clients know (producer, consumer, admin; security settings included). */
final class KafkaNames {
    static final Set<String> ALL;

    static {
        Set<String> s = new TreeSet<>();
        s.addAll(ProducerConfig.configNames());
        s.addAll(ConsumerConfig.configNames());
        s.addAll(AdminClientConfig.configNames());
        ALL = Set.copyOf(s);
    }

    private KafkaNames() {
    }
}
