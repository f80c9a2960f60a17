package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.text.Normalizer;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
class ProblemResponsesTest {
    static final String PROBLEM = "application/problem+json";

    private static io.restassured.specification.RequestSpecification staff() {
        return given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON);
    }

    @Test
    void invalidFieldsAreListedOneByOne() {
        staff().body("{\"code\":\"\"}").post("/api/v1/notes")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://sct.binhduong.gov.vn/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("code", "text"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        staff().body("{\"code\": \"a\", ").post("/api/v1/notes")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://sct.binhduong.gov.vn/problems/malformed-body"));
    }

    @Test
    void wrongTypeAndUnknownFieldsNameTheField() {
        staff().body("{\"text\":\"a\",\"version\":\"abc\"}").put("/api/v1/notes/x")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("version"));
        staff().body("{\"code\":\"a\",\"text\":\"b\",\"colour\":\"red\"}").post("/api/v1/notes")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("colour"));
    }

    @Test
    void missingRecordAndUnknownPathAreNotFoundProblems() {
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/notes/does-not-exist")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://sct.binhduong.gov.vn/problems/not-found"))
                .body("detail", containsString("does-not-exist"));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void duplicateKeyIsAConflictThatKeepsTheFirstRecord() {
        String code = "dup-" + UUID.randomUUID();
        staff().body("{\"code\":\"" + code + "\",\"text\":\"first\"}").post("/api/v1/notes").then().statusCode(201);
        staff().body("{\"code\":\"" + code + "\",\"text\":\"second\"}").post("/api/v1/notes")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://sct.binhduong.gov.vn/problems/duplicate"))
                .body("constraint", equalTo("note_code_unique"));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/notes/" + code)
                .then().statusCode(200).body("text", equalTo("first"));
    }

    @Test
    void staleVersionIsAConflict() {
        String code = "v-" + UUID.randomUUID();
        staff().body("{\"code\":\"" + code + "\",\"text\":\"a\"}").post("/api/v1/notes").then().statusCode(201);
        staff().body("{\"text\":\"b\",\"version\":0}").put("/api/v1/notes/" + code).then().statusCode(200)
                .body("version", equalTo(1));
        staff().body("{\"text\":\"c\",\"version\":0}").put("/api/v1/notes/" + code)
                .then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/notes/" + code).then().body("text", equalTo("b"));
    }

    @Test
    void unexpectedErrorsCarryAnIdAndNoStackTrace() {
        staff().body("{\"code\":\"boom-" + UUID.randomUUID() + "\",\"text\":\"x\"}").post("/api/v1/notes?fail=true")
                .then().statusCode(500).contentType(PROBLEM)
                .body("errorId", notNullValue())
                .body(not(containsString("at vn.binhduong")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void pageSizeIsBounded() {
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/notes?size=1000")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
    }

    @Test
    void tokensAndRolesAreEnforced() {
        given().contentType(ContentType.JSON).body("{\"code\":\"a\",\"text\":\"b\"}").post("/api/v1/notes")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).contentType(ContentType.JSON)
                .body("{\"code\":\"a\",\"text\":\"b\"}").post("/api/v1/notes")
                .then().statusCode(403);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void textIsStoredAndSearchedInNfc() {
        String code = "nfc-" + UUID.randomUUID();
        String composed = "Chi bộ Sở Công Thương";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        staff().body("{\"code\":\"" + code + "\",\"text\":\"" + decomposed + "\"}").post("/api/v1/notes")
                .then().statusCode(201).body("text", equalTo(composed));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("text", decomposed).get("/api/v1/notes")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].code", equalTo(code));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        String code = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = staff().header("Idempotency-Key", key).body("{\"code\":\"" + code + "\",\"text\":\"a\"}")
                .post("/api/v1/notes").then().statusCode(201).extract().asString();
        staff().header("Idempotency-Key", key).body("{\"code\":\"" + code + "\",\"text\":\"a\"}")
                .post("/api/v1/notes").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body(equalTo(first));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("text", "a").get("/api/v1/notes")
                .then().statusCode(200);
    }
}
