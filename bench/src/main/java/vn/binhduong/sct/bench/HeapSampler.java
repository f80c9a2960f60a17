package vn.binhduong.sct.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Samples a JVM's heap with {@code jstat -gc PID 250} (reads the JVM's perf-data counters: no attach, no safepoint,
 * negligible cost) and its resident memory from /proc. Heap used = survivor + eden + old generation in use, garbage
 * included; the old generation in use is what survives collections, so a flat old generation means nothing is
 * retained as the work grows.
 */
final class HeapSampler implements AutoCloseable {
    private final long pid;
    private final Process jstat;
    private final Thread reader;
    private volatile double maxUsedKib = -1;
    private volatile double maxOldKib = -1;
    private volatile double capacityKib = -1;
    private volatile long maxRssKib = -1;
    private volatile int samples;
    private volatile long youngGcs = -1;
    private volatile long fullGcs = -1;
    private long youngGcsAtStart = -1;
    private long fullGcsAtStart = -1;

    HeapSampler(long pid) throws Exception {
        this.pid = pid;
        String jstatBin = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        if (!Files.exists(Path.of(jstatBin))) {
            jstatBin = "jstat";
        }
        jstat = new ProcessBuilder(jstatBin, "-gc", Long.toString(pid), "250").redirectErrorStream(true).start();
        reader = new Thread(this::read, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            String line;
            while ((line = in.readLine()) != null) {
                List<String> f = Arrays.asList(line.trim().split("\\s+"));
                if (f.contains("EU")) {
                    header = f;
                    continue;
                }
                if (header == null || f.size() != header.size()) {
                    continue;
                }
                double used = v(header, f, "S0U") + v(header, f, "S1U") + v(header, f, "EU") + v(header, f, "OU");
                double old = v(header, f, "OU");
                double capacity = v(header, f, "S0C") + v(header, f, "S1C") + v(header, f, "EC") + v(header, f, "OC");
                long ygc = (long) v(header, f, "YGC");
                long fgc = (long) v(header, f, "FGC");
                synchronized (this) {
                    maxUsedKib = Math.max(maxUsedKib, used);
                    maxOldKib = Math.max(maxOldKib, old);
                    capacityKib = Math.max(capacityKib, capacity);
                    youngGcs = ygc;
                    fullGcs = fgc;
                    if (youngGcsAtStart < 0) {
                        youngGcsAtStart = ygc;
                        fullGcsAtStart = fgc;
                    }
                    maxRssKib = Math.max(maxRssKib, Rest.rssKib(pid));
                    samples++;
                }
            }
        } catch (Exception e) {
            // the JVM or jstat ended
        }
    }

    private static double v(List<String> header, List<String> f, String column) {
        return Double.parseDouble(f.get(header.indexOf(column)));
    }

    /** Forgets the maxima so far (call when the measured work starts). */
    synchronized void reset() {
        maxUsedKib = -1;
        maxOldKib = -1;
        maxRssKib = -1;
        samples = 0;
        youngGcsAtStart = youngGcs;
        fullGcsAtStart = fullGcs;
    }

    synchronized String summary() {
        return String.format("heap used max %.0f MiB (garbage included; committed max %.0f MiB of -Xmx256m), old generation max %.0f MiB,"
                + " RSS max %d MiB, %d young and %d full collections (%d samples of jstat -gc every 250 ms)",
                maxUsedKib / 1024, capacityKib / 1024, maxOldKib / 1024, maxRssKib / 1024, youngGcs - youngGcsAtStart,
                fullGcs - fullGcsAtStart, samples);
    }

    double maxUsedMib() {
        return maxUsedKib / 1024;
    }

    double maxOldMib() {
        return maxOldKib / 1024;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
