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
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft combined mode, one node) in a child JVM, with formatted storage in a data directory
 * that survives restarts. The child's class path is the one Maven resolved for this module at build time.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String maxHeap;
    private Process process;

    private EmbeddedKafka(Path dataDir, int port, int controllerPort, String maxHeap) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.maxHeap = maxHeap;
    }

    /**
     * Formats the storage on first use and starts the broker, returning once it answers an admin request.
     *
     * @param dataDir where logs and metadata live
     * @param port    the client port, or 0 for a free one (the controller port is chosen freely)
     * @param clean   wipe the data directory first
     */
    public static EmbeddedKafka start(Path dataDir, int port, boolean clean) {
        return start(dataDir, port, clean, "512m");
    }

    public static EmbeddedKafka start(Path dataDir, int port, boolean clean, String maxHeap) {
        try {
            if (clean) {
                DataDirs.delete(dataDir);
            }
            Files.createDirectories(dataDir);
            int clientPort = port == 0 ? Ports.free() : port;
            int controller = Ports.free();
            while (controller == clientPort) {
                controller = Ports.free();
            }
            EmbeddedKafka kafka = new EmbeddedKafka(dataDir, clientPort, controller, maxHeap);
            kafka.startProcess();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start in " + dataDir, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker (as a crash or an outage would look to clients), keeping its data. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Starts the broker again on the same port and data directory. */
    public synchronized void restart() {
        stop();
        try {
            startProcess();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startProcess() throws IOException {
        Path logDir = dataDir.resolve("data");
        Path config = dataDir.resolve("server.properties");
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        // Projections are rebuilt by replaying topics from the beginning, so history is kept.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.retention.bytes", "-1");
        try (var out = Files.newOutputStream(config)) {
            p.store(out, "written by vn.binhduong.sct.embedded.EmbeddedKafka");
        }
        Path logFile = dataDir.resolve("kafka.log");
        String classPath = childClassPath();
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            List<String> format = java(classPath, "256m", "kafka.tools.StorageTool", "format", "-t",
                    Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted");
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
        List<String> command = java(classPath, maxHeap, KafkaChild.class.getName(), config.toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        awaitReady(logFile);
    }

    private void awaitReady(Path logFile) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + logFile + "\n" + tail(logFile));
            }
            if (Ports.listening(port)) {
                try (Admin admin = Admin.create(props)) {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the broker is still starting
                }
            }
            sleep(200);
        }
        stop();
        throw new IllegalStateException("Kafka did not become ready within 120 s; see " + logFile + "\n" + tail(logFile));
    }

    private static List<String> java(String classPath, String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
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
