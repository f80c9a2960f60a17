package vn.binhduong.sct.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kubernetes deployment, parsed (no cluster here): the generated manifests of each service and the hand-written
 * cluster pieces (Strimzi, CloudNativePG, config maps, secrets) against the services' configuration.
 */
class KubernetesTest {
    static Cluster cluster;

    @BeforeAll
    static void load() {
        cluster = Cluster.load();
    }

    @Test
    void everyServiceIsDeployedOnItsPortWithProbesResourcesAndNoRoot() {
        Problems p = new Problems();
        for (ServiceModel s : Repo.services()) {
            JsonNode d = cluster.deployments.get(s.name());
            if (d == null) {
                p.add("no Deployment " + s.name());
                continue;
            }
            JsonNode c = Cluster.container(d);
            Set<Integer> ports = new TreeSet<>();
            c.path("ports").forEach(port -> ports.add(port.path("containerPort").asInt()));
            p.check(ports.equals(Set.of(s.port())), s.name() + ": container ports " + ports + ", the service's is " + s.port());
            for (String[] probe : List.of(new String[] {"livenessProbe", "/q/health/live"},
                    new String[] {"readinessProbe", "/q/health/ready"})) {
                JsonNode get = c.path(probe[0]).path("httpGet");
                p.check(probe[1].equals(Repo.text(get, "path")) && get.path("port").asInt() == s.port(),
                        s.name() + ": " + probe[0] + " is " + get);
            }
            for (String r : List.of("requests", "limits")) {
                p.check(c.path("resources").path(r).has("memory") && c.path("resources").path(r).has("cpu"),
                        s.name() + ": no cpu and memory " + r);
            }
            p.check(Cluster.podSpec(d).path("securityContext").path("runAsNonRoot").asBoolean(), s.name() + ": may run as root");
            Optional<JsonNode> svc = cluster.find("Service", s.name());
            p.check(svc.isPresent() && svc.get().path("spec").path("ports").get(0).path("targetPort").asInt() == s.port(),
                    s.name() + ": its Service does not forward to " + s.port());
        }
        p.assertNone();
    }

    @Test
    void everyVariableIsConfigurationTheServiceReads() {
        Problems p = new Problems();
        cluster.deployments.forEach((name, d) -> {
            ServiceModel s = Repo.service(name);
            for (String var : cluster.environment(d).keySet()) {
                p.check(s.explains(var, KafkaNames.ALL).isPresent(),
                        name + ": " + var + " is set in its Deployment but is no configuration the service reads");
            }
        });
        p.assertNone();
    }

    @Test
    void everySecretConfigMapAndFileReferencedExists() {
        Problems p = new Problems();
        Map<String, Set<String>> secrets = cluster.secrets();
        Map<String, Map<String, String>> configMaps = cluster.configMaps();
        cluster.deployments.forEach((name, d) -> {
            JsonNode c = Cluster.container(d);
            for (JsonNode from : c.path("envFrom")) {
                String cm = Repo.text(from, "configMapRef", "name");
                String sec = Repo.text(from, "secretRef", "name");
                p.check(cm == null || configMaps.containsKey(cm), name + ": config map " + cm + " is defined nowhere");
                p.check(sec == null || secrets.containsKey(sec), name + ": secret " + sec + " is defined nowhere");
            }
            for (JsonNode e : c.path("env")) {
                JsonNode sref = e.path("valueFrom").path("secretKeyRef");
                if (!sref.isMissingNode()) {
                    String secret = Repo.text(sref, "name");
                    String key = Repo.text(sref, "key");
                    p.check(secrets.getOrDefault(secret, Set.of()).contains(key),
                            name + ": " + Repo.text(e, "name") + " reads key " + key + " of secret " + secret + ", which "
                                    + (secrets.containsKey(secret) ? "has only " + secrets.get(secret) : "is defined nowhere"));
                }
                JsonNode cref = e.path("valueFrom").path("configMapKeyRef");
                if (!cref.isMissingNode()) {
                    p.check(configMaps.getOrDefault(Repo.text(cref, "name"), Map.of()).containsKey(Repo.text(cref, "key")),
                            name + ": " + Repo.text(e, "name") + " reads a config map key defined nowhere: " + cref);
                }
            }
            for (JsonNode v : Cluster.podSpec(d).path("volumes")) {
                String secret = Repo.text(v, "secret", "secretName");
                p.check(secret == null || secrets.containsKey(secret), name + ": volume of secret " + secret + ", defined nowhere");
                int mode = v.path("secret").path("defaultMode").asInt(0644);
                boolean groupReads = (mode & 040) != 0 && Cluster.podSpec(d).path("securityContext").has("fsGroup");
                p.check(secret == null || groupReads || !Cluster.podSpec(d).path("securityContext").has("runAsUser"),
                        name + ": secret " + secret + " is mounted with mode " + Integer.toOctalString(mode)
                                + ", which the non-root user cannot read");
            }
            // a variable naming a file under a mounted secret names one of its keys
            Map<String, Set<String>> mounts = cluster.mountedSecrets(d);
            cluster.environment(d).forEach((var, value) -> mounts.forEach((path, keys) -> {
                if (value != null && value.startsWith(path + "/")) {
                    String key = value.substring(path.length() + 1);
                    p.check(keys.contains(key), name + ": " + var + "=" + value + ", but the secret mounted at " + path + " has " + keys);
                }
            }));
        });
        p.assertNone();
    }

