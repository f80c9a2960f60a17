package vn.binhduong.sct.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The heap of one service JVM over time, from {@code jstat -gc PID 1000} (the JVM's perf-data counters: no attach, no
 * safepoint). Every sample keeps the old generation in use (OU: what survived young collections, garbage included
 * until an old collection) and the young and full collection counts, so a window can say how low the old generation
 * got and whether an old collection ran. {@link #liveHeapMib()} forces a full collection with {@code jcmd PID GC.run}
 * and reads the heap in use right after it: the live set (used outside measured windows only: it stops the JVM).
 */
final class GcWatch implements AutoCloseable {
    record Sample(long nanos, double oldKib, double usedKib, long youngGcs, long fullGcs) {
    }

    /** A window's summary: old generation in use at its end and at its lowest, collections during it. */
    record Window(double oldLastMib, double oldMinMib, long youngGcs, long fullGcs) {
        String brief() {
            return String.format("%.0f/%.0f%s", oldLastMib, oldMinMib, fullGcs > 0 ? "*" + fullGcs : "");
        }
    }

    final String service;
    final long pid;
    private final Process jstat;
    private final List<Sample> samples = new ArrayList<>();

    GcWatch(String service, long pid) throws Exception {
        this.service = service;
        this.pid = pid;
        jstat = new ProcessBuilder(tool("jstat"), "-gc", Long.toString(pid), "1000").redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "gcwatch-" + service);
        reader.setDaemon(true);
        reader.start();
    }

    static String tool(String name) {
        Path p = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.exists(p) ? p.toString() : name;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            String line;
            while ((line = in.readLine()) != null) {
                List<String> f = Arrays.asList(line.trim().split("\\s+"));
                if (f.contains("OU")) {
                    header = f;
                    continue;
                }
                if (header == null || f.size() != header.size()) {
                    continue;
                }
                Sample s = parse(header, f, System.nanoTime());
                synchronized (samples) {
                    samples.add(s);
                }
            }
        } catch (Exception e) {
            // the JVM or jstat ended
        }
    }

    private static Sample parse(List<String> header, List<String> f, long now) {
        double old = v(header, f, "OU");
        double used = v(header, f, "S0U") + v(header, f, "S1U") + v(header, f, "EU") + old;
        return new Sample(now, old, used, (long) v(header, f, "YGC"), (long) v(header, f, "FGC"));
    }

    private static double v(List<String> header, List<String> f, String column) {
        return Double.parseDouble(f.get(header.indexOf(column)));
    }

    /** The samples taken in [from, to) (System.nanoTime). */
    Window window(long from, long to) {
        List<Sample> in = new ArrayList<>();
        Sample before = null;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() < from) {
                    before = s;
                } else if (s.nanos() < to) {
                    in.add(s);
                }
            }
        }
        if (in.isEmpty()) {
            return new Window(Double.NaN, Double.NaN, 0, 0);
        }
        Sample first = before != null ? before : in.get(0);
        Sample last = in.get(in.size() - 1);
        double min = in.stream().mapToDouble(Sample::oldKib).min().orElse(Double.NaN);
        return new Window(last.oldKib() / 1024, min / 1024, last.youngGcs() - first.youngGcs(), last.fullGcs() - first.fullGcs());
    }

    /** Forces a full collection ({@code jcmd PID GC.run}) and returns the heap in use just after it, in MiB. */
    double liveHeapMib() throws Exception {
        Process gc = new ProcessBuilder(tool("jcmd"), Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor(60, TimeUnit.SECONDS);
        Process once = new ProcessBuilder(tool("jstat"), "-gc", Long.toString(pid)).redirectErrorStream(true).start();
        List<String> lines = new String(once.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        once.waitFor(30, TimeUnit.SECONDS);
        if (lines.size() < 2) {
            return Double.NaN;
        }
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
        List<String> f = Arrays.asList(lines.get(1).trim().split("\\s+"));
        return parse(header, f, System.nanoTime()).usedKib() / 1024;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
