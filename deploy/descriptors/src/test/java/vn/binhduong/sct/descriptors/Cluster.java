package vn.binhduong.sct.descriptors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything a Kubernetes deployment of the platform consists of: the hand-written files of deploy/kubernetes (the
 * operators' custom resources, config maps, the example of the secrets no operator makes, the dashboard) and every
 * service's generated target/kubernetes/kubernetes.yml.
 */
final class Cluster {
    static final Path DIR = Repo.path("deploy/kubernetes");
    final List<JsonNode> resources = new ArrayList<>();
    /** the deployment of each service module, by module name */
    final Map<String, JsonNode> deployments = new LinkedHashMap<>();

    static Cluster load() {
        Cluster c = new Cluster();
        for (Path f : Repo.files(DIR, "*.yaml")) {
            c.resources.addAll(Repo.yamlDocuments(f));
        }
        for (ServiceModel s : Repo.services()) {
            Path generated = Repo.generatedHome().resolve(s.name()).resolve("target/kubernetes/kubernetes.yml");
            if (s.platform()) {
                if (!Files.exists(generated)) {
                    throw new AssertionError(generated + " is missing: package " + s.name()
                            + " first (quarkus-kubernetes writes it; this module comes after the services in the reactor)");
                }
                c.resources.addAll(Repo.yamlDocuments(generated));
            }
        }
        for (ServiceModel s : Repo.services()) {
            c.find("Deployment", s.name()).ifPresent(d -> c.deployments.put(s.name(), d));
        }
        return c;
    }

    List<JsonNode> all(String kind) {
        return resources.stream().filter(r -> kind.equals(Repo.text(r, "kind"))).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(r -> name.equals(Repo.text(r, "metadata", "name"))).findFirst();
    }

    /** The one Strimzi Kafka cluster. */
    JsonNode kafka() {
        List<JsonNode> k = all("Kafka");
        if (k.size() != 1) {
            throw new AssertionError("expected one Kafka resource, found " + k.size());
        }
        return k.get(0);
    }

    String kafkaName() {
        return Repo.text(kafka(), "metadata", "name");
    }

    /** The one CloudNativePG cluster. */
    JsonNode postgres() {
        List<JsonNode> k = all("Cluster");
        if (k.size() != 1) {
            throw new AssertionError("expected one CloudNativePG Cluster, found " + k.size());
        }
        return k.get(0);
    }

    /**
     * The keys of each secret the deployment can rely on: the Secrets of secrets.example.yaml (made by the operator
     * of the cluster), each SCRAM KafkaUser's (Strimzi's user operator: password, sasl.jaas.config) and the Kafka
     * cluster CA's (Strimzi: ca.crt, ca.p12, ca.password).
     */
    Map<String, Set<String>> secrets() {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        for (JsonNode secret : all("Secret")) {
            Set<String> keys = new TreeSet<>();
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            secret.path("data").fieldNames().forEachRemaining(keys::add);
            s.put(Repo.text(secret, "metadata", "name"), keys);
        }
        for (JsonNode user : all("KafkaUser")) {
            if ("scram-sha-512".equals(Repo.text(user, "spec", "authentication", "type"))) {
                s.put(Repo.text(user, "metadata", "name"), Set.of("password", "sasl.jaas.config"));
            }
        }
        for (JsonNode k : all("Kafka")) {
            s.put(Repo.text(k, "metadata", "name") + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        return s;
    }

    Map<String, Map<String, String>> configMaps() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        for (JsonNode cm : all("ConfigMap")) {
            Map<String, String> data = new LinkedHashMap<>();
            cm.path("data").fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
            m.put(Repo.text(cm, "metadata", "name"), data);
        }
        return m;
    }

    static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    /**
     * The environment a container sees: each name to its value, "secret:NAME/KEY" for a secret key, and the
     * entries of the config maps it takes whole.
     */
    Map<String, String> environment(JsonNode deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode c = container(deployment);
        for (JsonNode from : c.path("envFrom")) {
            String cm = Repo.text(from, "configMapRef", "name");
            if (cm != null) {
                env.putAll(configMaps().getOrDefault(cm, Map.of()));
            }
        }
        for (JsonNode e : c.path("env")) {
            String name = Repo.text(e, "name");
            if (e.has("value")) {
                env.put(name, e.get("value").asText());
            } else if (e.path("valueFrom").has("secretKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                env.put(name, "secret:" + Repo.text(ref, "name") + "/" + Repo.text(ref, "key"));
            } else if (e.path("valueFrom").has("configMapKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                env.put(name, configMaps().getOrDefault(Repo.text(ref, "name"), Map.of()).get(Repo.text(ref, "key")));
            } else {
                env.put(name, "(field)");
            }
        }
        return env;
    }

    /** mount path to the keys of the secret mounted there */
    Map<String, Set<String>> mountedSecrets(JsonNode deployment) {
        Map<String, String> volumeSecret = new LinkedHashMap<>();
        for (JsonNode v : podSpec(deployment).path("volumes")) {
            if (v.has("secret")) {
                volumeSecret.put(Repo.text(v, "name"), Repo.text(v, "secret", "secretName"));
            }
        }
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (JsonNode mount : container(deployment).path("volumeMounts")) {
            String secret = volumeSecret.get(Repo.text(mount, "name"));
            if (secret != null) {
                m.put(Repo.text(mount, "mountPath"), secrets().getOrDefault(secret, Set.of()));
            }
        }
        return m;
    }
}