    @Test
    void everyServiceReachesItsOwnDatabaseWithItsOwnRole() {
        Problems p = new Problems();
        JsonNode pg = cluster.postgres();
        String clusterName = Repo.text(pg, "metadata", "name");
        Map<String, String> roleSecret = new TreeMap<>();
        for (JsonNode role : pg.path("spec").path("managed").path("roles")) {
            p.check(role.path("login").asBoolean() && "present".equals(Repo.text(role, "ensure")), "role " + role + " cannot log in");
            roleSecret.put(Repo.text(role, "name"), Repo.text(role, "passwordSecret", "name"));
        }
        Map<String, String> databaseOwner = new TreeMap<>();
        for (JsonNode db : cluster.all("Database")) {
            p.check(clusterName.equals(Repo.text(db, "spec", "cluster", "name")), "Database " + db.path("metadata") + " is not in " + clusterName);
            databaseOwner.put(Repo.text(db, "spec", "name"), Repo.text(db, "spec", "owner"));
        }
        Set<String> needed = new TreeSet<>();
        for (ServiceModel s : Repo.services()) {
            JsonNode d = cluster.deployments.get(s.name());
            Map<String, String> env = cluster.environment(d);
            if (s.database().isEmpty()) {
                p.check(!env.containsKey("SCT_DB_URL"), s.name() + " has no database but is given SCT_DB_URL");
                continue;
            }
            needed.add(s.database().get());
            String url = env.get("SCT_DB_URL");
            if (url == null) {
                p.add(s.name() + ": no SCT_DB_URL");
                continue;
            }
            p.check(ServiceModel.hostOf(url).equals(clusterName + "-rw"), s.name() + ": " + url + " is not the primary of " + clusterName);
            String db = ServiceModel.databaseOf(url);
            p.check(db.equals(s.database().get()), s.name() + ": SCT_DB_URL names " + db + ", the service's database is " + s.database().get());
            String owner = databaseOwner.get(db);
            if (owner == null) {
                p.add(s.name() + ": no CloudNativePG Database " + db);
                continue;
            }
            String secret = roleSecret.get(owner);
            p.check(secret != null, s.name() + ": the owner " + owner + " of " + db + " is no managed role");
            p.check(("secret:" + secret + "/username").equals(env.get("QUARKUS_DATASOURCE_USERNAME"))
                    && ("secret:" + secret + "/password").equals(env.get("QUARKUS_DATASOURCE_PASSWORD")),
                    s.name() + ": user " + env.get("QUARKUS_DATASOURCE_USERNAME") + " / password " + env.get("QUARKUS_DATASOURCE_PASSWORD")
                            + ", the role " + owner + " has its password in " + secret);
            cluster.find("Secret", String.valueOf(secret)).ifPresentOrElse(sec -> {
                p.check("kubernetes.io/basic-auth".equals(Repo.text(sec, "type")), secret + " is not kubernetes.io/basic-auth");
                p.check(owner.equals(Repo.text(sec, "stringData", "username")), secret + ": username is not " + owner);
            }, () -> p.add(s.name() + ": secret " + secret + " is not in secrets.example.yaml"));
        }
        p.check(databaseOwner.keySet().equals(needed), "databases " + databaseOwner.keySet() + ", the services need " + needed);
        p.assertNone();
    }

