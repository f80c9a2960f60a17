package vn.binhduong.sct.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.binhduong.sct.embedded.DataDirs;
import vn.binhduong.sct.embedded.DemoScript;
import vn.binhduong.sct.embedded.EmbeddedKafka;
import vn.binhduong.sct.embedded.EmbeddedPostgres;
import vn.binhduong.sct.embedded.JwtKeys;
import vn.binhduong.sct.embedded.Ports;

/**
 * Starts the whole platform: PostgreSQL (one database per service) and Kafka, embedded unless external ones are
 * given, then the five services as separate JVMs; waits until all are healthy; prints URLs and tokens. Optionally
 * loads a year's demo data through the public APIs, writes that year's report, and exits.
 */
public final class Launcher implements AutoCloseable {
    /** The services in start and demo-load order, with their port offset from the base port. */
    static final List<String> SERVICES = List.of("member-service", "inspection-service", "covid-ops-service",
            "indicator-service", "report-service");
    static final String ORGANIZATION = "DB-SCT";

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, String> jdbcUrls = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;
    private JwtKeys keys;
    private volatile boolean closed;

    /** Parses {@code args} as the command line would and starts the stack (for benchmarks and tests). */
    public static Launcher start(PrintStream out, String... args) throws IOException, InterruptedException {
        Launcher launcher = new Launcher(Options.parse(args), out);
        try {
            launcher.start();
        } catch (IOException | InterruptedException | RuntimeException e) {
            launcher.close();
            throw e;
        }
        return launcher;
    }

    /** Base URL of a running service. */
    public String url(String service) {
        return service(service).url();
    }

    /** A token signed with the stack's key. */
    public String token(String... roles) {
        return keys.token("local", List.of(roles));
    }

    /** Resident memory in KiB of a running service's JVM. */
    public long rssKib(String service) {
        return service(service).rssKib();
    }

    public String kafkaBootstrapServers() {
        return kafka != null ? kafka.bootstrapServers() : options.externalKafka.orElseThrow();
    }

