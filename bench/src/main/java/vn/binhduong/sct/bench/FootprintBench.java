package vn.binhduong.sct.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher command as a user types it (./sct, warm Maven cache, fresh data directory): seconds until every
 * service is healthy, then the resident memory of every process of the stack. Targets: healthy within 90 s, total
 * under 3 GiB.
 */
public final class FootprintBench {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("sct.home", ".")).toAbsolutePath();
        Path data = home.resolve("bench/target/footprint-bench-data");
        long start = System.nanoTime();
        Process sct = new ProcessBuilder(home.resolve("sct").toString(), "--data", data.toString(), "--reset")
                .directory(home.toFile()).redirectErrorStream(true).start();
        double upAfter = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(sct.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("SCT platform is up")) {
                    upAfter = (System.nanoTime() - start) / 1e9;
                }
                if (line.contains("Press Ctrl-C")) {
                    break;
                }
            }
            if (upAfter < 0) {
                throw new IllegalStateException("the stack did not come up");
            }
            Thread.sleep(5000); // let start-up garbage settle before reading memory
            long total = 0;
            System.out.printf("%nFootprint of ./sct (fresh data directory, warm Maven cache)%n");
            System.out.printf("  command to all five services healthy: %.1f s (target < 90 s)%n", upAfter);
            List<ProcessHandle> all = sct.toHandle().descendants().toList();
            for (ProcessHandle p : all) {
                long rss = rssKib(p.pid());
                if (rss <= 0) {
                    continue;
                }
                total += rss;
                System.out.printf("  %-28s RSS %6d MiB%n", label(p), rss / 1024);
            }
            long self = rssKib(sct.pid());
            total += Math.max(0, self);
            System.out.printf("  %-28s RSS %6d MiB%n", "launcher", Math.max(0, self) / 1024);
            System.out.printf("  total                        RSS %6d MiB (target < 3072 MiB)%n", total / 1024);
        } finally {
            sct.destroy();
            if (!sct.waitFor(60, TimeUnit.SECONDS)) {
                sct.destroyForcibly();
            }
        }
    }

    static String label(ProcessHandle p) {
        String cmd = p.info().commandLine().orElse("?");
        for (String s : List.of("member-service", "inspection-service", "covid-ops-service", "indicator-service", "report-service")) {
            if (cmd.contains(s + "/target/quarkus-app")) {
                return s;
            }
        }
        if (cmd.contains("KafkaChild")) {
            return "kafka";
        }
        if (cmd.contains("postgres")) {
            return "postgres " + p.pid();
        }
        return cmd.length() > 28 ? cmd.substring(0, 28) : cmd;
    }

    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
