package vn.binhduong.sct.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

import vn.binhduong.sct.launcher.Launcher;

/**
 * Permit verification (issue 5): the public {@code GET /api/v1/permits/verify?token=} called by one client thread,
 * one request after the other, next to a bare ES256 check of the same token with the published JWK (base64url
 * decoding, JOSE to DER, SHA256withECDSA) on one thread in the same run. The bare check runs twice: in this JVM
 * (C2 compiler) and in a child JVM started with the flags the launcher gives every service
 * (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC), so the cost of the HTTP path and the cost of the JVM flags are told
 * apart. Arguments: [seconds per path, default 20].
 */
public final class PermitVerifyBench {
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        Path data = Path.of(System.getProperty("sct.home", ".")).resolve("bench/target/permit-verify-bench-data");
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
            String url = base + "/verify?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();

            double warm = Math.min(10, seconds);
            bare(key, token, warm);
            rest(http, request, warm);
            double[] bare = bare(key, token, seconds);
            double[] child = childJvm(token, x, y, seconds);
            double[] rest = rest(http, request, seconds);

            System.out.printf("%nPermit verification, one client thread, %.0f s per path (same token, same published key)%n", seconds);
            System.out.printf("  bare ES256 check, this JVM (C2):                         %,9.0f /s  p50 %s  p99 %s%n",
                    bare[0], Stats.ms(bare[1]), Stats.ms(bare[2]));
            System.out.printf("  bare ES256 check, child JVM with the services' JVM flags: %,9.0f /s  p50 %s  p99 %s%n",
                    child[0], Stats.ms(child[1]), Stats.ms(child[2]));
            System.out.printf("  GET /api/v1/permits/verify (VALID every time):             %,9.0f /s  p50 %s  p99 %s%n",
                    rest[0], Stats.ms(rest[1]), Stats.ms(rest[2]));
            System.out.printf("  ratio REST / bare (C2): %.2f; REST / bare with the services' flags: %.2f%n", rest[0] / bare[0],
                    rest[0] / child[0]);
        }
    }

    /** Entry point of the child JVM: token x y seconds; prints "rate p50 p99". */
    public static final class Bare {
        public static void main(String[] args) throws Exception {
            double seconds = Double.parseDouble(args[3]);
            PublicKey key = publicKey(args[1], args[2]);
            bare(key, args[0], Math.min(10, seconds));
            double[] r = bare(key, args[0], seconds);
            System.out.println(r[0] + " " + r[1] + " " + r[2]);
        }
    }

    static double[] childJvm(String token, String x, String y, double seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-cp", System.getProperty("java.class.path"),
                Bare.class.getName(), token, x, y, Double.toString(seconds)));
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

    static double[] bare(PublicKey key, String token, double seconds) throws Exception {
        List<Double> latencies = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long t0 = start;
        while (t0 < end) {
            if (!bareCheck(key, token)) {
                throw new IllegalStateException("bare check failed");
            }
            long t1 = System.nanoTime();
            latencies.add((t1 - t0) / 1e6);
            t0 = t1;
        }
        return summary(latencies, (t0 - start) / 1e9);
    }

    static double[] rest(HttpClient http, HttpRequest request, double seconds) throws Exception {
        List<Double> latencies = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long t0 = start;
        while (t0 < end) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("\"VALID\"")) {
                throw new IllegalStateException("verify answered " + r.statusCode() + ": " + r.body());
            }
            long t1 = System.nanoTime();
            latencies.add((t1 - t0) / 1e6);
            t0 = t1;
        }
        return summary(latencies, (t0 - start) / 1e9);
    }

    static double[] summary(List<Double> latencies, double seconds) {
        double[] all = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        return new double[] { all.length / seconds, Stats.percentile(all, 50), Stats.percentile(all, 99) };
    }

    /** What an offline checkpoint does with a token and the published key: decode, convert, verify. */
    static boolean bareCheck(PublicKey key, String token) throws Exception {
        int dot1 = token.indexOf('.');
        int dot2 = token.indexOf('.', dot1 + 1);
        byte[] jose = Base64.getUrlDecoder().decode(token.substring(dot2 + 1));
        if (jose.length != 64) {
            return false;
        }
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initVerify(key);
        s.update(token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII));
        return s.verify(der(jose));
    }

    static byte[] der(byte[] jose) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(jose, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(jose, 32, 64)).toByteArray();
        byte[] der = new byte[6 + r.length + s.length];
        der[0] = 0x30;
        der[1] = (byte) (4 + r.length + s.length);
        der[2] = 0x02;
        der[3] = (byte) r.length;
        System.arraycopy(r, 0, der, 4, r.length);
        der[4 + r.length] = 0x02;
        der[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, der, 6 + r.length, s.length);
        return der;
    }

    static PublicKey publicKey(String x, String y) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(x)), new BigInteger(1, Base64.getUrlDecoder().decode(y)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }
}
