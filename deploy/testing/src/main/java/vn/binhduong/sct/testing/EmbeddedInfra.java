package vn.binhduong.sct.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.binhduong.sct.embedded.EmbeddedKafka;
import vn.binhduong.sct.embedded.EmbeddedPostgres;
import vn.binhduong.sct.embedded.JwtKeys;

/**
 * Test resource for every service: a real PostgreSQL and a real Kafka broker, started once per test JVM and shared
 * by all test classes, plus the JWT key the tokens of {@link TestTokens} are signed with. Where a datasource URL
 * ({@code QUARKUS_DATASOURCE_JDBC_URL}) or bootstrap servers ({@code KAFKA_BOOTSTRAP_SERVERS}) are given explicitly,
 * those external servers are used and nothing embedded starts. {@code SCT_TEST_INFRA=containers|auto} runs them in
 * containers instead (Testcontainers, {@link InfraMode}); the embedded servers are the default.
 *
 * <p>Use: {@code @QuarkusTestResource(value = EmbeddedInfra.class, restrictToAnnotatedClass = false)} on one test
 * class of the module is enough.
 */
public class EmbeddedInfra implements QuarkusTestResourceLifecycleManager {
    private static final Path ROOT = Path.of("target", "embedded-infra").toAbsolutePath();
    private static EmbeddedPostgres postgres;
    private static EmbeddedKafka kafka;
    private static JwtKeys keys;
    /*
     * A test profile (@TestProfile) runs in a class loader of its own, where the fields above start out null. The
     * servers of the first loader keep running and keep writing in ROOT, so a second start there would delete their
     * files under them (and did: "cannot delete .../postgres" in CI). The first start leaves its addresses in these
     * JVM-wide system properties, and later loaders use the same servers.
     */
    static final String SHARED_JDBC_URL = "sct.testing.embedded.jdbc-url";
    static final String SHARED_BOOTSTRAP = "sct.testing.embedded.bootstrap-servers";

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        InfraMode mode = InfraMode.current();
        Optional<String> jdbcUrl = external("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        if (jdbcUrl.isEmpty() && mode == InfraMode.CONTAINERS) {
            var pg = ContainerInfra.postgres();
            config.put("quarkus.datasource.jdbc.url", pg.getJdbcUrl());
            config.put("quarkus.datasource.username", pg.getUsername());
            config.put("quarkus.datasource.password", pg.getPassword());
        } else if (jdbcUrl.isEmpty()) {
            String shared = System.getProperty(SHARED_JDBC_URL);
            if (postgres == null && shared == null) {
                postgres = EmbeddedPostgres.start(ROOT.resolve("postgres"), 0, true);
                Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
            }
            if (postgres != null) {
                shared = postgres.ensureDatabase("sct_test");
                System.setProperty(SHARED_JDBC_URL, shared);
            }
            config.put("quarkus.datasource.jdbc.url", shared);
            config.put("quarkus.datasource.username", EmbeddedPostgres.USER);
            config.put("quarkus.datasource.password", EmbeddedPostgres.PASSWORD);
        }
        Optional<String> bootstrap = external("kafka.bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap.isEmpty() && mode == InfraMode.CONTAINERS) {
            config.put("kafka.bootstrap.servers", ContainerInfra.kafka().getBootstrapServers());
        } else if (bootstrap.isEmpty()) {
            String shared = System.getProperty(SHARED_BOOTSTRAP);
            if (kafka == null && shared == null) {
                kafka = EmbeddedKafka.start(ROOT.resolve("kafka"), 0, true);
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
            }
            if (kafka != null) {
                shared = kafka.bootstrapServers();
                System.setProperty(SHARED_BOOTSTRAP, shared);
            }
            config.put("kafka.bootstrap.servers", shared);
        }
        config.put("mp.jwt.verify.publickey.location", keys().publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", JwtKeys.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by the shutdown hooks.
    }

    /**
     * The embedded broker, for tests that stop and restart it; empty when an external broker is used, and in a test
     * profile's class loader (which uses the broker without owning it).
     */
    public static Optional<EmbeddedKafka> kafka() {
        return Optional.ofNullable(kafka);
    }

    /**
     * The embedded database server, for tests that stop and restart it; empty when an external one is used, and in a
     * test profile's class loader.
     */
    public static Optional<EmbeddedPostgres> postgres() {
        return Optional.ofNullable(postgres);
    }

    /** Bootstrap servers the application under test uses. */
    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static synchronized JwtKeys keys() {
        if (keys == null) {
            try {
                Files.createDirectories(ROOT);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            keys = JwtKeys.ensure(ROOT.resolve("jwt"));
        }
        return keys;
    }

    private static Optional<String> external(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
