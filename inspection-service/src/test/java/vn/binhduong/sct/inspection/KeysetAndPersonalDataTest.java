package vn.binhduong.sct.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
class KeysetAndPersonalDataTest {
    static final int YEAR = 2038;
    static final List<String> ids = new ArrayList<>();

    static boolean created;

    /** Once per class, but after the application started (a static @BeforeAll runs before it). */
    @BeforeEach
    void sevenPenalties() {
        if (created) {
            return;
        }
        created = true;
        // decided on days 7, 6, …, 1 (and one without a date), recorded in that order
        for (int day = 7; day >= 0; day--) {
            Map<String, Object> p = new java.util.HashMap<>(Map.of("organization", "SCT", "issuer", "SCT", "year", YEAR,
                    "offenderKind", day % 2 == 0 ? "INDIVIDUAL" : "BUSINESS", "offenderName", "Người " + day,
                    "amountVnd", 1_000_000 + day, "paid", false));
            if (day > 0) {
                p.put("decidedOn", YEAR + "-01-0" + day);
            }
            ids.add(given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON).body(p)
                    .post("/api/v1/penalties").then().statusCode(201).extract().path("id"));
        }
    }

    static JsonPath page(String after, int size, boolean total) {
        var r = given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).queryParam("year", YEAR).queryParam("size", size);
        if (after != null) {
            r.queryParam("after", after);
        }
        if (total) {
            r.queryParam("total", true);
        }
        return r.get("/api/v1/penalties").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void cursorsWalkTheListInDecisionOrderWithoutRepeatsAndCountOnlyWhenAsked() {
        List<Integer> amounts = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath p = page(after, 3, false);
            assertNull(p.get("total"), "no count unless asked");
            amounts.addAll(p.getList("items.amountVnd", Integer.class));
            after = p.getString("next");
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        // undated first, then by decision date
        assertEquals(List.of(1_000_000, 1_000_001, 1_000_002, 1_000_003, 1_000_004, 1_000_005, 1_000_006, 1_000_007), amounts);
        assertEquals(8, page(null, 3, true).getInt("total"));
        // page 1 by offset and the page after the first page's cursor are the same page
        String next = page(null, 3, false).getString("next");
        assertEquals(page(next, 3, false).getList("items.id"), given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE))
                .queryParam("year", YEAR).queryParam("size", 3).queryParam("page", 1).get("/api/v1/penalties").then()
                .extract().jsonPath().getList("items.id"));
    }

    @Test
    void aCursorThatIsNotOursIsA400Problem() {
        for (String bad : List.of("zzz", "MQ", "%00")) {
            given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).queryParam("after", bad).get("/api/v1/penalties")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        String next = page(null, 3, false).getString("next");
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).queryParam("after", next).queryParam("page", 2)
                .get("/api/v1/penalties").then().statusCode(400).contentType("application/problem+json");
        // a penalty cursor handed to another list is refused too, not misread
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).queryParam("after", next).get("/api/v1/items")
                .then().statusCode(400);
    }

    @Test
    void namesOfPenalisedIndividualsOnlyForThoseWhoRecordOrReadEverything() {
        String individual = ids.get(1); // day 6
        String business = ids.get(0); // day 7
        for (String role : List.of(Roles.ADMIN, Roles.DEPARTMENT_STAFF, Roles.PARTY_COMMITTEE)) {
            given().auth().oauth2(TestTokens.as(role)).get("/api/v1/penalties/" + individual).then().statusCode(200)
                    .body("offenderName", equalTo("Người 6"));
        }
        given().auth().oauth2(TestTokens.as(Roles.INTEGRATION)).get("/api/v1/penalties/" + individual).then().statusCode(200)
                .body("offenderName", nullValue()).body("amountVnd", equalTo(1_000_006));
        given().auth().oauth2(TestTokens.as(Roles.INTEGRATION)).get("/api/v1/penalties/" + business).then()
                .body("offenderName", equalTo("Người 7"));
        given().auth().oauth2(TestTokens.as(Roles.INTEGRATION)).queryParam("year", YEAR).queryParam("offenderKind", "INDIVIDUAL")
                .queryParam("size", 50).get("/api/v1/penalties").then().statusCode(200)
                .body("items.size()", equalTo(4)).body("items.offenderName.findAll { it != null }", equalTo(List.of()));
        // the viewer sees the year's figures, not the decisions
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/penalties/" + individual).then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("year", YEAR).get("/api/v1/state-inspections/statistics")
                .then().statusCode(200).body("penalties", equalTo(8)).body("individualsPenalized", equalTo(4));

        String inspection = given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON)
                .body(Map.of("organization", "SCT", "issuer", "SCT", "year", YEAR, "fields", List.of("GAS"), "title", "Đoàn X"))
                .post("/api/v1/state-inspections").then().statusCode(201).extract().path("id");
        for (Map<String, String> s : List.of(Map.of("kind", "INDIVIDUAL", "name", "Lê Văn E"), Map.of("kind", "BUSINESS", "name", "Công ty F"))) {
            given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON).body(s)
                    .post("/api/v1/state-inspections/" + inspection + "/subjects").then().statusCode(201);
        }
        given().auth().oauth2(TestTokens.as(Roles.INTEGRATION)).get("/api/v1/state-inspections/" + inspection).then()
                .body("subjects.find { it.kind == 'INDIVIDUAL' }.name", nullValue())
                .body("subjects.find { it.kind == 'BUSINESS' }.name", equalTo("Công ty F"));
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).get("/api/v1/state-inspections/" + inspection).then()
                .body("subjects.find { it.kind == 'INDIVIDUAL' }.name", equalTo("Lê Văn E"));
    }
}
