package vn.binhduong.sct.descriptors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names a Prometheus of these services can hold: the series of a real scrape of each service (stored in
 * src/test/resources/metrics: Micrometer's HTTP, JVM and Agroal names), and the names the platform and the services
 * register in their code (PlatformMetrics and any later meter: a gauge as named, a counter with _total, a timer as
 * _seconds_count, _sum, _max and _bucket).
 */
final class Metrics {
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");
    private static final Pattern METER = Pattern.compile(
            "(Gauge|FunctionCounter|Counter|Timer|DistributionSummary|LongTaskTimer)\\.builder\\(\\s*\"([a-zA-Z0-9_.]+)\"");
    private static final Pattern REGISTRY_METER = Pattern.compile("\\.(timer|counter|gauge)\\(\\s*\"([a-zA-Z0-9_.]+)\"");
    private static final Pattern SCT_LITERAL = Pattern.compile("String\\s+[A-Za-z_]+\\s*=\\s*\"(sct[._][a-z0-9_.]+)\"");
    private static final Pattern TIMED = Pattern.compile("@(?:[a-z][a-zA-Z0-9_]*\\.)*Timed\\(\\s*(?:value\\s*=\\s*)?\"([a-zA-Z0-9_.]+)\"");

    private Metrics() {
    }

    /** Series name to its label names, from the stored scrape of each service. */
    static Map<String, Set<String>> scraped() {
        Map<String, Set<String>> names = new TreeMap<>();
        for (Path f : Repo.files(Repo.path("deploy/descriptors/src/test/resources/metrics"), "*.prom")) {
            for (String line : Repo.read(f).split("\n")) {
                Matcher m = SERIES.matcher(line);
                if (!line.startsWith("#") && m.find()) {
                    Set<String> labels = names.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                    if (m.group(2) != null) {
                        Matcher l = LABEL.matcher(m.group(2));
                        while (l.find()) {
                            labels.add(l.group(1));
                        }
                    }
                }
            }
        }
        return names;
    }

    /** The Prometheus series names of the meters registered in the code of the platform and of every service. */
    static Set<String> registered() {
        Set<String> names = new TreeSet<>();
        List<Path> roots = Stream.concat(Stream.of(Repo.path("platform")), Repo.services().stream().map(ServiceModel::dir))
                .map(d -> d.resolve("src/main/java")).toList();
        for (Path root : roots) {
            for (Path f : javaFiles(root)) {
                String src = Repo.read(f);
                Matcher m = METER.matcher(src);
                while (m.find()) {
                    names.addAll(series(m.group(1), m.group(2)));
                }
                Matcher r = REGISTRY_METER.matcher(src);
                while (r.find()) {
                    names.addAll(series(switch (r.group(1)) {
                        case "timer" -> "Timer";
                        case "counter" -> "Counter";
                        default -> "Gauge";
                    }, r.group(2)));
                }
                Matcher t = TIMED.matcher(src);
                while (t.find()) {
                    names.addAll(series("Timer", t.group(1)));
                }
                // a meter named through a constant (String NAME = "sct...") in a file that builds meters of that kind
                if (src.contains("io.micrometer")) {
                    Matcher c = SCT_LITERAL.matcher(src);
                    while (c.find()) {
                        for (String kind : List.of("Timer", "FunctionCounter", "Counter", "Gauge")) {
                            if (src.contains(kind + ".builder(") || src.contains("." + kind.toLowerCase() + "(")) {
                                names.addAll(series(kind, c.group(1)));
                            }
                        }
                    }
                }
            }
        }
        return names;
    }

    /** Micrometer's Prometheus naming of one meter. */
    static Set<String> series(String kind, String name) {
        String base = name.replace('.', '_');
        Set<String> s = new LinkedHashSet<>();
        switch (kind) {
            case "Gauge" -> s.add(base);
            case "Counter", "FunctionCounter" -> s.add(base.endsWith("_total") ? base : base + "_total");
            case "Timer", "LongTaskTimer" -> {
                String b = base.endsWith("_seconds") ? base : base + "_seconds";
                for (String suffix : List.of("_count", "_sum", "_max", "_bucket", "_active_count", "_duration_sum")) {
                    s.add(b + suffix);
                }
            }
            default -> {
                for (String suffix : List.of("_count", "_sum", "_max", "_bucket")) {
                    s.add(base + suffix);
                }
            }
        }
        return s;
    }

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENT = Pattern.compile("(?<![a-zA-Z0-9_:$.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

    /** The metric names a PromQL expression reads. */
    static Set<String> metricNames(String expr) {
        String e = stripped(expr);
        e = GROUPING.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(e);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The labels an expression groups by. */
    static Set<String> groupingLabels(String expr) {
        Set<String> labels = new TreeSet<>();
        Matcher g = GROUPING.matcher(stripped(expr));
        while (g.find()) {
            for (String l : g.group(2).split(",")) {
                if (!l.isBlank()) {
                    labels.add(l.trim());
                }
            }
        }
        return labels;
    }

    private static String stripped(String expr) {
        return expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> st = Files.walk(dir)) {
            return st.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
