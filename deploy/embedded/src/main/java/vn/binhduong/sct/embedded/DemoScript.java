package vn.binhduong.sct.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A demo data file: a list of HTTP requests against one service's public API, run in order. Each step may be named;
 * its JSON response is then available to later steps as {@code ${name.field.sub}} in paths and string values (a string
 * that is exactly one placeholder takes the JSON value itself, number or object). Every POST carries an
 * {@code Idempotency-Key} made of the file's {@code key} and the step's position, so running a file twice adds
 * nothing: the service replays the first responses.
 *
 * <pre>
 * { "service": "member-service", "key": "demo-2021-member",
 *   "steps": [
 *     { "name": "org", "method": "POST", "path": "/api/v1/organizations", "body": { "code": "DB-SCT", ... } },
 *     { "method": "POST", "path": "/api/v1/organizations/${org.code}/cells", "body": { ... }, "expect": [201] },
 *     { "method": "POST", "path": "/api/v1/test-results/uploads", "contentType": "text/csv", "bodyFile": "tests.csv" }
 *   ] }
 * </pre>
 */
public final class DemoScript {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_\\[\\]]+)*)}");

    private final Path file;
    private final JsonNode script;

    private DemoScript(Path file, JsonNode script) {
        this.file = file;
        this.script = script;
    }

    public static DemoScript load(Path file) {
        try {
            return new DemoScript(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo file " + file, e);
        }
    }

    public String service() {
        return script.path("service").asText();
    }

    public int size() {
        return script.path("steps").size();
    }

    /**
     * Runs every step against {@code baseUrl} with {@code bearerToken}; returns the named responses. Stops at the
     * first step whose status is not expected, with the step, the status and the body in the message.
     */
    public Map<String, JsonNode> run(String baseUrl, String bearerToken) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, JsonNode> saved = new HashMap<>();
        String key = script.path("key").asText(service());
        int index = 0;
        for (JsonNode step : script.path("steps")) {
            index++;
            String method = step.path("method").asText("POST");
            String path = substitute(new TextNode(step.path("path").asText()), saved).asText();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + bearerToken)
                    .header("Accept", "application/json");
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
            try {
                if (step.has("bodyFile")) {
                    body = HttpRequest.BodyPublishers.ofFile(file.resolveSibling(step.path("bodyFile").asText()));
                    request.header("Content-Type", step.path("contentType").asText("application/octet-stream"));
                } else if (step.has("body")) {
                    body = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(substitute(step.get("body"), saved)));
                    request.header("Content-Type", step.path("contentType").asText("application/json"));
                }
                if ("POST".equals(method)) {
                    request.header("Idempotency-Key", key + "-" + index);
                }
                HttpResponse<String> response = http.send(request.method(method, body).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (!expected(step, response.statusCode())) {
                    throw new IllegalStateException(String.format("%s step %d (%s %s) answered %d: %s", file.getFileName(),
                            index, method, path, response.statusCode(), response.body()));
                }
                if (step.has("name")) {
                    String text = response.body();
                    saved.put(step.get("name").asText(), text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file.getFileName() + " step " + index + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return saved;
    }

    private static boolean expected(JsonNode step, int status) {
        if (!step.has("expect")) {
            return status >= 200 && status < 300;
        }
        for (JsonNode s : step.get("expect")) {
            if (s.asInt() == status) {
                return true;
            }
        }
        return false;
    }

    /** Replaces placeholders in every string of {@code node}. */
    static JsonNode substitute(JsonNode node, Map<String, JsonNode> saved) {
        if (node.isTextual()) {
            String text = node.asText();
            Matcher whole = PLACEHOLDER.matcher(text);
            if (whole.matches()) {
                return lookup(whole.group(1), whole.group(2), saved);
            }
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(lookup(m.group(1), m.group(2), saved).asText()));
            }
            m.appendTail(sb);
            return new TextNode(sb.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                copy.set(f.getKey(), substitute(f.getValue(), saved));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(substitute(n, saved)));
            return copy;
        }
        return node;
    }

    private static JsonNode lookup(String name, String path, Map<String, JsonNode> saved) {
        JsonNode value = saved.get(name);
        if (value == null) {
            throw new IllegalStateException("no earlier step named '" + name + "'");
        }
        for (String part : List.of(path.split("\\.")).stream().filter(p -> !p.isEmpty()).toList()) {
            Matcher idx = Pattern.compile("(.*)\\[(\\d+)]").matcher(part);
            value = idx.matches() ? value.path(idx.group(1)).path(Integer.parseInt(idx.group(2))) : value.path(part);
        }
        if (value.isMissingNode()) {
            throw new IllegalStateException("${" + name + path + "} is not in the response of step '" + name + "'");
        }
        return value;
    }
}
