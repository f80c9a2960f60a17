package vn.binhduong.sct.descriptors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The checkout the tests read: the root, its service modules, and the descriptors as JSON trees. */
final class Repo {
    static final ObjectMapper JSON = new ObjectMapper();
    private static volatile List<ServiceModel> services;

    private Repo() {
    }

    /** The repository root ({@code sct.home}, set by the pom; the working directory's parent's parent otherwise). */
    static Path home() {
        String home = System.getProperty("sct.home");
        Path p = home != null ? Path.of(home) : Path.of("").toAbsolutePath().getParent().getParent();
        if (!Files.exists(p.resolve("pom.xml"))) {
            throw new IllegalStateException("not the repository root: " + p);
        }
        return p;
    }

    /**
     * Where the services' build output is ({@code sct.generated.home}, default the root): the generated
     * {@code <service>/target/kubernetes/kubernetes.yml} is read from there.
     */
    static Path generatedHome() {
        String g = System.getProperty("sct.generated.home");
        return g == null || g.isBlank() ? home() : Path.of(g);
    }

    static Path path(String relative) {
        return home().resolve(relative);
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /**
     * Every document of a YAML file as a JSON tree. SnakeYAML (which Jackson's YAML format builds on) resolves merge
     * keys ({@code <<: *anchor}, as docker compose does); Jackson's own YAML parser would keep them as fields.
     */
    static List<JsonNode> yamlDocuments(Path p) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<JsonNode> docs = new ArrayList<>();
        for (Object o : yaml.loadAll(read(p))) {
            if (o != null) {
                docs.add(JSON.valueToTree(o));
            }
        }
        return docs;
    }

    static JsonNode yaml(Path p) {
        List<JsonNode> docs = yamlDocuments(p);
        if (docs.size() != 1) {
            throw new IllegalStateException(p + ": expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    static JsonNode json(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + p, e);
        }
    }

    /** The service modules of the reactor (root pom modules named {@code *-service}), each with its configuration. */
    static List<ServiceModel> services() {
        List<ServiceModel> s = services;
        if (s == null) {
            s = new ArrayList<>();
            Matcher m = Pattern.compile("<module>([a-z0-9-]+-service)</module>").matcher(read(path("pom.xml")));
            while (m.find()) {
                s.add(ServiceModel.load(home(), m.group(1)));
            }
            if (s.size() < 6) {
                throw new IllegalStateException("expected the six service modules in the root pom, found " + s);
            }
            services = s = List.copyOf(s);
        }
        return s;
    }

    static ServiceModel service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service module " + name));
    }

    static List<Path> files(Path dir, String glob) {
        try (Stream<Path> st = Files.list(dir)) {
            return st.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text of a node, or null. */
    static String text(JsonNode n, String... path) {
        JsonNode c = n;
        for (String f : path) {
            if (c == null) {
                return null;
            }
            c = c.get(f);
        }
        return c == null || c.isNull() ? null : c.asText();
    }

    static Stream<JsonNode> stream(JsonNode array) {
        if (array == null || array.isNull()) {
            return Stream.empty();
        }
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        return l.stream();
    }
}
