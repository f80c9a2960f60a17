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
    private Thread supervisor;
    /** The dashboard's local users: name to password (written to dashboard-users.txt). */
    private final Map<String, String> dashboardUsers = new LinkedHashMap<>();
    static final String DASHBOARD = "dashboard-service";

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

    /** The embedded database server (fault drills); empty with an external one. */
    public java.util.Optional<EmbeddedPostgres> embeddedPostgres() {
        return java.util.Optional.ofNullable(postgres);
    }

    /** The embedded brokers (fault drills); empty with an external cluster. */
    public java.util.Optional<EmbeddedKafka> embeddedKafka() {
        return java.util.Optional.ofNullable(kafka);
    }

    /** Kills a service's JVM with SIGKILL (fault drills); the supervisor restarts it. */
    public void kill(String service) {
        service(service).kill();
    }

    /** Starts a stopped or killed service again with its port and configuration (fault drills). */
    public void restart(String service) throws IOException {
        service(service).restart();
    }

    /** The process id of a service's JVM. */
    public long pid(String service) {
        return service(service).pid();
    }

    /** Restarts of a service by the supervisor so far. */
    public int restarts(String service) {
        return service(service).restarts;
    }

    /** Whether a service answers its readiness check now. */
    public boolean healthy(String service) {
        return service(service).healthy(http);
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
            if (options.brokers > 1) {
                config.put("sct.kafka.replication-factor", Integer.toString(Math.min(3, options.brokers)));
            }
            config.put("mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString());
            config.put("mp.jwt.verify.issuer", JwtKeys.ISSUER);
            if (name.equals("covid-ops-service")) {
                // the key-encryption key of the permit signing keys: made once, kept with the data, owner-only
                config.put("sct.permits.kek-file", permitsKek().toString());
            }
            Path app = options.home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
            services.add(ServiceProcess.start(name, app, port, options.heap, options.jvm, config,
                    options.data.resolve("logs").resolve(name + ".log")));
        }
        startDashboard();
        awaitHealthy(Duration.ofSeconds(180));
        printBanner(Duration.between(begin, Instant.now()));
        if (options.supervise) {
            supervisor = new Thread(this::supervise, "launcher-supervisor");
            supervisor.setDaemon(true);
            supervisor.start();
        }
    }

    /** The browser dashboard, when it is built: a client of report-service's API with a login for local users. */
    private void startDashboard() throws IOException {
        Path app = options.home.resolve(DASHBOARD).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(app)) {
            return;
        }
        int port = options.basePort == 0 ? Ports.free() : options.basePort + SERVICES.size();
        Map<String, String> config = new LinkedHashMap<>();
        for (ServiceProcess s : services) {
            config.put("quarkus.rest-client." + s.name + ".url", s.url());
        }
        config.put("sct.dashboard.local.enabled", "true");
        config.put("sct.dashboard.local.signing-key", options.data.resolve("jwt").resolve(JwtKeys.PRIVATE_KEY_FILE).toString());
        config.put("sct.dashboard.local.issuer", JwtKeys.ISSUER);
        config.put("sct.dashboard.local.users-file", writeDashboardUsers().toString());
        config.put("quarkus.oidc.tenant-enabled", "false");
        services.add(ServiceProcess.start(DASHBOARD, app, port, options.heap, options.jvm, config,
                options.data.resolve("logs").resolve(DASHBOARD + ".log")));
    }

    /** Local dashboard users, one per kind of reader, with passwords made on first start and kept (owner-only file). */
    private Path writeDashboardUsers() throws IOException {
        Path file = options.data.resolve("dashboard-users.txt");
        Map<String, String[]> users = new LinkedHashMap<>();
        users.put("admin", new String[] {"admin", "-"});
        users.put("committee", new String[] {"party-committee", "-"});
        users.put("viewer", new String[] {"viewer", "-"});
        users.put("secretary-cb1", new String[] {"cell-secretary", "CB1"});
        Map<String, String> existing = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (!line.startsWith("#") && f.length >= 2) {
                    existing.put(f[0], f[1]);
                }
            }
        }
        StringBuilder sb = new StringBuilder("# Local dashboard users: name<TAB>password<TAB>role<TAB>cell. Made by the launcher.\n");
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (Map.Entry<String, String[]> u : users.entrySet()) {
            String password = existing.computeIfAbsent(u.getKey(), k -> java.util.HexFormat.of().formatHex(random.generateSeed(6)));
            dashboardUsers.put(u.getKey(), password);
            sb.append(u.getKey()).append('\t').append(password).append('\t').append(u.getValue()[0]).append('\t')
                    .append(u.getValue()[1]).append('\n');
        }
        writePrivate(file, sb.toString());
        return file;
    }

    /** The local stack's key-encryption key for permit signing keys (base64 of 32 random bytes). */
    private Path permitsKek() throws IOException {
        Path file = options.data.resolve("keys").resolve("permits.kek");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            writePrivate(file, java.util.Base64.getEncoder().encodeToString(key) + "\n");
        }
        return file;
    }

    /** Writes a file only its owner may read (tokens, passwords). */
    static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /**
     * Restarts whatever dies while the launcher runs: a service JVM, a broker, PostgreSQL. Each restart of the same
     * child waits twice as long as the one before (1 s up to 30 s), and every restart is logged.
     */
    private void supervise() {
        int pgRestarts = 0;
        java.util.Map<Integer, Integer> brokerRestarts = new java.util.HashMap<>();
        while (!closed) {
            try {
                Thread.sleep(1000);
                if (closed) {
                    return;
                }
                if (postgres != null && !postgres.isRunning()) {
                    pgRestarts++;
                    out.printf("%s PostgreSQL is not running; restarting it (restart %d)%n", Instant.now(), pgRestarts);
                    Thread.sleep(backoff(pgRestarts));
                    postgres.restart();
                    postgres.stopWhenGone(ProcessHandle.current().pid());
                    out.printf("%s PostgreSQL is back%n", Instant.now());
                }
                if (kafka != null) {
                    for (int n = 1; n <= kafka.brokers(); n++) {
                        if (!kafka.isRunning(n) && !closed) {
                            int k = brokerRestarts.merge(n, 1, Integer::sum);
                            out.printf("%s Kafka broker %d is not running; restarting it (restart %d)%n", Instant.now(), n, k);
                            Thread.sleep(backoff(k));
                            kafka.restart(n);
                            out.printf("%s Kafka broker %d is back%n", Instant.now(), n);
                        }
                    }
                }
                for (ServiceProcess s : services) {
                    if (s.alive() || closed) {
                        continue;
                    }
                    Instant now = Instant.now();
                    if (s.restartAfter == null) {
                        s.restarts++;
                        s.restartAfter = now.plusMillis(backoff(s.restarts));
                        out.printf("%s %s exited with code %d; restarting it in %d ms (restart %d); log: %s%n", now, s.name,
                                s.exitValue(), backoff(s.restarts), s.restarts, s.log);
                    } else if (now.isAfter(s.restartAfter)) {
                        s.restartAfter = null;
                        s.restart();
                    }
                }
                out.flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | IOException e) {
                if (!closed) {
                    out.println(Instant.now() + " supervisor: " + e.getMessage());
                }
            }
        }
    }

    private static long backoff(int restart) {
        return Math.min(30_000L, 1000L << Math.min(5, restart - 1));
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
        // never outlive the launcher, even one killed with SIGKILL
        postgres.stopWhenGone(ProcessHandle.current().pid());
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
        Path dir = options.data.resolve("kafka");
        Path marker = options.data.resolve("kafka-brokers");
        try {
            if (Files.exists(marker) && !Files.readString(marker).trim().equals(Integer.toString(options.brokers))) {
                throw new IllegalStateException("the data in " + options.data + " was made with "
                        + Files.readString(marker).trim() + " Kafka broker(s); --brokers " + options.brokers
                        + " needs --reset (the services' stored positions refer to the old topics)");
            }
            Files.writeString(marker, Integer.toString(options.brokers));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.println("Starting Kafka 4.1 (KRaft, " + options.brokers + " broker" + (options.brokers > 1 ? "s" : "") + ") in "
                + dir + " ...");
        kafka = EmbeddedKafka.startCluster(dir, options.brokers, options.kafkaPort, false, "512m");
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
        sb.append("  JVM flags   ").append(options.jvm.name().toLowerCase(java.util.Locale.ROOT)).append(": -Xmx")
                .append(options.heap).append(' ').append(options.jvm.describe()).append('\n');
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
        writePrivate(tokenFile, tokens.toString());
        if (!dashboardUsers.isEmpty()) {
            sb.append("\nDashboard: ").append(service(DASHBOARD).url()).append("/  users (also in ")
                    .append(options.data.resolve("dashboard-users.txt")).append("):");
            dashboardUsers.forEach((u, pw) -> sb.append(' ').append(u).append('/').append(pw));
            sb.append('\n');
        }
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
        for (int y : demoYears(year)) {
            loadDemo(y);
        }
        awaitCaughtUp(Duration.ofSeconds(120));
        if (options.reportOut.isPresent()) {
            writeReport(year, options.reportOut.get());
        }
    }

    /**
     * The demo years to load for {@code --demo year}, in order: every year of {@code deploy/demo} up to {@code year}. A
     * year's data builds on the years before it (the 2022 members are the 2021 members carried forward), so
     * {@code --demo 2022} loads 2021 first; {@code --demo 2021} loads 2021 alone.
     */
    List<Integer> demoYears(int year) throws IOException {
        Path root = options.home.resolve("deploy/demo");
        if (!Files.isDirectory(root.resolve(Integer.toString(year)))) {
            throw new IllegalStateException("no demo data for " + year + " in " + root.resolve(Integer.toString(year)));
        }
        try (var dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(n -> n.matches("\\d{4}"))
                    .map(Integer::valueOf).filter(y -> y <= year).sorted().toList();
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
            if (SERVICES.contains(s.name)) {
                awaitAnswer(s, "/api/v1/outbox/status", "\"pending\":0", "publish its events", deadline);
            }
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
        if (supervisor != null) {
            supervisor.interrupt();
        }
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