    Launcher(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(Options.USAGE);
            return;
        }
        Launcher launcher = new Launcher(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.close();
            stopped.countDown();
        }, "launcher-shutdown"));
        int status = 0;
        try {
            launcher.start();
            launcher.runSteps();
            if (!options.exit) {
                System.out.println("Press Ctrl-C to stop everything.");
                stopped.await();
                return;
            }
        } catch (Exception e) {
            System.err.println("\nFAILED: " + e.getMessage());
            status = 1;
        }
        launcher.close();
        System.exit(status);
    }

    /** Infrastructure, keys and the five services, healthy. */
    void start() throws IOException, InterruptedException {
        Instant begin = Instant.now();
        if (options.reset) {
            out.println("Wiping " + options.data);
            DataDirs.delete(options.data);
        }
        Files.createDirectories(options.data.resolve("logs"));
        Map<String, String> jdbcUrls = startPostgres();
        String bootstrap = startKafka();
        keys = JwtKeys.ensure(options.data.resolve("jwt"));
        for (int i = 0; i < SERVICES.size(); i++) {
            String name = SERVICES.get(i);
            int port = options.basePort == 0 ? Ports.free() : options.basePort + i;
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.jdbc.url", jdbcUrls.get(name));
            config.put("quarkus.datasource.username", options.externalPostgres.isPresent() ? options.pgUser : EmbeddedPostgres.USER);
            config.put("quarkus.datasource.password", options.externalPostgres.isPresent() ? options.pgPassword : EmbeddedPostgres.PASSWORD);
            config.put("kafka.bootstrap.servers", bootstrap);
            config.put("mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString());
            config.put("mp.jwt.verify.issuer", JwtKeys.ISSUER);
            Path app = options.home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
            services.add(ServiceProcess.start(name, app, port, options.heap, config,
                    options.data.resolve("logs").resolve(name + ".log")));
        }
        awaitHealthy(Duration.ofSeconds(180));
        printBanner(Duration.between(begin, Instant.now()));
    }

    private Map<String, String> startPostgres() {
        Map<String, String> urls = new LinkedHashMap<>();
        if (options.externalPostgres.isPresent()) {
            String base = options.externalPostgres.get().replaceAll("/[^/]*$", "/");
            createDatabases(base);
            for (String s : SERVICES) {
                urls.put(s, base + database(s));
            }
            jdbcUrls.putAll(urls);
            return urls;
        }
        out.println("Starting PostgreSQL 17 in " + options.data.resolve("postgres") + " ...");
        postgres = EmbeddedPostgres.start(options.data.resolve("postgres"), options.pgPort, false);
        for (String s : SERVICES) {
            urls.put(s, postgres.ensureDatabase(database(s)));
        }
        jdbcUrls.putAll(urls);
        return urls;
    }

    /** On an external server, creates each service's database unless it exists (needs CREATEDB, else create them first). */
    private void createDatabases(String base) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(base + "postgres", options.pgUser, options.pgPassword)) {
            for (String s : SERVICES) {
                try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, database(s));
                    if (!ps.executeQuery().next()) {
                        try (java.sql.Statement st = c.createStatement()) {
                            st.execute("CREATE DATABASE " + database(s) + " ENCODING 'UTF8'");
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot prepare the databases on " + base + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of a service's database (for benchmarks and tests that look at what is stored). */
    public String jdbcUrl(String service) {
        return jdbcUrls.get(service);
    }

    private String startKafka() {
        if (options.externalKafka.isPresent()) {
            return options.externalKafka.get();
        }
        out.println("Starting Kafka 4.1 (KRaft) in " + options.data.resolve("kafka") + " ...");
        kafka = EmbeddedKafka.start(options.data.resolve("kafka"), options.kafkaPort, false);
        return kafka.bootstrapServers();
    }

    static String database(String service) {
        return service.replace("-", "_");
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        out.println("Starting " + String.join(", ", SERVICES) + " ...");
        Instant deadline = Instant.now().plus(timeout);
        List<ServiceProcess> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            for (ServiceProcess s : List.copyOf(pending)) {
                if (!s.alive()) {
                    throw new IllegalStateException(s.name + " exited during start-up; last lines of " + s.log + ":\n" + s.tail(40));
                }
                if (s.healthy(http)) {
                    pending.remove(s);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                ServiceProcess s = pending.get(0);
                throw new IllegalStateException(s.name + " not healthy after " + timeout.toSeconds() + " s; last lines of "
                        + s.log + ":\n" + s.tail(40));
            }
            Thread.sleep(250);
        }
    }

    private void printBanner(Duration took) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("\nSCT platform is up (").append(took.toMillis() / 1000.0).append(" s). Data and logs: ").append(options.data).append('\n');
        sb.append(postgres != null ? "  PostgreSQL  jdbc:postgresql://127.0.0.1:" + postgres.port() + "/<service_name>  (postgres/postgres)\n"
                : "  PostgreSQL  " + options.externalPostgres.orElse("") + "\n");
        sb.append("  Kafka       ").append(kafka != null ? kafka.bootstrapServers() : options.externalKafka.orElse("")).append('\n');
        for (ServiceProcess s : services) {
            sb.append(String.format("  %-19s %s/q/swagger-ui   (RSS %d MiB)%n", s.name, s.url(), Math.max(0, s.rssKib() / 1024)));
        }
        StringBuilder tokens = new StringBuilder();
        tokens.append("# Bearer tokens for the local SCT platform, valid 12 hours. Use: curl -H \"Authorization: Bearer $TOKEN\"\n");
        for (String role : List.of("admin", "party-committee", "inspection-committee", "department-staff", "viewer", "integration")) {
            tokens.append(role).append('=').append(keys.token("local-" + role, List.of(role))).append('\n');
        }
        tokens.append("cell-secretary-CB1=").append(keys.token("local-secretary-CB1", List.of("cell-secretary"),
                Map.of("cell", "CB1"), Duration.ofHours(12))).append('\n');
        Path tokenFile = options.data.resolve("tokens.txt");
        Files.writeString(tokenFile, tokens.toString(), StandardCharsets.UTF_8);
        sb.append("\nTokens (also in ").append(tokenFile).append("):\n");
        tokens.toString().lines().skip(1).forEach(l -> sb.append("  ").append(l).append('\n'));
        out.print(sb);
        out.flush();
    }

    /** --demo, --report-out. */
    public void runSteps() throws IOException, InterruptedException {
        if (options.demoYear.isEmpty()) {
            return;
        }
        int year = options.demoYear.get();
        loadDemo(year);
        awaitCaughtUp(Duration.ofSeconds(120));
        if (options.reportOut.isPresent()) {
            writeReport(year, options.reportOut.get());
        }
    }

    /**
     * Loads each service's file in service order. Before a service's file runs, every event published so far has left
     * its producer and that service has applied what it consumes (inspection-service checks targets against the cells
     * and members it learned from member-service's events).
     */
    void loadDemo(int year) throws IOException, InterruptedException {
        Path dir = options.home.resolve("deploy/demo").resolve(Integer.toString(year));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no demo data for " + year + " in " + dir);
        }
        String admin = keys.token("demo-loader", List.of("admin"));
        for (ServiceProcess s : services) {
            Path file = dir.resolve(s.name + ".json");
            if (!Files.exists(file)) {
                continue;
            }
            awaitOutboxesEmpty(Duration.ofSeconds(60));
            awaitInbox(s, Duration.ofSeconds(60));
            DemoScript script = DemoScript.load(file);
            Instant t = Instant.now();
            script.run(s.url(), admin);
            out.printf("Loaded %s (%d requests, %d ms)%n", file.getFileName(), script.size(),
                    Duration.between(t, Instant.now()).toMillis());
        }
    }

    private void awaitOutboxesEmpty(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (ServiceProcess s : services) {
            awaitAnswer(s, "/api/v1/outbox/status", "\"pending\":0", "publish its events", deadline);
        }
    }

    private void awaitInbox(ServiceProcess s, Duration timeout) throws IOException, InterruptedException {
        awaitAnswer(s, "/api/v1/inbox/lag", "\"caughtUp\":true", "catch up with the events it consumes",
                Instant.now().plus(timeout));
    }

    /** Polls a status endpoint of {@code s} until its answer contains {@code expected}, or fails at the deadline. */
    private void awaitAnswer(ServiceProcess s, String path, String expected, String what, Instant deadline)
            throws IOException, InterruptedException {
        String token = keys.token("launcher", List.of("admin"));
        while (true) {
            HttpResponse<String> r = get(s.url() + path, token);
            if (r.statusCode() == 200 && r.body().contains(expected)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(s.name + " did not " + what + " in time: " + r.body());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until every service's outbox is empty (all its events acknowledged by Kafka), then until report-service
     * has applied everything up to the end of every topic.
     */
    public void awaitCaughtUp(Duration timeout) throws IOException, InterruptedException {
        awaitOutboxesEmpty(timeout);
        awaitInbox(service("report-service"), timeout);
        out.println("report-service has applied every event");
    }

    void writeReport(int year, Path dir) throws IOException, InterruptedException {
        ServiceProcess report = service("report-service");
        String token = keys.token("launcher", List.of("admin"));
        String base = report.url() + "/api/v1/reports/" + ORGANIZATION + "/" + year;
        HttpResponse<String> generated = http.send(HttpRequest.newBuilder(URI.create(base + "/generate"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (generated.statusCode() / 100 != 2) {
            throw new IllegalStateException("report generation answered " + generated.statusCode() + ": " + generated.body());
        }
        Matcher version = Pattern.compile("\"version\"\\s*:\\s*(\\d+)").matcher(generated.body());
        if (!version.find()) {
            throw new IllegalStateException("report generation did not say which version it made: " + generated.body());
        }
        Files.createDirectories(dir);
        for (String ext : List.of("json", "md", "html", "docx")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/versions/" + version.group(1) + "." + ext))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("report ." + ext + " answered " + r.statusCode());
            }
            Path file = dir.resolve("bao-cao-" + ORGANIZATION + "-" + year + "." + ext);
            Files.write(file, r.body());
            out.println("Wrote " + file + " (" + r.body().length + " bytes)");
        }
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    JwtKeys keys() {
        return keys;
    }

    /** Stops the services (in parallel), then Kafka, then PostgreSQL. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        out.println("Stopping ...");
        List<Thread> stops = new ArrayList<>();
        for (ServiceProcess s : services) {
            Thread t = new Thread(s::stop);
            t.start();
            stops.add(t);
        }
        for (Thread t : stops) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        out.println("Stopped.");
    }
}
