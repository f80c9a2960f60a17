package vn.binhduong.sct.descriptors;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's configuration says a deployment must match: its HTTP port, database, topics, consumer group,
 * whether it has /q/metrics, and every configuration name it reads (its application.properties, the platform's
 * defaults, the names its code and the platform's code look up).
 */
record ServiceModel(String name, Path dir, int port, Optional<String> database, Optional<String> outboxTopic,
        List<String> inboxTopics, String groupId, boolean platform, Set<String> properties, Set<String> prefixes,
        Set<String> environmentNames) {

    /** Quarkus properties a deployment may set that no file of the service names (the platform's defaults aside). */
    static final Set<String> QUARKUS_RUNTIME = Set.of("quarkus.datasource.username", "quarkus.datasource.password",
            "quarkus.http.host", "quarkus.profile", "quarkus.log.console.json", "quarkus.log.level");
    /** Variables that are not configuration: the Dockerfile's JVM flags, the one quarkus-kubernetes always sets. */
    static final Set<String> NOT_CONFIG = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "KUBERNETES_NAMESPACE");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern NAME_LITERAL = Pattern.compile("\"((?:sct|quarkus|mp|kafka)\\.[a-z0-9.-]+)\"");
    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([a-z0-9.-]+)\"");

    static ServiceModel load(Path home, String name) {
        Path dir = home.resolve(name);
        Properties own = properties(dir.resolve("src/main/resources/application.properties"));
        boolean platform = Repo.read(dir.resolve("pom.xml")).contains("<artifactId>service-parent</artifactId>");
        Properties defaults = platform
                ? properties(home.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))
                : new Properties();

        int port = Integer.parseInt(required(own, name, "quarkus.http.port"));
        Optional<String> database = Optional.ofNullable(prod(own, "quarkus.datasource.jdbc.url"))
                .map(ServiceModel::databaseOf);
        Optional<String> outbox = Optional.ofNullable(prod(own, "sct.outbox.topic"));
        List<String> inbox = "true".equals(prod(own, "sct.inbox.enabled"))
                ? List.of(Optional.ofNullable(prod(own, "sct.inbox.topics")).orElse("").split("\\s*,\\s*"))
                : List.of();
        String group = Optional.ofNullable(prod(own, "sct.inbox.group-id")).orElse(required(own, name, "quarkus.application.name"));

        Set<String> props = new TreeSet<>();
        Set<String> env = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Properties p : List.of(own, defaults)) {
            for (String k : p.stringPropertyNames()) {
                props.add(k.replaceFirst("^%[a-z]+\\.", ""));
                Matcher m = PLACEHOLDER.matcher(p.getProperty(k));
                while (m.find()) {
                    env.add(m.group(1));
                }
            }
        }
        List<Path> sources = new ArrayList<>(javaFiles(dir.resolve("src/main/java")));
        if (platform) {
            sources.addAll(javaFiles(home.resolve("platform/src/main/java")));
        }
        for (Path f : sources) {
            String src = Repo.read(f);
            Matcher m = NAME_LITERAL.matcher(src);
            while (m.find()) {
                props.add(m.group(1));
            }
            Matcher mp = MAPPING_PREFIX.matcher(src);
            while (mp.find()) {
                prefixes.add(mp.group(1));
            }
        }
        props.addAll(QUARKUS_RUNTIME);
        return new ServiceModel(name, dir, port, database, outbox, inbox, group, platform, props, prefixes, env);
    }

    /** Whether the service uses Kafka at all (publishes through the outbox or consumes). */
    boolean kafka() {
        return outboxTopic.isPresent() || !inboxTopics.isEmpty();
    }

    /** Every topic the service touches. */
    Set<String> topics() {
        Set<String> t = new LinkedHashSet<>();
        outboxTopic.ifPresent(t::add);
        t.addAll(inboxTopics);
        return t;
    }

    /**
     * Whether an environment variable reaches configuration this service reads: a {@code ${NAME}} its properties
     * refer to, a property or mapping it reads (MicroProfile Config's environment rule: the name in upper case, every
     * other character an underscore), or {@code KAFKA_<NAME>} for a Kafka client setting (the platform passes those
     * to its clients; {@code kafkaNames} are the client's own names).
     */
    Optional<String> explains(String variable, Set<String> kafkaNames) {
        if (NOT_CONFIG.contains(variable)) {
            return Optional.of("(not configuration)");
        }
        if (environmentNames.contains(variable)) {
            return Optional.of("${" + variable + "}");
        }
        for (String p : properties) {
            if (env(p).equals(variable)) {
                return Optional.of(p);
            }
        }
        for (String prefix : prefixes) {
            if (variable.startsWith(env(prefix) + "_")) {
                return Optional.of(prefix + ".*");
            }
        }
        if (platform && kafka() && variable.startsWith("KAFKA_")) {
            String client = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            for (String scope : List.of("producer.", "consumer.", "admin.")) {
                if (client.startsWith(scope)) {
                    client = client.substring(scope.length());
                }
            }
            if (kafkaNames.contains(client)) {
                return Optional.of("kafka." + client);
            }
        }
        return Optional.empty();
    }

    static String env(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The database name of a JDBC URL, its ${VAR:default} form included. */
    static String databaseOf(String url) {
        String u = url.replaceFirst("^\\$\\{[A-Z_]+:(.*)}$", "$1");
        Matcher m = Pattern.compile("^jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)(\\?.*)?$").matcher(u);
        if (!m.matches()) {
            throw new AssertionError("not a PostgreSQL JDBC URL: " + url);
        }
        return m.group(1);
    }

    /** The host of a JDBC URL. */
    static String hostOf(String url) {
        Matcher m = Pattern.compile("^jdbc:postgresql://([^:/]+)(:\\d+)?/.*$").matcher(url);
        if (!m.matches()) {
            throw new AssertionError("not a PostgreSQL JDBC URL: " + url);
        }
        return m.group(1);
    }

    /** What the packaged service (profile prod) reads: {@code %prod.key} over {@code key}. */
    private static String prod(Properties p, String key) {
        return p.getProperty("%prod." + key, p.getProperty(key));
    }

    private static String required(Properties p, String service, String key) {
        String v = prod(p, key);
        if (v == null) {
            throw new AssertionError(service + " sets no " + key);
        }
        return v;
    }

    private static Properties properties(Path p) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(Files.readString(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> st = Files.walk(dir)) {
            return st.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
