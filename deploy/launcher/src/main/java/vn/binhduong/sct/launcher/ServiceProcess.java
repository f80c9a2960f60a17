package vn.binhduong.sct.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM from its packaged Quarkus application, logging to a file. */
final class ServiceProcess {
    final String name;
    final int port;
    final Path log;
    private final List<String> command;
    private volatile Process process;
    /** Restarts so far, and when the current back-off ends. */
    int restarts;
    java.time.Instant restartAfter;

    private ServiceProcess(String name, int port, Path log, List<String> command, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.process = process;
    }

    static ServiceProcess start(String name, Path app, int port, String heap, JvmFlags jvm, Map<String, String> config,
            Path log) throws IOException {
        if (!Files.exists(app)) {
            throw new IllegalStateException(name + " is not built: " + app + " is missing (run ./mvnw install -DskipTests)");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(jvm.flags);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        // a laptop's log files are read by a person: text, not the production profile's JSON lines
        command.add("-Dquarkus.log.console.json.enabled=false");
        // the service ends itself when the launcher is gone, even killed with SIGKILL (platform ParentWatch)
        command.add("-Dsct.parent-pid=" + ProcessHandle.current().pid());
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(app.toString());
        return new ServiceProcess(name, port, log, List.copyOf(command), launch(command, log));
    }

    private static Process launch(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Starts the service again with the same command (port, configuration, log). */
    synchronized void restart() throws IOException {
        stop();
        process = launch(command, log);
    }

    /** The exit code of a process that has ended. */
    int exitValue() {
        return process.isAlive() ? 0 : process.exitValue();
    }

    /** Kills the JVM with SIGKILL, as a crash would (for fault drills). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    boolean healthy(HttpClient http) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident memory of the process in KiB, from /proc (Linux); -1 where unknown. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    synchronized void stop() {
        Process process = this.process;
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + log + ")";
        }
    }
}
