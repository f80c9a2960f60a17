package vn.binhduong.sct.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The service's OpenAPI document as a contract: the stored document ({@code docs/openapi/<service>.json}) against the
 * one the running service serves. The check fails when an operation disappears or changes its operationId, a
 * parameter disappears or becomes required, a request body field becomes required, or a field of a JSON response
 * disappears or changes its type; additions pass. A deliberate breaking change is made by storing the new document:
 * run the test with {@code -Dsct.openapi.write=true} and commit the file.
 */
public final class OpenApiContractCheck {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private OpenApiContractCheck() {
    }

    public static void verify(Path stored) {
        OpenApiOperations current = OpenApiOperations.ofRunningService();
        try {
            if (Boolean.getBoolean("sct.openapi.write")) {
                Files.createDirectories(stored.toAbsolutePath().getParent());
                Files.writeString(stored, JSON.writeValueAsString(JSON.treeToValue(current.document(), Map.class)) + "\n");
                return;
            }
            if (!Files.exists(stored)) {
                throw new AssertionError(stored + " is missing: store the contract with -Dsct.openapi.write=true");
            }
            JsonNode before = JSON.readTree(Files.readString(stored));
            List<String> breaks = compare(before, current.document());
            if (!breaks.isEmpty()) {
                throw new AssertionError(breaks.size() + " breaking changes against " + stored
                        + " (store the new document with -Dsct.openapi.write=true if they are meant):\n  "
                        + String.join("\n  ", breaks));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> compare(JsonNode before, JsonNode now) {
        List<String> breaks = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = before.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> o = ops.next();
                if (o.getKey().equals("parameters")) {
                    continue;
                }
                String where = o.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey();
                JsonNode op = now.path("paths").path(p.getKey()).path(o.getKey());
                if (op.isMissingNode()) {
                    breaks.add(where + ": the operation is gone");
                    continue;
                }
                String id = o.getValue().path("operationId").asText("");
                if (!id.equals(op.path("operationId").asText(""))) {
                    breaks.add(where + ": operationId " + id + " became " + op.path("operationId").asText(""));
                }
                parameters(where, o.getValue(), op, breaks);
                JsonNode oldBody = o.getValue().path("requestBody").path("content").path("application/json").path("schema");
                JsonNode newBody = op.path("requestBody").path("content").path("application/json").path("schema");
                if (!oldBody.isMissingNode() && !newBody.isMissingNode()) {
                    Set<String> wasRequired = names(resolve(before, oldBody).path("required"));
                    for (String r : names(resolve(now, newBody).path("required"))) {
                        if (!wasRequired.contains(r)) {
                            breaks.add(where + ": request field " + r + " became required");
                        }
                    }
                }
                Iterator<Map.Entry<String, JsonNode>> responses = o.getValue().path("responses").fields();
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> r = responses.next();
                    if (!r.getKey().startsWith("2")) {
                        continue;
                    }
                    JsonNode oldContent = r.getValue().path("content");
                    Iterator<String> types = oldContent.fieldNames();
                    while (types.hasNext()) {
                        String type = types.next();
                        if (!type.contains("json")) {
                            // fields are a JSON body's; a CSV or binary answer has none to keep, and SmallRye lists
                            // such media types unevenly from one build to the next
                            continue;
                        }
                        JsonNode newSchema = op.path("responses").path(r.getKey()).path("content").path(type).path("schema");
                        if (newSchema.isMissingNode()) {
                            breaks.add(where + ": response " + r.getKey() + " " + type + " is gone");
                            continue;
                        }
                        schema(where + " " + r.getKey(), "", before, oldContent.path(type).path("schema"), now, newSchema,
                                breaks, new HashSet<>());
                    }
                }
            }
        }
        return breaks;
    }

    private static void parameters(String where, JsonNode before, JsonNode now, List<String> breaks) {
        Map<String, JsonNode> current = new java.util.HashMap<>();
        for (JsonNode p : now.path("parameters")) {
            current.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
        }
        Set<String> old = new HashSet<>();
        for (JsonNode p : before.path("parameters")) {
            String key = p.path("in").asText() + ":" + p.path("name").asText();
            old.add(key);
            if (!current.containsKey(key)) {
                breaks.add(where + ": parameter " + key + " is gone");
            } else if (!p.path("required").asBoolean(false) && current.get(key).path("required").asBoolean(false)) {
                breaks.add(where + ": parameter " + key + " became required");
            }
        }
        for (Map.Entry<String, JsonNode> e : current.entrySet()) {
            if (!old.contains(e.getKey()) && e.getValue().path("required").asBoolean(false)) {
                breaks.add(where + ": new required parameter " + e.getKey());
            }
        }
    }

    private static void schema(String where, String field, JsonNode beforeDoc, JsonNode before, JsonNode nowDoc,
            JsonNode now, List<String> breaks, Set<String> seen) {
        String ref = before.path("$ref").asText("") + "|" + now.path("$ref").asText("") + "|" + field;
        if (!seen.add(ref) || seen.size() > 500) {
            return;
        }
        JsonNode b = resolve(beforeDoc, before);
        JsonNode n = resolve(nowDoc, now);
        String bt = b.path("type").asText("");
        String nt = n.path("type").asText("");
        if (!bt.isEmpty() && !nt.isEmpty() && !bt.equals(nt)) {
            breaks.add(where + ": field " + (field.isEmpty() ? "(body)" : field) + " was " + bt + ", is " + nt);
            return;
        }
        if (!b.path("format").asText("").equals(n.path("format").asText("")) && !b.path("format").isMissingNode()) {
            breaks.add(where + ": field " + field + " format " + b.path("format").asText() + " became "
                    + n.path("format").asText("(none)"));
        }
        if (bt.equals("array")) {
            schema(where, field + "[]", beforeDoc, b.path("items"), nowDoc, n.path("items"), breaks, seen);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> props = b.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            String name = field.isEmpty() ? p.getKey() : field + "." + p.getKey();
            JsonNode np = n.path("properties").path(p.getKey());
            if (np.isMissingNode()) {
                breaks.add(where + ": response field " + name + " is gone");
                continue;
            }
            schema(where, name, beforeDoc, p.getValue(), nowDoc, np, breaks, seen);
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s != null && s.has("$ref"); i++) {
            s = doc.at(s.get("$ref").asText().substring(1));
        }
        if (s != null && s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(doc, s.get("allOf").get(0));
        }
        return s == null ? JSON.createObjectNode() : s;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> result = new HashSet<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
