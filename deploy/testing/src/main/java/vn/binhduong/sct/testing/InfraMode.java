package vn.binhduong.sct.testing;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where the tests' PostgreSQL and Kafka come from, chosen by {@code SCT_TEST_INFRA} (or the system property
 * {@code sct.test.infra}):
 * <ul>
 * <li>{@code embedded} (the default, what CI uses): the embedded servers of deploy/embedded, no Docker needed;</li>
 * <li>{@code containers}: Testcontainers ({@code postgres} and {@code apache/kafka} images); fails clearly when no
 * Docker engine answers;</li>
 * <li>{@code auto}: containers when a Docker engine answers, embedded otherwise.</li>
 * </ul>
 * Explicit servers ({@code QUARKUS_DATASOURCE_JDBC_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}) win over all three.
 */
public enum InfraMode {
    EMBEDDED, CONTAINERS;

    public static final String ENV = "SCT_TEST_INFRA";
    public static final String PROPERTY = "sct.test.infra";

    /** The mode for a setting ({@code null} or blank: embedded); {@code docker} is asked only in {@code auto}. */
    public static InfraMode resolve(String setting, BooleanSupplier docker) {
        String s = setting == null || setting.isBlank() ? "embedded" : setting.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "embedded":
                return EMBEDDED;
            case "containers":
                if (!docker.getAsBoolean()) {
                    throw new IllegalStateException(ENV + "=containers but no Docker engine answers; start one, or use "
                            + ENV + "=embedded (the default) or auto");
                }
                return CONTAINERS;
            case "auto":
                return docker.getAsBoolean() ? CONTAINERS : EMBEDDED;
            default:
                throw new IllegalArgumentException(ENV + " must be embedded, containers or auto, not '" + setting + "'");
        }
    }

    /** The mode this JVM's tests run in. */
    public static InfraMode current() {
        String setting = System.getProperty(PROPERTY);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(ENV);
        }
        return resolve(setting, InfraMode::dockerAnswers);
    }

    /** Whether a Docker engine answers (Testcontainers' own discovery: DOCKER_HOST, the socket, ~/.testcontainers). */
    static boolean dockerAnswers() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