    @Test
    void theKafkaClusterIsThreeKraftBrokersWithTlsAndScram() {
        JsonNode kafka = cluster.kafka();
        String name = cluster.kafkaName();
        int brokers = 0;
        for (JsonNode pool : cluster.all("KafkaNodePool")) {
            if (name.equals(Repo.text(pool, "metadata", "labels", "strimzi.io/cluster"))
                    && pool.path("spec").path("roles").toString().contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
        }
        assertEquals(3, brokers, "brokers in the node pools of " + name);
        assertEquals("enabled", Repo.text(kafka, "metadata", "annotations", "strimzi.io/kraft"));
        assertEquals("enabled", Repo.text(kafka, "metadata", "annotations", "strimzi.io/node-pools"));
        assertEquals("simple", Repo.text(kafka, "spec", "kafka", "authorization", "type"));
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(false, config.path("auto.create.topics.enable").asBoolean(true));
        Problems p = new Problems();
        JsonNode listener = listener(kafka);
        for (ServiceModel s : Repo.services()) {
            Map<String, String> env = cluster.environment(cluster.deployments.get(s.name()));
            if (!s.kafka()) {
                p.check(env.keySet().stream().noneMatch(v -> v.startsWith("KAFKA_")), s.name() + " uses no Kafka but is configured for it");
                continue;
            }
            p.check((name + "-kafka-bootstrap:" + listener.path("port").asInt()).equals(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                    s.name() + ": bootstrap " + env.get("KAFKA_BOOTSTRAP_SERVERS") + ", the TLS SCRAM listener is " + name
                            + "-kafka-bootstrap:" + listener.path("port").asInt());
            p.check("SASL_SSL".equals(env.get("KAFKA_SECURITY_PROTOCOL")), s.name() + ": security protocol " + env.get("KAFKA_SECURITY_PROTOCOL"));
            p.check("SCRAM-SHA-512".equals(env.get("KAFKA_SASL_MECHANISM")), s.name() + ": SASL mechanism " + env.get("KAFKA_SASL_MECHANISM"));
            p.check(("secret:" + name + "-cluster-ca-cert/ca.password").equals(env.get("KAFKA_SSL_TRUSTSTORE_PASSWORD")),
                    s.name() + ": truststore password " + env.get("KAFKA_SSL_TRUSTSTORE_PASSWORD"));
            p.check(env.getOrDefault("KAFKA_SSL_TRUSTSTORE_LOCATION", "").endsWith("/ca.p12")
                    && "PKCS12".equals(env.get("KAFKA_SSL_TRUSTSTORE_TYPE")), s.name() + ": the truststore is not the cluster CA's ca.p12");
            p.check(String.valueOf(brokers).equals(env.get("SCT_KAFKA_REPLICATION_FACTOR")),
                    s.name() + ": topics replicated " + env.get("SCT_KAFKA_REPLICATION_FACTOR") + " times on " + brokers + " brokers");
            p.check(env.containsKey("SCT_JWT_ISSUER") && env.containsKey("SCT_JWT_PUBLIC_KEY"),
                    s.name() + ": the token issuer and its key are not configured");
        }
        p.assertNone();
    }

    static JsonNode listener(JsonNode kafka) {
        for (JsonNode l : kafka.path("spec").path("kafka").path("listeners")) {
            if (l.path("tls").asBoolean() && "scram-sha-512".equals(Repo.text(l, "authentication", "type"))) {
                return l;
            }
        }
        throw new AssertionError("the Kafka cluster has no listener with TLS and SCRAM-SHA-512");
    }

    @Test
    void theTopicsAreTheServicesTopicsReplicatedAsTheyExpect() {
        Problems p = new Problems();
        Set<String> needed = new TreeSet<>();
        Repo.services().forEach(s -> needed.addAll(s.topics()));
        Set<String> declared = new TreeSet<>();
        for (JsonNode t : cluster.all("KafkaTopic")) {
            String topic = Repo.text(t, "spec", "topicName");
            declared.add(topic);
            p.check(cluster.kafkaName().equals(Repo.text(t, "metadata", "labels", "strimzi.io/cluster")), topic + " is not in " + cluster.kafkaName());
            // as the platform creates them (Topics.ensure, sct.outbox.partitions 3, min.insync.replicas 2 when replicated)
            p.check(t.path("spec").path("partitions").asInt() == 3, topic + ": partitions " + t.path("spec").path("partitions"));
            p.check(t.path("spec").path("replicas").asInt() == 3, topic + ": replicas " + t.path("spec").path("replicas"));
            JsonNode config = t.path("spec").path("config");
            p.check(config.path("min.insync.replicas").asInt() == 2, topic + ": min.insync.replicas " + config.path("min.insync.replicas"));
            p.check(config.path("retention.ms").asLong() == -1 && config.path("retention.bytes").asLong() == -1,
                    topic + ": history not kept forever");
        }
        assertEquals(needed, declared, "KafkaTopic resources against the services' sct.outbox.topic and sct.inbox.topics");
        p.assertNone();
    }

    @Test
    void everyServiceHasAScramUserAllowedItsTopicsAndGroupOnly() {
        Problems p = new Problems();
        Map<String, Set<String>> owner = new TreeMap<>();
        for (ServiceModel s : Repo.services()) {
            s.outboxTopic().ifPresent(t -> owner.computeIfAbsent(t, k -> new TreeSet<>()).add(s.name()));
        }
        Set<String> users = new TreeSet<>();
        for (ServiceModel s : Repo.services()) {
            if (!s.kafka()) {
                continue;
            }
            Map<String, String> env = cluster.environment(cluster.deployments.get(s.name()));
            String jaas = env.getOrDefault("KAFKA_SASL_JAAS_CONFIG", "");
            Matcher m = Pattern.compile("^secret:([^/]+)/sasl\\.jaas\\.config$").matcher(jaas);
            if (!m.matches()) {
                p.add(s.name() + ": KAFKA_SASL_JAAS_CONFIG is not a KafkaUser's sasl.jaas.config: " + jaas);
                continue;
            }
            String userName = m.group(1);
            users.add(userName);
            Optional<JsonNode> user = cluster.find("KafkaUser", userName);
            if (user.isEmpty()) {
                p.add(s.name() + ": no KafkaUser " + userName);
                continue;
            }
            JsonNode spec = user.get().path("spec");
            p.check(cluster.kafkaName().equals(Repo.text(user.get(), "metadata", "labels", "strimzi.io/cluster")), userName + " is not in the cluster");
            p.check("scram-sha-512".equals(Repo.text(spec, "authentication", "type")), userName + ": not SCRAM-SHA-512");
            Map<String, Set<String>> allowed = new TreeMap<>();
            for (JsonNode acl : spec.path("authorization").path("acls")) {
                String type = Repo.text(acl, "resource", "type");
                String resource = type + ":" + ("cluster".equals(type) ? "" : Repo.text(acl, "resource", "name"));
                p.check(!"prefix".equals(Repo.text(acl, "resource", "patternType")), userName + ": prefixed ACL " + resource);
                p.check(!"deny".equals(Repo.text(acl, "type")), userName + ": deny ACL " + resource);
                Set<String> ops = allowed.computeIfAbsent(resource, k -> new TreeSet<>());
                acl.path("operations").forEach(o -> ops.add(o.asText()));
                if (acl.has("operation")) {
                    ops.add(acl.get("operation").asText());
                }
            }
            s.outboxTopic().ifPresent(t -> p.check(allowed.getOrDefault("topic:" + t, Set.of()).containsAll(Set.of("Write", "Describe", "Create")),
                    userName + ": may not write, describe and create its topic " + t + ": " + allowed));
            for (String t : s.inboxTopics()) {
                p.check(allowed.getOrDefault("topic:" + t, Set.of()).containsAll(Set.of("Read", "Describe", "Create")),
                        userName + ": may not read, describe and create " + t + ": " + allowed);
            }
            if (!s.inboxTopics().isEmpty()) {
                p.check(allowed.getOrDefault("group:" + s.groupId(), Set.of()).contains("Read"),
                        userName + ": may not read as its consumer group " + s.groupId() + ": " + allowed);
            }
            // least privilege: nobody writes another service's topic, or touches a topic it does not use
            allowed.forEach((resource, ops) -> {
                if (resource.startsWith("topic:")) {
                    String t = resource.substring("topic:".length());
                    p.check(s.topics().contains(t), userName + ": ACL on " + t + ", which " + s.name() + " does not use");
                    p.check(!ops.contains("Write") || owner.getOrDefault(t, Set.of()).contains(s.name()),
                            userName + ": may write " + t + ", the topic of " + owner.get(t));
                    p.check(!ops.contains("All") && !ops.contains("Delete") && !ops.contains("Alter"), userName + ": " + ops + " on " + t);
                }
                if (resource.startsWith("group:")) {
                    p.check(resource.equals("group:" + s.groupId()), userName + ": ACL on " + resource);
                }
            });
        }
        Set<String> defined = new LinkedHashSet<>();
        cluster.all("KafkaUser").forEach(u -> defined.add(Repo.text(u, "metadata", "name")));
        assertEquals(users, new TreeSet<>(defined), "KafkaUsers against the users the services log in as");
        p.assertNone();
    }

    @Test
    void theDashboardCallsReportServiceThroughItsServiceAndLogsInThroughOidc() {
        JsonNode d = cluster.deployments.get("dashboard-service");
        Map<String, String> env = cluster.environment(d);
        Matcher m = Pattern.compile("^http://([a-z0-9-]+):(\\d+)$").matcher(env.getOrDefault("QUARKUS_REST_CLIENT_REPORT_SERVICE_URL", ""));
        assertTrue(m.matches(), "report-service URL: " + env.get("QUARKUS_REST_CLIENT_REPORT_SERVICE_URL"));
        assertEquals("report-service", m.group(1));
        JsonNode svc = cluster.find("Service", "report-service").orElseThrow();
        JsonNode port = svc.path("spec").path("ports").get(0);
        assertEquals(port.path("port").asInt(), Integer.parseInt(m.group(2)), "the port of report-service's Service");
        assertEquals(Repo.service("report-service").port(), port.path("targetPort").asInt());
        for (String v : List.of("SCT_OIDC_URL", "SCT_OIDC_CLIENT_ID", "SCT_OIDC_CLIENT_SECRET")) {
            assertTrue(env.containsKey(v), "the dashboard is not given " + v);
        }
        assertTrue(env.get("SCT_OIDC_CLIENT_SECRET").startsWith("secret:"), "the OIDC client secret is not from a secret");
    }

    @Test
    void covidOpsMountsItsPermitKeyEncryptionKey() {
        JsonNode d = cluster.deployments.get("covid-ops-service");
        Map<String, String> env = cluster.environment(d);
        String file = env.get("SCT_PERMITS_KEK_FILE");
        assertTrue(file != null || env.getOrDefault("SCT_PERMITS_KEK", "").startsWith("secret:"),
                "covid-ops-service is given no permit key-encryption key; production refuses to start without one");
        if (file != null) {
            assertTrue(cluster.mountedSecrets(d).entrySet().stream().anyMatch(e -> file.startsWith(e.getKey() + "/")
                    && e.getValue().contains(file.substring(e.getKey().length() + 1))), file + " is no key of a mounted secret");
        }
    }
}
