package vn.binhduong.sct.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** deploy/compose/docker-compose.yml against the services' configuration (no Docker here: parsed, not run). */
class ComposeTest {
    static final Path DIR = Repo.path("deploy/compose");
    static final JsonNode COMPOSE = Repo.yaml(DIR.resolve("docker-compose.yml"));
    static final JsonNode SERVICES = COMPOSE.get("services");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[?-][^}]*)?}");

    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        JsonNode e = service.get("environment");
        if (e == null) {
            return env;
        }
        if (e.isArray()) {
            e.forEach(item -> {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
        }
        return env;
    }

    static List<String> list(JsonNode n) {
        List<String> l = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(i -> l.add(i.isObject() ? Repo.text(i, "source") : i.asText()));
        } else if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(l::add);
        }
        return l;
    }

    @Test
    void everyServiceIsBuiltFromItsDockerfileAndPublishesItsPort() {
        Problems p = new Problems();
        for (ServiceModel s : Repo.services()) {
            JsonNode c = SERVICES.get(s.name());
            if (c == null) {
                p.add("compose has no service " + s.name());
                continue;
            }
            p.check(("../../" + s.name()).equals(Repo.text(c, "build", "context")),
                    s.name() + ": build context is " + Repo.text(c, "build", "context"));
            String dockerfile = Repo.text(c, "build", "dockerfile");
            p.check("src/main/docker/Dockerfile.jvm".equals(dockerfile), s.name() + ": dockerfile is " + dockerfile);
            p.check(Files.exists(s.dir().resolve("src/main/docker/Dockerfile.jvm")), s.name() + ": no Dockerfile.jvm");
            List<String> ports = list(c.get("ports"));
            p.check(ports.equals(List.of(s.port() + ":" + s.port())),
                    s.name() + ": ports " + ports + ", the service listens on " + s.port());
            String health = String.valueOf(c.get("healthcheck"));
            p.check(health.contains("/" + s.port()) && health.contains("/q/health/ready"),
                    s.name() + ": the healthcheck does not ask /q/health/ready on " + s.port() + ": " + health);
        }
        p.assertNone();
    }

    @Test
    void everyEnvironmentVariableIsConfigurationTheServiceReads() {
        Problems p = new Problems();
        for (ServiceModel s : Repo.services()) {
            JsonNode c = SERVICES.get(s.name());
            for (String var : environment(c).keySet()) {
                p.check(s.explains(var, KafkaNames.ALL).isPresent(),
                        s.name() + ": " + var + " is set in compose but is no configuration the service reads");
            }
        }
        p.assertNone();
    }

    @Test
    void everyDatabaseExistsWithItsOwnRoleAndPassword() {
        Problems p = new Problems();
        String init = Repo.read(DIR.resolve("postgres/init-databases.sh"));
        JsonNode postgres = SERVICES.get("postgres");
        Map<String, String> pgEnv = environment(postgres);
        p.check(list(postgres.get("volumes")).stream().anyMatch(v -> v.startsWith("./postgres/init-databases.sh:/docker-entrypoint-initdb.d/")),
                "postgres does not run postgres/init-databases.sh at its first start");
        Matcher created = Pattern.compile("(?m)^create\\s+(\\S+)\\s+(\\S+)\\s+\"\\$([A-Z_]+)\"").matcher(init);
        Map<String, String[]> roles = new HashMap<>();
        while (created.find()) {
            roles.put(created.group(2), new String[] {created.group(1), created.group(3)});
        }
        for (ServiceModel s : Repo.services()) {
            Map<String, String> env = environment(SERVICES.get(s.name()));
            if (s.database().isEmpty()) {
                p.check(!env.containsKey("SCT_DB_URL"), s.name() + " has no database but is given SCT_DB_URL");
                continue;
            }
            String url = env.get("SCT_DB_URL");
            if (url == null) {
                p.add(s.name() + ": no SCT_DB_URL");
                continue;
            }
            String db = ServiceModel.databaseOf(url);
            p.check(db.equals(s.database().get()), s.name() + ": SCT_DB_URL names " + db + ", the service's is " + s.database().get());
            p.check(SERVICES.has(ServiceModel.hostOf(url)), s.name() + ": SCT_DB_URL host " + ServiceModel.hostOf(url) + " is no compose service");
            p.check(list(SERVICES.get(s.name()).get("depends_on")).contains(ServiceModel.hostOf(url)),
                    s.name() + " does not wait for its database");
            String[] role = roles.get(db);
            if (role == null) {
                p.add(s.name() + ": init-databases.sh creates no database " + db);
                continue;
            }
            p.check(role[0].equals(env.get("QUARKUS_DATASOURCE_USERNAME")),
                    s.name() + ": user " + env.get("QUARKUS_DATASOURCE_USERNAME") + ", the database's role is " + role[0]);
            // the service's password and the one the role was created with are the same .env variable
            Matcher v = VARIABLE.matcher(env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
            String passwordVar = v.find() ? v.group(1) : null;
            p.check(role[1].equals(passwordVar), s.name() + ": password from ${" + passwordVar + "}, role created with $" + role[1]);
            Matcher pv = VARIABLE.matcher(pgEnv.getOrDefault(role[1], ""));
            p.check(pv.find() && pv.group(1).equals(role[1]), "postgres is not given " + role[1] + " for init-databases.sh");
        }
        p.assertNone();
    }

    @Test
    void threeKraftBrokersAndEveryServiceOnAllOfThem() {
        Problems p = new Problems();
        Set<String> brokers = new TreeSet<>();
        Set<String> voters = new TreeSet<>();
        SERVICES.fields().forEachRemaining(f -> {
            Map<String, String> env = environment(f.getValue());
            if (env.containsKey("KAFKA_NODE_ID")) {
                brokers.add(f.getKey() + ":9092");
                p.check(env.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("broker")
                        && env.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("controller"), f.getKey() + " is not broker and controller");
                p.check(("PLAINTEXT://" + f.getKey() + ":9092").equals(env.get("KAFKA_ADVERTISED_LISTENERS")),
                        f.getKey() + " advertises " + env.get("KAFKA_ADVERTISED_LISTENERS"));
                voters.add(env.get("KAFKA_NODE_ID") + "@" + f.getKey() + ":9093");
                p.check("3".equals(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")), f.getKey() + ": offsets topic not replicated 3 times");
                p.check("2".equals(env.get("KAFKA_MIN_INSYNC_REPLICAS")), f.getKey() + ": min.insync.replicas is not 2");
                Set<String> quorum = new TreeSet<>(List.of(env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "").split(",")));
                p.check(quorum.size() == 3, f.getKey() + ": quorum " + quorum);
            }
        });
        assertEquals(3, brokers.size(), "three brokers: " + brokers);
        SERVICES.fields().forEachRemaining(f -> {
            Map<String, String> env = environment(f.getValue());
            if (env.containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS")) {
                p.check(new TreeSet<>(List.of(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))).equals(voters),
                        f.getKey() + ": quorum voters " + env.get("KAFKA_CONTROLLER_QUORUM_VOTERS") + ", the nodes are " + voters);
            }
        });
        for (ServiceModel s : Repo.services()) {
            Map<String, String> env = environment(SERVICES.get(s.name()));
            if (!s.kafka()) {
                p.check(!env.containsKey("KAFKA_BOOTSTRAP_SERVERS"), s.name() + " uses no Kafka but is given brokers");
                continue;
            }
            Set<String> bootstrap = new TreeSet<>(List.of(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")));
            p.check(bootstrap.equals(brokers), s.name() + ": bootstrap " + bootstrap + ", the brokers are " + brokers);
            p.check("3".equals(env.get("SCT_KAFKA_REPLICATION_FACTOR")), s.name() + ": topics not replicated 3 times");
            for (String b : brokers) {
                p.check(list(SERVICES.get(s.name()).get("depends_on")).contains(b.split(":")[0]), s.name() + " does not wait for " + b);
            }
        }
        p.assertNone();
    }

    @Test
    void everySecretAndFileReferencedExists() {
        Problems p = new Problems();
        Set<String> defined = new TreeSet<>(list(COMPOSE.get("secrets")));
        COMPOSE.get("secrets").fields().forEachRemaining(f -> p.check(Repo.text(f.getValue(), "file") != null,
                "secret " + f.getKey() + " has no file"));
        SERVICES.fields().forEachRemaining(f -> {
            List<String> mounted = list(f.getValue().get("secrets"));
            for (String s : mounted) {
                p.check(defined.contains(s), f.getKey() + " mounts secret " + s + ", which is not defined");
            }
            environment(f.getValue()).forEach((k, v) -> {
                Matcher m = Pattern.compile("^(?:file:)?/run/secrets/(.+)$").matcher(v);
                if (m.matches()) {
                    p.check(mounted.contains(m.group(1)), f.getKey() + ": " + k + " reads " + v + ", but the secret " + m.group(1) + " is not mounted");
                }
            });
            for (String volume : list(f.getValue().get("volumes"))) {
                if (volume.startsWith("./")) {
                    String host = volume.split(":")[0];
                    p.check(Files.exists(DIR.resolve(host)), f.getKey() + " mounts " + host + ", which does not exist");
                } else {
                    String named = volume.split(":")[0];
                    p.check(COMPOSE.get("volumes").has(named), f.getKey() + " mounts volume " + named + ", which is not defined");
                }
            }
            for (String d : list(f.getValue().get("depends_on"))) {
                p.check(SERVICES.has(d), f.getKey() + " depends on " + d + ", which is no service");
            }
        });
        // the covid-ops service's permit key-encryption key: production refuses to start without one
        Map<String, String> covid = environment(SERVICES.get("covid-ops-service"));
        p.check(covid.containsKey("SCT_PERMITS_KEK_FILE") || covid.containsKey("SCT_PERMITS_KEK"),
                "covid-ops-service is given no permit key-encryption key");
        p.assertNone();
    }

    @Test
    void everyVariableComposeNeedsIsInTheEnvExample() {
        String compose = Repo.read(DIR.resolve("docker-compose.yml"));
        Set<String> used = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(compose);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> listed = new TreeSet<>();
        for (String line : Repo.read(DIR.resolve(".env.example")).split("\n")) {
            if (line.matches("^[A-Z_][A-Z0-9_]*=.*")) {
                listed.add(line.substring(0, line.indexOf('=')));
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(listed);
        assertTrue(missing.isEmpty(), "compose needs " + missing + ", which .env.example does not list");
        assertTrue(used.size() >= 5, "compose takes its passwords from .env: " + used);
    }

    @Test
    void theDashboardCallsReportServiceOnItsPort() {
        Map<String, String> env = environment(SERVICES.get("dashboard-service"));
        ServiceModel report = Repo.service("report-service");
        assertEquals("http://report-service:" + report.port(), env.get("QUARKUS_REST_CLIENT_REPORT_SERVICE_URL"));
    }
}
