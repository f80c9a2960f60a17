package vn.binhduong.sct.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Updates take the version read either in the body or as If-Match with the GET's strong ETag. */
@QuarkusTest
class IfMatchTest {
    static String staff() {
        return TestTokens.as(Roles.DEPARTMENT_STAFF);
    }

    String openInspection() {
        return given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("organization", "SCT", "issuer", "SCT",
                "decisionNumber", "IM-" + UUID.randomUUID(), "decisionDate", "2036-03-01", "year", 2036,
                "fields", List.of("GAS"), "title", "Thanh tra kinh doanh khí"))
                .post("/api/v1/state-inspections").then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
    }

    @Test
    void getReturnsTheVersionAsAStrongETagAndAnUpdateWithAStaleIfMatchIs412() {
        String id = openInspection();
        given().auth().oauth2(staff()).get("/api/v1/state-inspections/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0));
        Map<String, Object> conclusion = Map.of("concludedOn", "2036-04-01", "findings", "Không vi phạm");
        // stale, weak, and a list without ours: 412 problem, nothing changed
        for (String stale : List.of("\"1\"", "W/\"0\"", "\"5\", \"7\"")) {
            given().auth().oauth2(staff()).contentType(ContentType.JSON).header("If-Match", stale).body(conclusion)
                    .post("/api/v1/state-inspections/" + id + "/conclusion").then().statusCode(412)
                    .contentType("application/problem+json").body("type", equalTo("https://sct.binhduong.gov.vn/problems/precondition-failed"))
                    .body("currentETag", equalTo("\"0\""));
        }
        given().auth().oauth2(staff()).get("/api/v1/state-inspections/" + id).then().body("status", equalTo("OPEN"));
        // neither a body version nor If-Match: 400
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(conclusion)
                .post("/api/v1/state-inspections/" + id + "/conclusion").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("version"));
        // the current ETag alone is enough; the answer carries the new one
        given().auth().oauth2(staff()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(conclusion)
                .post("/api/v1/state-inspections/" + id + "/conclusion").then().statusCode(200)
                .body("status", equalTo("CONCLUDED")).header("ETag", "\"1\"");
        given().auth().oauth2(staff()).get("/api/v1/state-inspections/" + id).then().header("ETag", "\"1\"");
    }

    @Test
    void aBodyVersionStillWorksAndAStaleOneIsStill409() {
        String penalty = given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("organization", "SCT",
                "issuer", "SCT", "year", 2036, "offenderKind", "BUSINESS", "amountVnd", 2_000_000, "paid", false))
                .post("/api/v1/penalties").then().statusCode(201).extract().path("id");
        given().auth().oauth2(staff()).get("/api/v1/penalties/" + penalty).then().header("ETag", "\"0\"");
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("paidOn", "2036-05-01", "version", 3))
                .post("/api/v1/penalties/" + penalty + "/payment").then().statusCode(409)
                .body("type", equalTo("https://sct.binhduong.gov.vn/problems/stale-version"));
        // If-Match and body both current
        given().auth().oauth2(staff()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("paidOn", "2036-05-01", "version", 0))
                .post("/api/v1/penalties/" + penalty + "/payment").then().statusCode(200).body("paid", equalTo(true))
                .header("ETag", "\"1\"");
    }

    @Test
    void plannedWorkAndItemsHonourIfMatchToo() {
        String work = given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("organization", "SCT",
                "year", 2036, "category", "DRILL", "title", "Diễn tập PCCC")).post("/api/v1/planned-work").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(staff()).get("/api/v1/planned-work/" + work).then().statusCode(200).header("ETag", "\"0\"");
        given().auth().oauth2(staff()).contentType(ContentType.JSON).header("If-Match", "\"9\"")
                .body(Map.of("reason", "Dịch bệnh", "toYear", 2037))
                .post("/api/v1/planned-work/" + work + "/postponement").then().statusCode(412);
        given().auth().oauth2(staff()).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("reason", "Dịch bệnh", "toYear", 2037))
                .post("/api/v1/planned-work/" + work + "/postponement").then().statusCode(200).header("ETag", "\"1\"");
    }
}
