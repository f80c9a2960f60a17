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
 * service is healthy, then the memory (PSS) of every process of the stack. Targets: healthy within 90 s, total
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
            System.out.println("  memory as PSS (resident, shared pages divided among their sharers, so the sum is honest):");
            List<ProcessHandle> processes = new java.util.ArrayList<>(sct.toHandle().descendants().toList());
            // PostgreSQL daemonises: its postmaster and backends are found by the data directory, not by parentage
            String pgData = data.resolve("postgres").toString();
            ProcessHandle.allProcesses().filter(p -> commandLine(p).contains("-D " + pgData))
                    .forEach(postmaster -> {
                        processes.add(postmaster);
                        processes.addAll(postmaster.descendants().toList());
                    });
            java.util.Map<String, Long> byLabel = new java.util.LinkedHashMap<>();
            for (ProcessHandle p : processes) {
                long kib = pssKib(p.pid());
                if (kib > 0) {
                    byLabel.merge(label(p), kib, Long::sum);
                }
            }
            byLabel.put("launcher", Math.max(0, pssKib(sct.pid())));
            for (var e : byLabel.entrySet()) {
                total += e.getValue();
                System.out.printf("  %-28s %6d MiB%n", e.getKey(), e.getValue() / 1024);
            }
            System.out.printf("  %-28s %6d MiB (target < 3072 MiB)%n", "total", total / 1024);
        } finally {
            sct.destroy();
            if (!sct.waitFor(60, TimeUnit.SECONDS)) {
                sct.destroyForcibly();
            }
        }
    }

    static String label(ProcessHandle p) {
        String cmd = commandLine(p);
        if (cmd.contains("KafkaChild")) {
            return "kafka";
        }
        for (String s : List.of("member-service", "inspection-service", "covid-ops-service", "indicator-service", "report-service")) {
            if (cmd.contains(s + "/target/quarkus-app")) {
                return s;
            }
        }
        if (cmd.contains("postgres")) {
            return "postgresql (all processes)";
        }
        return cmd.length() > 28 ? cmd.substring(0, 28) : cmd;
    }

    /** The whole command line from /proc (ProcessHandle.Info cuts long ones, such as the broker's class path). */
    static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (Exception e) {
            return p.info().commandLine().orElse("?");
        }
    }

    /** Proportional set size from /proc/PID/smaps_rollup; falls back to RSS where that file is missing. */
    static long pssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return rssKib(pid);
        }
        return rssKib(pid);
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
