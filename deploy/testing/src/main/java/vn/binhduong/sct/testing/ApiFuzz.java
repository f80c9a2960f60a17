package vn.binhduong.sct.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.binhduong.sct.platform.security.Roles;

/**
 * Sends bad input through every operation of the service under test, read from its OpenAPI document: odd path and
 * query values (NUL, encoded {@code %}, invalid UTF-8, overflowing numbers, impossible dates, very long text),
 * malformed, wrongly typed, deeply nested and huge JSON bodies, odd Unicode (NUL, lone surrogates), garbage uploads and
 * forged tokens. Every answer must be below 500, and every error an {@code application/problem+json} body. Calls are
 * made as admin, so each reaches as deep into the service as a caller can.
 *
 * <p>Use from a {@code @QuarkusTest}: {@code ApiFuzz.run()}; it throws listing each failing request, and prints the count.
 */
public final class ApiFuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG = "x".repeat(5000);

    /** Raw path segments (already percent-encoded where it matters). */
    static final List<String> BAD_PATH_VALUES = List.of("%00", "a%00b", "%25zz", "%25zz;x=1", "a%0Ab", "%ED%A0%80",
            "%C3%28", "99999999999999999999", "-1", "..%2F..%2Fetc", "%F0%9F%98%80", LONG, "%20", "'%3B--");
    /** Query values, sent as they are (RestAssured does not encode them again: urlEncodingEnabled off). */
    static final List<String> BAD_QUERY_VALUES = List.of("abc", "%00", "a%00b", "99999999999999999999", "1e308",
            "2021-13-45", "99999-01-01", "-1", "%25zz", "%ED%A0%80", LONG, "", "2021-02-30", "not-a-uuid", "%0A%0D");
    static final List<String> BAD_BODIES = List.of("{", "[]", "null", "\"x\"", "123", "{\"a\":}", "{\"a\":1,}",
            "[".repeat(10_000) + "]".repeat(10_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
            "\u0000", "{\"\u0000\":1}");

    private ApiFuzz() {
    }

    public static void run() {
        OpenApiOperations api = OpenApiOperations.ofRunningService();
        String admin = TestTokens.as(Roles.ADMIN);
        List<String> failures = new ArrayList<>();
        int[] count = {0};
        RestAssuredConfig raw = RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        for (OpenApiOperations.Operation op : api.operations()) {
            String method = op.method().toUpperCase(java.util.Locale.ROOT);
            // path parameters, one at a time
            for (OpenApiOperations.Param p : op.params()) {
                if (!p.in().equals("path")) {
                    continue;
                }
                for (String bad : BAD_PATH_VALUES) {
                    String path = op.pathWith(q -> q == p ? bad : api.sample(q));
                    check(failures, count, op, "path " + p.name() + "=" + shorten(bad),
                            base(raw, admin, op, api, null).urlEncodingEnabled(false).request(method, path));
                }
            }
            // query parameters, one at a time
            for (OpenApiOperations.Param p : op.params()) {
                if (!p.in().equals("query")) {
                    continue;
                }
                for (String bad : BAD_QUERY_VALUES) {
                    RequestSpecification req = base(raw, admin, op, api, p.name()).urlEncodingEnabled(false)
                            .queryParam(p.name(), bad);
                    check(failures, count, op, "query " + p.name() + "=" + shorten(bad),
                            req.request(method, op.pathWith(api::sample)));
                }
            }
            // bodies
            if (op.bodyType() != null) {
                for (String body : bodies(op, api)) {
                    RequestSpecification req = base(raw, admin, op, api, null).contentType(op.bodyType())
                            .body(body.getBytes(StandardCharsets.UTF_8));
                    check(failures, count, op, "body " + shorten(body), req.request(method, op.pathWith(api::sample)));
                }
                byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
                check(failures, count, op, "body with invalid UTF-8", base(raw, admin, op, api, null)
                        .contentType(op.bodyType()).body(invalidUtf8).request(method, op.pathWith(api::sample)));
            }
            // forged tokens
            if (op.secured()) {
                for (String token : forgedTokens()) {
                    Response r = given().config(raw).header("Authorization", "Bearer " + token)
                            .request(method, op.pathWith(api::sample));
                    count[0]++;
                    if (r.statusCode() != 401) {
                        failures.add(op + " with a forged token: " + r.statusCode() + " (expected 401)");
                    }
                }
            }
        }
        System.out.printf("ApiFuzz: %d operations, %d requests, %d failures%n", api.operations().size(), count[0],
                failures.size());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " bad answers to bad input (" + count[0] + " requests):\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(200, failures.size()))));
        }
        if (count[0] == 0) {
            throw new AssertionError("the fuzz made no request");
        }
    }

    private static RequestSpecification base(RestAssuredConfig raw, String token, OpenApiOperations.Operation op,
            OpenApiOperations api, String skipQuery) {
        RequestSpecification req = given().config(raw).redirects().follow(false).auth().oauth2(token);
        for (OpenApiOperations.Param p : op.params()) {
            if (p.in().equals("query") && p.required() && !p.name().equals(skipQuery)) {
                req = req.queryParam(p.name(), api.sample(p));
            }
        }
        return req;
    }

    private static void check(List<String> failures, int[] count, OpenApiOperations.Operation op, String what, Response r) {
        count[0]++;
        int status = r.statusCode();
        String type = r.contentType() == null ? "" : r.contentType();
        if (status >= 500) {
            failures.add(op + " " + what + ": " + status + " " + shorten(r.asString()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(op + " " + what + ": " + status + " with content type '" + type + "', not a problem");
        } else if (status >= 400 && leaksInternals(r.asString())) {
            failures.add(op + " " + what + ": " + status + " detail quotes library internals: " + shorten(r.asString()));
        }
    }

    /** Class names and configuration hints of libraries are noise to a client and a map to an attacker. */
    static boolean leaksInternals(String body) {
        return body.contains("com.fasterxml") || body.contains("StreamReadConstraints") || body.contains("org.hibernate")
                || body.contains("java.lang.") || body.contains("org.postgresql") || body.contains("\tat ");
    }

    private static List<String> bodies(OpenApiOperations.Operation op, OpenApiOperations api) {
        List<String> result = new ArrayList<>();
        if (!op.bodyType().contains("json")) {
            result.add("a,b,c\n\u0000,\"unterminated\n" + "y".repeat(200_000));
            result.add("\uFEFF\uFEFF" + "z".repeat(100) + "\n,,,,,,,,,,\n");
            return result;
        }
        result.addAll(BAD_BODIES);
        result.add("\"" + "y".repeat(2_000_000) + "\"");
        JsonNode schema = api.resolve(op.bodySchema());
        JsonNode props = schema.path("properties");
        if (schema.path("type").asText("").equals("array")) {
            props = api.resolve(schema.path("items")).path("properties");
        }
        if (props.isObject() && props.size() > 0) {
            for (String variant : List.of("wrong-type", "nul", "surrogate", "huge", "dates", "numbers")) {
                ObjectNode body = JSON.createObjectNode();
                Iterator<Map.Entry<String, JsonNode>> it = props.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode ps = api.resolve(e.getValue());
                    String type = ps.path("type").asText("string");
                    String format = ps.path("format").asText("");
                    switch (variant) {
                        case "wrong-type" -> {
                            if (type.equals("string")) {
                                body.put(e.getKey(), 12345);
                            } else if (type.equals("integer") || type.equals("number")) {
                                body.put(e.getKey(), "not a number");
                            } else if (type.equals("array")) {
                                body.putObject(e.getKey()).put("x", 1);
                            } else if (type.equals("boolean")) {
                                body.put(e.getKey(), "maybe");
                            } else {
                                body.putArray(e.getKey()).add(1);
                            }
                        }
                        case "nul" -> body.put(e.getKey(), type.equals("string") ? "a\u0000b" : "\u0000");
                        case "surrogate" -> body.put(e.getKey(), "x\ud800y");
                        case "huge" -> body.put(e.getKey(), type.equals("string") ? "w".repeat(100_000)
                                : type.equals("integer") ? "99999999999999999999999" : "1e308");
                        case "dates" -> body.put(e.getKey(), format.startsWith("date") ? "99999-12-31"
                                : type.equals("string") ? "2021-02-30" : "0");
                        default -> {
                            if (type.equals("integer") || type.equals("number")) {
                                body.putRawValue(e.getKey(), new com.fasterxml.jackson.databind.util.RawValue("99999999999999999999999"));
                            } else {
                                body.put(e.getKey(), "-1");
                            }
                        }
                    }
                }
                result.add(serialize(body, variant));
            }
        }
        return result;
    }

    private static String serialize(ObjectNode body, String variant) {
        try {
            String s = JSON.writeValueAsString(body);
            // Jackson writes a lone surrogate as a replacement; put the escaped surrogate back as a client could send it.
            return variant.equals("surrogate") ? s.replace("x\\uFFFDy", "x\\ud800y").replace("x\uFFFDy", "x\\ud800y")
                    .replace("x?y", "x\\ud800y") : s;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> forgedTokens() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://sct.binhduong.gov.vn/local\",\"sub\":\"x\","
                + "\"groups\":[\"admin\"],\"exp\":9999999999}").getBytes(StandardCharsets.UTF_8));
        String valid = TestTokens.as(Roles.ADMIN);
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + claims + "." + parts[2];
        return List.of(header + "." + claims + ".", "garbage", tampered, valid.substring(0, valid.length() - 4) + "AAAA");
    }

    private static String shorten(String s) {
        String flat = s.replace("\n", "\\n").replace("\u0000", "\\0");
        return flat.length() > 120 ? flat.substring(0, 120) + "…(" + s.length() + " chars)" : flat;
    }

    /** For reports: the bad inputs by kind. */
    public static Map<String, Integer> inputKinds() {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        kinds.put("path", BAD_PATH_VALUES.size());
        kinds.put("query", BAD_QUERY_VALUES.size());
        kinds.put("body", BAD_BODIES.size() + 7);
        return kinds;
    }
}
