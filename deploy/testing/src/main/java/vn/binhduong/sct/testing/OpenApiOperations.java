package vn.binhduong.sct.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operations of the service under test, read from its own OpenAPI document ({@code /q/openapi}), with what a
 * test needs to call each one: method, path template, parameters and the request body's schema.
 */
public final class OpenApiOperations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    public record Param(String name, String in, boolean required, JsonNode schema) {
    }

    public record Operation(String operationId, String method, String path, List<Param> params, String bodyType,
            JsonNode bodySchema, boolean secured) {

        /** The path with every path parameter replaced by {@code valueOf(param)} (already URL-encoded). */
        public String pathWith(java.util.function.Function<Param, String> valueOf) {
            String p = path;
            for (Param param : params) {
                if (param.in().equals("path")) {
                    p = p.replace("{" + param.name() + "}", valueOf.apply(param));
                }
            }
            return p;
        }

        @Override
        public String toString() {
            return (operationId == null ? "" : operationId + " ") + method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
        this.operations = read(document);
    }

    /** Reads the running service's document (RestAssured points at the {@code @QuarkusTest} application). */
    public static OpenApiOperations ofRunningService() {
        String body = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            return new OpenApiOperations(JSON.readTree(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable OpenAPI document", e);
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    public JsonNode document() {
        return document;
    }

    /** Follows a {@code $ref} to {@code #/components/schemas/...}; any other schema is returned as it is. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s != null && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = document.at(ref.substring(1));
        }
        if (s != null && s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0));
        }
        return s == null || s.isMissingNode() ? JSON.createObjectNode() : s;
    }

    /** A well-formed value for a parameter: what a client would send if it wanted an existing-looking thing. */
    public String sample(Param p) {
        JsonNode s = resolve(p.schema());
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0).asText();
        }
        String type = s.path("type").asText("string");
        String format = s.path("format").asText("");
        if (type.equals("integer") || type.equals("number")) {
            return p.name().toLowerCase(java.util.Locale.ROOT).contains("year") ? "2021" : "1";
        }
        if (type.equals("boolean")) {
            return "false";
        }
        if (format.equals("uuid")) {
            return UUID.nameUUIDFromBytes(p.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        }
        if (format.equals("date")) {
            return "2021-12-01";
        }
        if (format.equals("date-time")) {
            return "2021-12-01T00:00:00Z";
        }
        return "ZZ-NONE";
    }

    private static List<Operation> read(JsonNode doc) {
        List<Operation> result = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String path = entry.getKey();
            if (path.startsWith("/q/")) {
                continue;
            }
            List<Param> shared = params(entry.getValue().path("parameters"));
            for (String method : METHODS) {
                JsonNode op = entry.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>(shared);
                params.addAll(params(op.path("parameters")));
                String bodyType = null;
                JsonNode bodySchema = null;
                JsonNode content = op.path("requestBody").path("content");
                if (content.isObject() && content.size() > 0) {
                    Iterator<String> types = content.fieldNames();
                    bodyType = types.next();
                    if (content.has("application/json")) {
                        bodyType = "application/json";
                    }
                    bodySchema = content.path(bodyType).path("schema");
                }
                boolean secured = op.has("security") ? op.get("security").size() > 0 : doc.path("security").size() > 0;
                result.add(new Operation(op.path("operationId").isTextual() ? op.get("operationId").asText() : null,
                        method, path, params, bodyType, bodySchema, secured));
            }
        }
        return result;
    }

    private static List<Param> params(JsonNode list) {
        List<Param> result = new ArrayList<>();
        for (JsonNode p : list) {
            result.add(new Param(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
                    p.path("schema")));
        }
        return result;
    }
}
