package vn.binhduong.sct.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import vn.binhduong.sct.embedded.EmbeddedPostgres;
import vn.binhduong.sct.embedded.JwtKeys;
import vn.binhduong.sct.embedded.Ports;
import vn.binhduong.sct.launcher.Launcher;

/**
 * Permit verification (issues 5 and 16): the public {@code GET /api/v1/permits/verify?token=} next to a bare ES256
 * check of the same token with the published JWK (base64url decoding, {@code SHA256withECDSAinP1363Format}, which
 * reads JOSE's R||S as it is) in the same run.
 *
 * <p>Two JVM configurations, each REST figure beside the bare check under the same flags:
 * <ul>
 * <li><b>launcher flags</b> ({@code -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=64m}): the stack's own
 * covid-ops-service, and the bare check in a child JVM with those flags;</li>
 * <li><b>full JIT</b> (the production image's flags: tiered C1+C2, G1, heap 75 % of a 1 GiB limit): a second
 * covid-ops-service instance started here from the same packaged application on the same database and broker, and
 * the bare check in this benchmark's JVM.</li>
 * </ul>
 * Per configuration: one client thread (requests one after the other; target REST / bare >= 0.8), then 4 client
 * threads (throughput; the bare check with 4 threads for scale). Beside them, the HTTP floors with the same client:
 * {@code GET /q/health/live} and a verify whose token has no dots (answered MALFORMED before any work), which bound
 * what any REST verification can reach: bare / (bare + HTTP). Arguments: [seconds per path, default 20].
 */
public final class PermitVerifyBench {
    static final List<String> LAUNCHER_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m");
    /**
     * The production image's JAVA_OPTS (covid-ops-service/src/main/docker/Dockerfile.jvm), with {@code -XX:MaxRAM=1g}
     * standing for the Kubernetes memory limit (1Gi) the image runs under, so the heap is what it is there (75 %).
     */
    static final List<String> FULL_JIT_FLAGS = List.of("-XX:+TieredCompilation", "-XX:+UseG1GC", "-XX:MaxRAMPercentage=75.0",
            "-XX:InitialRAMPercentage=50.0", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAM=1g");

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        Path home = Path.of(System.getProperty("sct.home", "."));
        Path data = home.resolve("bench/target/permit-verify-bench-data");
        try (Launcher stack = Launcher.start(System.out, "--data", data.toString(), "--reset", "--pg-port", "0",
                "--kafka-port", "0", "--base-port", "0")) {
            String base = stack.url("covid-ops-service") + "/api/v1/permits";
            String issued = Rest.postJson(base, stack.token("department-staff"), "{\"kind\":\"DELIVERY_WORKER\",\"holderName\":\"Trần Thị Thử\","
                    + "\"company\":\"Công ty TNHH Giao Hàng Thử Tải\",\"validFrom\":\"" + LocalDate.now().minusDays(1)
                    + "\",\"validUntil\":\"" + LocalDate.now().plusDays(30) + "\"}");
            String token = Rest.field(issued, "token");
            String jwks = Rest.get(base + "/keys", null);
            String x = Rest.field(jwks, "x");
            String y = Rest.field(jwks, "y");
            PublicKey key = publicKey(x, y);
            if (!bareCheck(key, token)) {
                throw new IllegalStateException("the published key does not verify the issued token");
            }
            String query = "/api/v1/permits/verify?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

            int port = Ports.free();
            Path log = data.resolve("logs/covid-ops-service-full-jit.log");
            Process fullJit = startFullJit(home, stack, data, port, log);
            try {
                String fullJitBase = "http://127.0.0.1:" + port;
                awaitReady(fullJitBase, fullJit, log);
                progress("covid-ops-service pids (for jcmd): launcher flags " + stack.pid("covid-ops-service") + ", full JIT "
                        + fullJit.pid());

                // The HTTP floors: the same client on the same connection kind, calling endpoints that do no work.
                // /q/health/live is Vert.x and SmallRye Health only; verify with a token of the same length whose dots
                // are removed answers MALFORMED at once, so it costs the whole REST path of a verification (platform
                // filters, resource dispatch to a worker thread, the JSON answer) without the verification itself.
                String noWork = "/api/v1/permits/verify?token=" + URLEncoder.encode(token.replace('.', 'A'), StandardCharsets.UTF_8);
                Target launcher = new Target(stack.url("covid-ops-service"), query, noWork);
                Target full = new Target(fullJitBase, query, noWork);

                double warm = Math.min(10, seconds);
                // launcher flags
                progress("launcher flags: bare check, 1 thread (child JVM)");
                double[] childBare1 = childJvm(token, x, y, seconds, 1);
                Figures l1 = figures(launcher, warm, seconds, 1, "launcher flags");
                progress("launcher flags: bare check, 4 threads (child JVM)");
                double[] childBare4 = childJvm(token, x, y, seconds, 4);
                Figures l4 = figures(launcher, 0, seconds, 4, "launcher flags");
                // full JIT
                progress("full JIT: bare check, 1 thread");
                bare(key, token, warm, 1);
                double[] bare1 = bare(key, token, seconds, 1);
                Figures f1 = figures(full, warm, seconds, 1, "full JIT");
                progress("full JIT: bare check, 4 threads");
                double[] bare4 = bare(key, token, seconds, 4);
                Figures f4 = figures(full, 0, seconds, 4, "full JIT");

                System.out.printf("%nPermit verification, %.0f s per path (same token, same published key; bare check = "
                        + "base64url-decode + SHA256withECDSAinP1363Format)%n", seconds);
                System.out.printf("%nlauncher flags %s (service and bare check):%n", String.join(" ", LAUNCHER_FLAGS));
                report(childBare1, l1, childBare4, l4);
                System.out.printf("%nfull JIT %s (second service instance; bare check in the benchmark JVM, %s):%n",
                        String.join(" ", FULL_JIT_FLAGS), System.getProperty("java.vm.version"));
                report(bare1, f1, bare4, f4);
                System.out.printf("%n  REST 1 thread, launcher service / bare with full JIT: %.2f%n", l1.verify[0] / bare1[0]);
                System.out.printf("  machine: %d available processors (client threads, the service and PostgreSQL share them)%n",
                        Runtime.getRuntime().availableProcessors());
            } finally {
                fullJit.destroy();
                if (!fullJit.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    fullJit.destroyForcibly();
                }
            }
        }
    }

