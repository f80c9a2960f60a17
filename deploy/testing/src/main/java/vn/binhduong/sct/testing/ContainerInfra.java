package vn.binhduong.sct.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL and a Kafka broker in containers (Testcontainers), started once per test JVM, for {@link InfraMode#CONTAINERS}.
 * Images: {@code SCT_TEST_POSTGRES_IMAGE} (default {@code postgres:17-alpine}, the major version the embedded
 * server runs) and {@code SCT_TEST_KAFKA_IMAGE} (default {@code apache/kafka:4.1.1}, KRaft, the client's line).
 * Ryuk, Testcontainers' reaper, removes them when the JVM ends.
 */
final class ContainerInfra {
    private static PostgreSQLContainer postgres;
    private static KafkaContainer kafka;

    private ContainerInfra() {
    }

    static synchronized PostgreSQLContainer postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer(image("SCT_TEST_POSTGRES_IMAGE", "postgres:17-alpine"))
                    .withDatabaseName("sct_test").withUsername("postgres").withPassword("postgres")
                    // the same durability as the embedded server: an acknowledged commit is on disk
                    .withCommand("postgres", "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "max_connections=300",
                            "-c", "log_error_verbosity=terse", "-c", "log_min_error_statement=panic");
            postgres.start();
        }
        return postgres;
    }

    static synchronized KafkaContainer kafka() {
        if (kafka == null) {
            kafka = new KafkaContainer(image("SCT_TEST_KAFKA_IMAGE", "apache/kafka:4.1.1"));
            kafka.start();
        }
        return kafka;
    }

    private static String image(String env, String fallback) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : v;
    }
}
