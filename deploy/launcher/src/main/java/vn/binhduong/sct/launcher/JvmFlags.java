package vn.binhduong.sct.launcher;

import java.util.List;
import java.util.Locale;

/**
 * The JVM flags the launcher gives each service (besides {@code -Xmx}). A laptop runs six JVMs beside PostgreSQL and
 * Kafka, so by default they trade peak speed for footprint; benchmarks also run them as the container images do
 * ({@code src/main/docker/Dockerfile.jvm}: G1, full tiered JIT), so a figure can be given under both.
 */
public enum JvmFlags {
    /** C1 only, serial collector, small stacks and code cache: ~200 MiB a service. */
    LAPTOP(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=64m")),
    /** The images' flags: G1 and the full tiered JIT (C1 then C2); the heap comes from --heap, not a container. */
    PRODUCTION(List.of("-XX:+TieredCompilation", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"));

    final List<String> flags;

    JvmFlags(List<String> flags) {
        this.flags = flags;
    }

    static JvmFlags parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--jvm: laptop or production, not " + value);
        }
    }

    /** The flags as one line, for a benchmark's printout. */
    public String describe() {
        return String.join(" ", flags);
    }
}