    /** One service instance: its base URL, the verification of the issued token, and the verify that does no work. */
    record Target(String base, String verify, String noWork) {
        HttpRequest request(String pathAndQuery) {
            return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10)).build();
        }
    }

    /** Per thread count: the two HTTP floors and the verification, each [rate, p50, p99]. */
    record Figures(double[] live, double[] noWork, double[] verify) {
    }

    static Figures figures(Target t, double warm, double seconds, int threads, String flags) throws Exception {
        HttpRequest live = t.request("/q/health/live");
        HttpRequest noWork = t.request(t.noWork());
        HttpRequest verify = t.request(t.verify());
        if (warm > 0) {
            progress(flags + ": warm-up " + threads + " client thread(s)");
            call(live, "UP", warm / 3, threads);
            call(noWork, "\"MALFORMED\"", warm / 3, threads);
            call(verify, "\"VALID\"", warm, threads);
        }
        progress(flags + ": GET /q/health/live, " + threads + " client thread(s)");
        double[] l = call(live, "UP", seconds, threads);
        progress(flags + ": GET /api/v1/permits/verify (no work: MALFORMED), " + threads + " client thread(s)");
        double[] n = call(noWork, "\"MALFORMED\"", seconds, threads);
        progress(flags + ": GET /api/v1/permits/verify (VALID), " + threads + " client thread(s)");
        double[] v = call(verify, "\"VALID\"", seconds, threads);
        return new Figures(l, n, v);
    }

    static void report(double[] bare1, Figures one, double[] bare4, Figures four) {
        line("  bare ES256 check, 1 thread (baseline)", bare1);
        line("  HTTP floor GET /q/health/live, 1 client thread", one.live());
        line("  HTTP floor verify, no work (MALFORMED), 1 thread", one.noWork());
        line("  GET /api/v1/permits/verify, 1 client thread", one.verify());
        System.out.printf("  ratio REST / bare, 1 thread: %.2f (target >= 0.8)%n", one.verify()[0] / bare1[0]);
        System.out.printf("  per request, 1 thread: bare %.3f ms, verify %.3f ms, verify - bare %.3f ms; floors: health %.3f ms, "
                + "verify no work %.3f ms%n", 1e3 / bare1[0], 1e3 / one.verify()[0], 1e3 / one.verify()[0] - 1e3 / bare1[0],
                1e3 / one.live()[0], 1e3 / one.noWork()[0]);
        System.out.printf("  best ratio any REST verification reaches, bare / (bare + HTTP): %.2f over /q/health/live, %.2f over "
                + "the no-work verify%n", ceiling(bare1[0], one.live()[0]), ceiling(bare1[0], one.noWork()[0]));
        line("  bare ES256 check, 4 threads", bare4);
        line("  HTTP floor GET /q/health/live, 4 client threads", four.live());
        line("  HTTP floor verify, no work (MALFORMED), 4 threads", four.noWork());
        line("  GET /api/v1/permits/verify, 4 client threads", four.verify());
        System.out.printf("  ratio REST / bare, 4 threads: %.2f; best reachable (bare / (bare + HTTP), in CPU per request): %.2f "
                + "over /q/health/live, %.2f over the no-work verify%n", four.verify()[0] / bare4[0],
                ceiling(bare4[0], four.live()[0]), ceiling(bare4[0], four.noWork()[0]));
    }

    /** Rates in, ratio out: a verification costs at least the bare check plus the HTTP floor, one after the other. */
    static double ceiling(double bareRate, double floorRate) {
        double bare = 1 / bareRate;
        return bare / (bare + 1 / floorRate);
    }

    static void progress(String what) {
        System.err.printf("[permit-verify %s] %s%n", java.time.Instant.now(), what);
    }

    private static void line(String what, double[] r) {
        System.out.printf("%-56s %,9.0f /s  p50 %s  p99 %s%n", what, r[0], Stats.ms(r[1]), Stats.ms(r[2]));
    }

    /** A second covid-ops-service from the same packaged application, on the stack's database and broker. */
    static Process startFullJit(Path home, Launcher stack, Path data, int port, Path log) throws IOException {
        Path app = home.resolve("covid-ops-service/target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FULL_JIT_FLAGS);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.datasource.jdbc.url=" + stack.jdbcUrl("covid-ops-service"));
        command.add("-Dquarkus.datasource.username=" + EmbeddedPostgres.USER);
        command.add("-Dquarkus.datasource.password=" + EmbeddedPostgres.PASSWORD);
        command.add("-Dkafka.bootstrap.servers=" + stack.kafkaBootstrapServers());
        command.add("-Dmp.jwt.verify.publickey.location=" + data.resolve("jwt").resolve(JwtKeys.PUBLIC_KEY_FILE).toUri());
        command.add("-Dmp.jwt.verify.issuer=" + JwtKeys.ISSUER);
        // the launcher's key-encryption key of the permit signing keys, kept with the stack's data
        command.add("-Dsct.permits.kek-file=" + data.resolve("keys").resolve("permits.kek"));
        command.add("-jar");
        command.add(app.toString());
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    static void awaitReady(String base, Process p, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the full-JIT covid-ops-service stopped; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the full-JIT covid-ops-service was not ready in 120 s; see " + log);
    }

    /** Entry point of the child JVM: token x y seconds threads; prints "rate p50 p99". */
    public static final class Bare {
        public static void main(String[] args) throws Exception {
            double seconds = Double.parseDouble(args[3]);
            int threads = Integer.parseInt(args[4]);
            PublicKey key = publicKey(args[1], args[2]);
            bare(key, args[0], Math.min(10, seconds), threads);
            double[] r = bare(key, args[0], seconds, threads);
            System.out.println(r[0] + " " + r[1] + " " + r[2]);
        }
    }

    static double[] childJvm(String token, String x, String y, double seconds, int threads) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Bare.class.getName(), token, x, y,
                Double.toString(seconds), Integer.toString(threads)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                last = line;
            }
        }
        if (p.waitFor() != 0 || last == null) {
            throw new IllegalStateException("the child JVM failed: " + last);
        }
        return Arrays.stream(last.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    interface Call {
        void run() throws Exception;
    }

    /** Runs {@code call} on {@code threads} threads, each one call after the other, for {@code seconds}. */
    static double[] measure(Call call, double seconds, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<List<Double>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    List<Double> latencies = new ArrayList<>();
                    long t0 = System.nanoTime();
                    while (t0 < end) {
                        call.run();
                        long t1 = System.nanoTime();
                        latencies.add((t1 - t0) / 1e6);
                        t0 = t1;
                    }
                    return latencies;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> f : parts) {
                all.addAll(f.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double[] values = all.stream().mapToDouble(Double::doubleValue).toArray();
            return new double[] { values.length / elapsed, Stats.percentile(values, 50), Stats.percentile(values, 99) };
        } finally {
            pool.shutdownNow();
        }
    }

    static double[] bare(PublicKey key, String token, double seconds, int threads) throws Exception {
        return measure(() -> {
            if (!bareCheck(key, token)) {
                throw new IllegalStateException("bare check failed");
            }
        }, seconds, threads);
    }

    static double[] call(HttpRequest request, String expected, double seconds, int threads) throws Exception {
        // one HTTP/1.1 client (one connection) per thread, as separate checkpoints would have
        ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(
                () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        return measure(() -> {
            HttpResponse<String> r = clients.get().send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains(expected)) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
            }
        }, seconds, threads);
    }

    /** What an offline checkpoint does with a token and the published key: decode, verify R||S as JOSE carries it. */
    static boolean bareCheck(PublicKey key, String token) throws Exception {
        int dot2 = token.lastIndexOf('.');
        byte[] jose = Base64.getUrlDecoder().decode(token.substring(dot2 + 1));
        if (jose.length != 64) {
            return false;
        }
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initVerify(key);
        s.update(token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII));
        return s.verify(jose);
    }

    static PublicKey publicKey(String x, String y) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(x)), new BigInteger(1, Base64.getUrlDecoder().decode(y)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }
}
