package vn.binhduong.sct.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Real Kafka brokers (KRaft, each node broker and controller) in child JVMs, with formatted storage in a data directory
 * that survives restarts. One node by default; {@link #startCluster} starts several on this machine, so the event path
 * can be shown to survive the loss of one. The children's class path is the one Maven resolved for this module at
 * build time; each child logs to {@code kafka.log} in its node's directory and exits when its parent goes away.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path dataDir;
    private final List<Node> nodes = new ArrayList<>();
    private final String maxHeap;
    private SaslSsl saslSsl;

    /**
     * A client listener secured like a province's cluster: TLS with the given broker key store (PKCS12, its certificate
     * valid for 127.0.0.1) and SASL SCRAM-SHA-512 authentication. The PLAINTEXT listener stays for the brokers among
     * themselves and for {@link #upsertScramUser} (an operator's tool; the services use the secured one).
     */
    public record SaslSsl(Path keyStore, String password) {
    }

    /** One broker: its id, client and controller ports, directory and process. */
    private static final class Node {
        final int id;
        final int port;
        final int controllerPort;
        final Path dir;
        int securePort;
        Process process;

        Node(int id, int port, int controllerPort, Path dir) {
            this.id = id;
            this.port = port;
            this.controllerPort = controllerPort;
            this.dir = dir;
        }
    }

    private EmbeddedKafka(Path dataDir, String maxHeap) {
        this.dataDir = dataDir;
        this.maxHeap = maxHeap;
    }

    /**
     * Formats the storage on first use and starts one broker, returning once it answers an admin request.
     *
     * @param dataDir where logs and metadata live
     * @param port    the client port, or 0 for a free one (the controller port is chosen freely)
     * @param clean   wipe the data directory first
     */
    public static EmbeddedKafka start(Path dataDir, int port, boolean clean) {
        return start(dataDir, port, clean, "512m");
    }

    public static EmbeddedKafka start(Path dataDir, int port, boolean clean, String maxHeap) {
        return startCluster(dataDir, 1, port, clean, maxHeap);
    }

    /** One broker with a SASL_SSL client listener besides its PLAINTEXT one; see {@link SaslSsl}. */
    public static EmbeddedKafka startSecured(Path dataDir, boolean clean, String maxHeap, SaslSsl saslSsl) {
        return startCluster(dataDir, 1, 0, clean, maxHeap, saslSsl);
    }

    public static EmbeddedKafka startCluster(Path dataDir, int brokers, int firstPort, boolean clean, String maxHeap) {
        return startCluster(dataDir, brokers, firstPort, clean, maxHeap, null);
    }

    /**
     * Starts {@code brokers} nodes forming one KRaft cluster. Node {@code i} (from 1) listens on {@code firstPort + i - 1}
     * (free ports when {@code firstPort} is 0) and keeps its data under {@code dataDir/node-i} (a single node directly
     * in {@code dataDir}, as before).
     */
    private static EmbeddedKafka startCluster(Path dataDir, int brokers, int firstPort, boolean clean, String maxHeap,
            SaslSsl saslSsl) {
        if (brokers < 1) {
            throw new IllegalArgumentException("at least one broker");
        }
        try {
            if (clean) {
                DataDirs.delete(dataDir);
            }
            Files.createDirectories(dataDir);
            EmbeddedKafka kafka = new EmbeddedKafka(dataDir, maxHeap);
            kafka.saslSsl = saslSsl;
            List<Integer> used = new ArrayList<>();
            for (int i = 1; i <= brokers; i++) {
                int clientPort = firstPort == 0 ? freeExcept(used) : firstPort + i - 1;
                used.add(clientPort);
                int controller = freeExcept(used);
                used.add(controller);
                Path dir = brokers == 1 ? dataDir : dataDir.resolve("node-" + i);
                Files.createDirectories(dir);
                Node node = new Node(i, clientPort, controller, dir);
                if (saslSsl != null) {
                    node.securePort = freeExcept(used);
                    used.add(node.securePort);
                }
                kafka.nodes.add(node);
            }
            String clusterId = kafka.clusterId();
            for (Node n : kafka.nodes) {
                kafka.writeConfig(n);
                kafka.format(n, clusterId);
            }
            for (Node n : kafka.nodes) {
                kafka.launch(n);
            }
            for (Node n : kafka.nodes) {
                kafka.awaitReady(n);
            }
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start in " + dataDir, e);
        }
    }

    private static int freeExcept(List<Integer> used) {
        int p = Ports.free();
        while (used.contains(p)) {
            p = Ports.free();
        }
        return p;
    }

    public String bootstrapServers() {
        StringJoiner j = new StringJoiner(",");
        nodes.forEach(n -> j.add("127.0.0.1:" + n.port));
        return j.toString();
    }

    /** The SASL_SSL listeners (host:port list), when started with {@link #startSecured}. */
    public String securedBootstrapServers() {
        if (saslSsl == null) {
            throw new IllegalStateException("this broker has no SASL_SSL listener");
        }
        StringJoiner j = new StringJoiner(",");
        nodes.forEach(n -> j.add("127.0.0.1:" + n.securePort));
        return j.toString();
    }

    /**
     * Creates the SCRAM-SHA-512 user or changes its password, as an operator (or Strimzi's user operator) does; through
     * the PLAINTEXT listener. Returns once the brokers accept the new credentials.
     */
    public void upsertScramUser(String user, String password) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.alterUserScramCredentials(List.of(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(user,
                    new org.apache.kafka.clients.admin.ScramCredentialInfo(
                            org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 8192),
                    password))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not set the SCRAM credentials of " + user, e);
        }
    }

    /** The client port of the first node. */
    public int port() {
        return nodes.get(0).port;
    }

    public int brokers() {
        return nodes.size();
    }

    public boolean isRunning() {
        return nodes.stream().allMatch(n -> n.process != null && n.process.isAlive());
    }

    public boolean isRunning(int node) {
        Node n = node(node);
        return n.process != null && n.process.isAlive();
    }

    /** The operating-system process id of a node, or -1 when it is not running. */
    public long pid(int node) {
        Node n = node(node);
        return n.process == null ? -1 : n.process.pid();
    }

    /** Stops every broker (as a crash or an outage would look to clients), keeping their data. */
    public synchronized void stop() {
        for (Node n : nodes) {
            stop(n, false);
        }
    }

    /** Kills one node with SIGKILL, as a crash would. */
    public synchronized void kill(int node) {
        stop(node(node), true);
    }

    /** Starts one stopped or killed node again on its ports and data. */
    public synchronized void restart(int node) {
        Node n = node(node);
        stop(n, false);
        try {
            launch(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(n);
    }

    /** Starts every broker again on the same ports and data directories. */
    public synchronized void restart() {
        stop();
        try {
            for (Node n : nodes) {
                launch(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Node n : nodes) {
            awaitReady(n);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Node node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no broker " + id + " (1.." + nodes.size() + ")");
        }
        return nodes.get(id - 1);
    }

    private void stop(Node n, boolean hard) {
        Process p = n.process;
        if (p == null) {
            return;
        }
        if (hard) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        n.process = null;
    }

    private String clusterId() throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        // a single node formatted before cluster.id existed keeps its own id in meta.properties
        Path meta = dataDir.resolve("data/meta.properties");
        if (Files.exists(meta)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(meta)) {
                p.load(in);
            }
            if (p.getProperty("cluster.id") != null) {
                return p.getProperty("cluster.id");
            }
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private void writeConfig(Node n) throws IOException {
        int replicas = Math.min(3, nodes.size());
        int minIsr = Math.min(2, nodes.size());
        StringJoiner voters = new StringJoiner(",");
        nodes.forEach(o -> voters.add(o.id + "@127.0.0.1:" + o.controllerPort));
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(n.id));
        p.setProperty("controller.quorum.voters", voters.toString());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + n.port + ",CONTROLLER://127.0.0.1:" + n.controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + n.port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (saslSsl != null) {
            p.setProperty("listeners", p.getProperty("listeners") + ",SASL_SSL://127.0.0.1:" + n.securePort);
            p.setProperty("advertised.listeners", p.getProperty("advertised.listeners") + ",SASL_SSL://127.0.0.1:" + n.securePort);
            p.setProperty("listener.security.protocol.map", p.getProperty("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
            p.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            p.setProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            p.setProperty("listener.name.sasl_ssl.ssl.keystore.location", saslSsl.keyStore().toString());
            p.setProperty("listener.name.sasl_ssl.ssl.keystore.password", saslSsl.password());
            p.setProperty("listener.name.sasl_ssl.ssl.key.password", saslSsl.password());
            p.setProperty("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        }
        p.setProperty("log.dirs", n.dir.resolve("data").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", Integer.toString(replicas));
        p.setProperty("min.insync.replicas", Integer.toString(minIsr));
        p.setProperty("offsets.topic.replication.factor", Integer.toString(replicas));
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", Integer.toString(replicas));
        p.setProperty("transaction.state.log.min.isr", Integer.toString(minIsr));
        p.setProperty("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        p.setProperty("share.coordinator.state.topic.min.isr", Integer.toString(minIsr));
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        // an unclean leader would drop acknowledged events; wait for an in-sync replica instead
        p.setProperty("unclean.leader.election.enable", "false");
        // Projections are rebuilt by replaying topics from the beginning, so history is kept.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.retention.bytes", "-1");
        try (var out = Files.newOutputStream(n.dir.resolve("server.properties"))) {
            p.store(out, "written by vn.binhduong.sct.embedded.EmbeddedKafka");
        }
    }

    private void format(Node n, String clusterId) throws IOException {
        Path logFile = n.dir.resolve("kafka.log");
        if (Files.exists(n.dir.resolve("data/meta.properties"))) {
            return;
        }
        List<String> format = java(childClassPath(), "256m", "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                n.dir.resolve("server.properties").toString(), "--ignore-formatted");
        Process f = new ProcessBuilder(format).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try {
            if (!f.waitFor(120, TimeUnit.SECONDS) || f.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see " + logFile + "\n" + tail(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch(Node n) throws IOException {
        Path logFile = n.dir.resolve("kafka.log");
        List<String> command = java(childClassPath(), maxHeap, KafkaChild.class.getName(),
                n.dir.resolve("server.properties").toString());
        n.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    private void awaitReady(Node n) {
        Path logFile = n.dir.resolve("kafka.log");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + n.port);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        while (Instant.now().isBefore(deadline)) {
            if (!n.process.isAlive()) {
                throw new IllegalStateException("Kafka node " + n.id + " exited with " + n.process.exitValue() + "; see "
                        + logFile + "\n" + tail(logFile));
            }
            if (Ports.listening(n.port)) {
                try (Admin admin = Admin.create(props)) {
                    if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() >= 1) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the broker is still starting, or waiting for a quorum of controllers
                }
            }
            sleep(200);
        }
        stop();
        throw new IllegalStateException("Kafka node " + n.id + " did not become ready within 120 s; see " + logFile + "\n"
                + tail(logFile));
    }

    private static List<String> java(String classPath, String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        // the broker's own log, through slf4j-simple, into kafka.log
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn");
        command.add("-Dorg.slf4j.simpleLogger.log.kafka.coordinator=warn");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** This library's own location plus the broker's resolved dependencies. */
    static String childClassPath() throws IOException {
        String own;
        try {
            own = Path.of(KafkaChild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = EmbeddedKafka.class.getResourceAsStream("kafka-classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("kafka-classpath.txt missing: build the deploy/embedded module with Maven");
            }
            String deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return own + java.io.File.pathSeparator + deps;
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
