package vn.binhduong.sct.covid;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document names the problem answers of each operation. */
@QuarkusTest
class OpenApiErrorsTest {
    @Test
    void errorResponsesAreDocumentedAsProblems() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        JsonNode paths = doc.get("paths");
        JsonNode list = paths.get("/api/v1/permits").get("get").get("responses");
        for (String code : new String[] { "400", "401", "403" }) {
            assertTrue(list.has(code), "listPermits documents " + code);
            assertEquals("#/components/schemas/Problem",
                    list.get(code).get("content").get("application/problem+json").get("schema").get("$ref").asText());
        }
        JsonNode verify = paths.get("/api/v1/permits/verify").get("get").get("responses");
        assertFalse(verify.has("401"), "the public verification needs no token");
        JsonNode upload = paths.get("/api/v1/test-results/uploads").get("post").get("responses");
        assertTrue(upload.has("413") && upload.has("422") && upload.has("403"));
        JsonNode retire = paths.get("/api/v1/permits/signing-keys/{kid}/retirement").get("post").get("responses");
        assertTrue(retire.has("404") && retire.has("409"));
        assertTrue(doc.get("components").get("schemas").has("Problem"));
    }
}
