package vn.binhduong.sct.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.binhduong.sct.indicator.Api.STAFF;
import static vn.binhduong.sct.indicator.Api.VIEWER;
import static vn.binhduong.sct.indicator.Api.get;
import static vn.binhduong.sct.indicator.Api.indicator;
import static vn.binhduong.sct.indicator.Api.unique;
import static vn.binhduong.sct.indicator.Api.value;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** ETags and If-Match on versioned records; keyset pages (after=) on the values list and the audit trail. */
@QuarkusTest
class HttpSemanticsTest {
    private static String body(String code, String name, Integer version) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"unit\":\"COUNT\""
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    @Test
    void indicatorUpdateTakesIfMatchAndAStaleOneIs412() {
        String code = unique("ETAG");
        indicator(code, "COUNT", "ONE", null);
        String etag = given().auth().oauth2(VIEWER).get("/api/v1/indicators/" + code).then().statusCode(200)
                .header("ETag", "\"0\"").extract().header("ETag");
        given().auth().oauth2(VIEWER).header("If-None-Match", etag).get("/api/v1/indicators/" + code).then().statusCode(304);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", etag).body(body(code, "Một", null))
                .put("/api/v1/indicators/" + code).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", etag).body(body(code, "Hai", null))
                .put("/api/v1/indicators/" + code).then().statusCode(412).contentType("application/problem+json")
                .body("type", containsString("precondition-failed")).body("currentVersion", equalTo(1));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", "W/\"1\"").body(body(code, "Hai", null))
                .put("/api/v1/indicators/" + code).then().statusCode(412);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", "1").body(body(code, "Hai", null))
                .put("/api/v1/indicators/" + code).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body(code, "Hai", 0))
                .put("/api/v1/indicators/" + code).then().statusCode(409);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body(code, "Hai", null))
                .put("/api/v1/indicators/" + code).then().statusCode(400);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", "\"7\", \"1\"").body(body(code, "Hai", 1))
                .put("/api/v1/indicators/" + code).then().statusCode(200).header("ETag", "\"2\"");
        get(VIEWER, "/api/v1/indicators/" + code).body("name", equalTo("Hai"));
    }

    @Test
    void valueAndTargetWritesTakeIfMatchAndGetsOfValuesAndApprovalsCarryTheETag() {
        String org = Api.org();
        String code = unique("ETV");
        indicator(code, "COUNT", "ONE", null);
        String id = value(code, org, "2021", "5", null).statusCode(201).header("ETag", "\"0\"").extract().path("id");
        given().auth().oauth2(VIEWER).get("/api/v1/values/" + id).then().statusCode(200).header("ETag", "\"0\"");
        String json = "{\"indicator\":\"" + code + "\",\"organization\":\"" + org + "\",\"period\":\"2021\",\"kind\":\"ACTUAL\",\"value\":6}";
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(json)
                .post("/api/v1/values").then().statusCode(412).body("currentVersion", equalTo(0));
        get(VIEWER, "/api/v1/values/" + id).body("value", equalTo(5));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(json)
                .post("/api/v1/values").then().statusCode(200).header("ETag", "\"1\"").body("value", equalTo(6));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", "*").body(json.replace("2021\"", "2022\""))
                .post("/api/v1/values").then().statusCode(412);

        String target = "{\"indicator\":\"" + code + "\",\"organization\":\"" + org + "\",\"period\":\"2021\",\"targetValue\":";
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(target + "10}").post("/api/v1/targets").then()
                .statusCode(201).header("ETag", "\"0\"");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(target + "11}")
                .post("/api/v1/targets").then().statusCode(412);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(target + "11}")
                .post("/api/v1/targets").then().statusCode(200).header("ETag", "\"1\"");
        given().auth().oauth2(VIEWER).get("/api/v1/approvals/" + org + "/2021").then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void valuesListPagesByCursorWithoutGapsOrRepeatsAndCountsOnlyWhenAsked() {
        String org = Api.org();
        String a = unique("KSA");
        String b = unique("KSB");
        indicator(a, "COUNT", "ONE", null);
        indicator(b, "COUNT", "ONE", null);
        for (int m = 1; m <= 12; m++) {
            value(a, org, String.format("2021-%02d", m), String.valueOf(m), null).statusCode(201);
            value(b, org, String.format("2021-%02d", m), String.valueOf(100 + m), null).statusCode(201);
        }
        value(a, org, "2021", "78", null).statusCode(201);
        JsonPath all = get(VIEWER, "/api/v1/values?size=100&organization=" + org).statusCode(200).extract().jsonPath();
        assertEquals(25, all.getList("items").size());
        assertNull(all.get("total"), "no count unless asked");
        assertNull(all.get("next"));
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = get(VIEWER, "/api/v1/values?size=7&organization=" + org + (after == null ? "" : "&after=" + after))
                    .statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            after = page.getString("next");
            pages++;
        } while (after != null);
        assertEquals(4, pages);
        assertEquals(all.getList("items.id"), seen, "the cursor walk gives the whole list in the same order");
        assertEquals("2021-01", all.getString("items[0].period"), "ordered by period start, then the shorter period");
        assertEquals("2021", all.getString("items[2].period"), "the year after the two Januaries");
        assertEquals(all.getList("items.id").subList(14, 21),
                get(VIEWER, "/api/v1/values?size=7&page=2&organization=" + org).extract().jsonPath().getList("items.id"),
                "page= still works in the same order");
        get(VIEWER, "/api/v1/values?size=7&total=true&organization=" + org).body("total", equalTo(25));
        get(VIEWER, "/api/v1/values?after=bm90LWEtY3Vyc29y").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));

        JsonPath agg = get(VIEWER, "/api/v1/values?aggregate=true&size=5&organization=" + org).extract().jsonPath();
        assertEquals(25 + 4 + 4 + 1, agg.getInt("total"), "4 quarters of each, and b's year");
        String next = agg.getString("next");
        assertNotNull(next);
        JsonPath agg2 = get(VIEWER, "/api/v1/values?aggregate=true&size=5&organization=" + org + "&after=" + next).extract().jsonPath();
        assertEquals(get(VIEWER, "/api/v1/values?aggregate=true&size=5&page=1&organization=" + org).extract().jsonPath()
                .getList("items.period"), agg2.getList("items.period"));
    }

    @Test
    void auditTrailPagesByCursor() {
        String org = Api.org();
        String a = unique("AUD");
        indicator(a, "COUNT", "ONE", null);
        for (int i = 1; i <= 5; i++) {
            value(a, org, "2021", String.valueOf(i), null).statusCode(i == 1 ? 201 : 200);
        }
        String admin = TestTokens.as(Roles.ADMIN);
        JsonPath first = get(admin, "/api/v1/audit-entries?size=2&total=true&organization=" + org).statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(5)).extract().jsonPath();
        JsonPath second = get(admin, "/api/v1/audit-entries?size=2&organization=" + org + "&after=" + first.getString("next"))
                .body("items", hasSize(2)).body("total", nullValue()).extract().jsonPath();
        JsonPath third = get(admin, "/api/v1/audit-entries?size=2&organization=" + org + "&after=" + second.getString("next"))
                .body("items", hasSize(1)).body("next", nullValue()).body("items[0].action", equalTo("VALUE_CREATED"))
                .extract().jsonPath();
        assertEquals("VALUE_REVISED", first.getString("items[0].action"));
        assertEquals(third.getList("items").size(), 1);
    }

    @Test
    void targetsPageByCursorAndSetsAndRulesCarryTheirETag() {
        String org = Api.org();
        String a = unique("TGA");
        indicator(a, "COUNT", "ONE", null);
        for (int y = 2015; y <= 2021; y++) {
            given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"indicator\":\"" + a + "\",\"organization\":\""
                    + org + "\",\"period\":\"" + y + "\",\"targetValue\":" + y + "}").post("/api/v1/targets").then().statusCode(201);
        }
        List<Object> years = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = get(VIEWER, "/api/v1/targets?size=3&organization=" + org + (after == null ? "" : "&after=" + after))
                    .statusCode(200).body("total", nullValue()).extract().jsonPath();
            years.addAll(page.getList("items.period"));
            after = page.getString("next");
        } while (after != null);
        assertEquals(List.of("2015", "2016", "2017", "2018", "2019", "2020", "2021"), years);
        get(VIEWER, "/api/v1/targets?total=true&organization=" + org).body("total", equalTo(7));

        String set = unique("SET");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"code\":\"" + set + "\",\"name\":\"Bộ\",\"indicators\":[\""
                + a + "\"]}").post("/api/v1/indicator-sets").then().statusCode(201);
        given().auth().oauth2(VIEWER).get("/api/v1/indicator-sets/" + set).then().statusCode(200).header("ETag", "\"0\"");
        given().auth().oauth2(VIEWER).header("If-None-Match", "\"0\"").get("/api/v1/indicator-sets/" + set).then().statusCode(304);
        String rule = unique("RULE");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"code\":\"" + rule + "\",\"name\":\"R\",\"left\":\"" + a
                + "\",\"operator\":\">=\",\"right\":\"0\",\"importance\":\"LOW\",\"message\":\"m\"}")
                .post("/api/v1/validation-rules").then().statusCode(201);
        given().auth().oauth2(VIEWER).get("/api/v1/validation-rules/" + rule).then().statusCode(200).header("ETag", "\"0\"");
    }
}
