package vn.binhduong.sct.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the machine's CPU went during one measured phase, from /proc: one service's JVM, the stack's PostgreSQL (its
 * postmaster, found by the data directory on its command line, and every process under it), this benchmark's own JVM
 * (its client threads), and the rest of the machine (the broker, the other services, the kernel's share not charged to
 * a process). Per request, so a REST page and the JDBC range scan it is compared with can be set side by side: which
 * process pays for what the baseline does not do. Clock ticks (10 ms) over 15 s phases: a few tenths of a percent.
 */
final class CpuSplit {
    private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

    private final long servicePid;
    private final String pgData;

    record Sample(long service, long postgres, long bench, long machineBusy, long machineAll) {
    }

    CpuSplit(long servicePid, Path pgData) {
        this.servicePid = servicePid;
        this.pgData = pgData.toString();
    }

    Sample take() {
        long pg = ProcessHandle.allProcesses().filter(p -> FootprintBench.commandLine(p).contains("-D " + pgData))
                .mapToLong(postmaster -> ticks(postmaster.pid())
                        + postmaster.descendants().mapToLong(child -> ticks(child.pid())).sum())
                .sum();
        long[] machine = machine();
        return new Sample(ticks(servicePid), pg, ticks(ProcessHandle.current().pid()), machine[0], machine[1]);
    }

    /** One line: CPU milliseconds per request of each part, and how busy the whole machine was. */
    static String line(Sample a, Sample b, long requests) {
        long service = b.service - a.service;
        long pg = b.postgres - a.postgres;
        long bench = b.bench - a.bench;
        long busy = b.machineBusy - a.machineBusy;
        long all = Math.max(1, b.machineAll - a.machineAll);
        long rest = Math.max(0, busy - service - pg - bench);
        double n = Math.max(1, requests);
        return String.format("CPU ms a request: service %.3f, PostgreSQL %.3f, bench clients %.3f, rest %.3f; total %.3f;"
                + " machine %.0f%% busy of %d cores", service * TICK_MS / n, pg * TICK_MS / n, bench * TICK_MS / n,
                rest * TICK_MS / n, busy * TICK_MS / n, 100.0 * busy / all, Runtime.getRuntime().availableProcessors());
    }

    /** utime + stime of a process (all its threads), in clock ticks; 0 when it is gone. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Busy and all ticks of the whole machine (all cores), from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) { // user nice system idle iowait irq softirq steal
                all += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] { all - idle, all };
        } catch (IOException | RuntimeException e) {
            return new long[] { 0, 1 };
        }
    }
}
