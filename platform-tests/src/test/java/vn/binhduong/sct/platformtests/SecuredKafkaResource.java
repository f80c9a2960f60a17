package vn.binhduong.sct.platformtests;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.binhduong.sct.embedded.EmbeddedKafka;
import vn.binhduong.sct.testing.TestCertificates;

/**
 * A broker secured like a province's cluster (SASL_SSL, SCRAM-SHA-512, a CA and broker certificate made at test time)
 * and the service's Kafka client configuration for it, given only as {@code kafka.*} properties. The broker knows
 * the service's user with a different password than the one the service is given: the service starts with wrong
 * credentials, and {@link #fixCredentials()} makes them right, as an operator would.
 */
public class SecuredKafkaResource implements QuarkusTestResourceLifecycleManager {
    static final String USER = "platform-tests";
    static final String SERVICE_PASSWORD = "service-password-" + java.util.UUID.randomUUID();
    private static EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target/secured-kafka");
        TestCertificates certs = TestCertificates.create(dir.resolve("tls"), "test-store-password");
        kafka = EmbeddedKafka.startSecured(dir.resolve("broker"), true, "384m",
                new EmbeddedKafka.SaslSsl(certs.serverKeyStore().toAbsolutePath(), certs.password()));
        kafka.upsertScramUser(USER, "the-broker-knows-another-password");
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.securedBootstrapServers());
        config.put("kafka.security.protocol", "SASL_SSL");
        config.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
        config.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + USER + "\" password=\"" + SERVICE_PASSWORD + "\";");
        config.put("kafka.ssl.truststore.location", certs.trustStore().toAbsolutePath().toString());
        config.put("kafka.ssl.truststore.password", certs.password());
        config.put("kafka.ssl.truststore.type", "PKCS12");
        config.put("kafka.client.id", "platform-tests-secured");
        config.put("sct.outbox.max-backoff", "1s");
        return config;
    }

    /** Gives the broker the password the service was configured with. */
    static void fixCredentials() {
        kafka.upsertScramUser(USER, SERVICE_PASSWORD);
    }

    static String plaintextBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** After the shared embedded infrastructure, so that its kafka.bootstrap.servers gives way to this one. */
    @Override
    public int order() {
        return 100;
    }
}
