package vn.binhduong.sct.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Command-line options of the launcher; {@link #USAGE} documents them. */
public final class Options {
    static final String USAGE = """
            Usage: ./sct [options]

            Starts PostgreSQL 17 and Kafka (embedded, from Maven artifacts) and the five services as separate JVMs,
            waits until all are healthy, prints their URLs and ready-to-use tokens, and stops everything on Ctrl-C.

              --data DIR            where databases, Kafka logs, keys and service logs live (default: .sct-data)
              --reset               wipe the data directory first
              --pg-port N           embedded PostgreSQL port (default 54329; 0 = any free port)
              --kafka-port N        embedded Kafka port (default 19092; 0 = any free port)
              --base-port N         first service port; the five services take N..N+4 (default 8081; 0 = free ports)
              --heap SIZE           -Xmx of each service JVM (default 256m)
              --jvm laptop|production
                                    JVM flags of the services: laptop (default) is C1 only with the serial
                                    collector, for a small footprint; production is the container images' flags
                                    (G1, full tiered JIT), with --heap as the heap
              --postgres URL        use this PostgreSQL instead, e.g. jdbc:postgresql://db:5432/ (one database per
                                    service is created there if missing); with --pg-user/--pg-password
              --kafka SERVERS       use these bootstrap servers instead of the embedded broker
              --brokers N           start N embedded Kafka brokers as one KRaft cluster (default 1; 3 replicates
                                    every topic three times with min.insync.replicas=2); changing N needs --reset
              --no-supervise        do not restart a service, broker or PostgreSQL that dies (for debugging)
              --demo YEAR           load the demo data set of YEAR (deploy/demo/YEAR) through the public APIs, after
                                    the demo years before it (--demo 2022 loads 2021, then 2022)
              --report-out DIR      after loading, write the annual report of that year in every format into DIR
              --exit                stop everything and exit once the steps above are done (non-interactive)
              --help                this text
            """;

    Path home = Path.of(System.getProperty("sct.home", ".")).toAbsolutePath().normalize();
    Path data;
    boolean reset;
    int pgPort = 54329;
    int kafkaPort = 19092;
    int basePort = 8081;
    String heap = "256m";
    JvmFlags jvm = JvmFlags.LAPTOP;
    Optional<String> externalPostgres = Optional.empty();
    String pgUser = "postgres";
    String pgPassword = "postgres";
    Optional<String> externalKafka = Optional.empty();
    Optional<Integer> demoYear = Optional.empty();
    Optional<Path> reportOut = Optional.empty();
    boolean exit;
    boolean help;
    int brokers = 1;
    boolean supervise = true;

    static Options parse(String... args) {
        Options o = new Options();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String a = rest.remove(0);
            switch (a) {
                case "--data" -> o.data = Path.of(value(a, rest)).toAbsolutePath();
                case "--reset" -> o.reset = true;
                case "--pg-port" -> o.pgPort = port(a, value(a, rest));
                case "--kafka-port" -> o.kafkaPort = port(a, value(a, rest));
                case "--base-port" -> o.basePort = port(a, value(a, rest));
                case "--heap" -> o.heap = value(a, rest);
                case "--jvm" -> o.jvm = JvmFlags.parse(value(a, rest));
                case "--postgres" -> o.externalPostgres = Optional.of(value(a, rest));
                case "--pg-user" -> o.pgUser = value(a, rest);
                case "--pg-password" -> o.pgPassword = value(a, rest);
                case "--kafka" -> o.externalKafka = Optional.of(value(a, rest));
                case "--demo" -> o.demoYear = Optional.of(Integer.parseInt(value(a, rest)));
                case "--report-out" -> o.reportOut = Optional.of(Path.of(value(a, rest)).toAbsolutePath());
                case "--exit" -> o.exit = true;
                case "--brokers" -> {
                    o.brokers = Integer.parseInt(value(a, rest));
                    if (o.brokers < 1 || o.brokers > 9) {
                        throw new IllegalArgumentException("--brokers: 1 to 9");
                    }
                }
                case "--no-supervise" -> o.supervise = false;
                case "--home" -> o.home = Path.of(value(a, rest)).toAbsolutePath().normalize();
                case "--help", "-h" -> o.help = true;
                default -> throw new IllegalArgumentException("unknown option " + a + "\n\n" + USAGE);
            }
        }
        if (o.data == null) {
            o.data = o.home.resolve(".sct-data");
        }
        if (o.reportOut.isPresent() && o.demoYear.isEmpty()) {
            throw new IllegalArgumentException("--report-out needs --demo YEAR (the year of the report)");
        }
        return o;
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value\n\n" + USAGE);
        }
        return rest.remove(0);
    }

    private static int port(String option, String v) {
        int p = Integer.parseInt(v);
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException(option + ": not a port: " + v);
        }
        return p;
    }
}
