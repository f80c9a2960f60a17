package vn.binhduong.sct.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.binhduong.sct.indicator.Api.STAFF;
import static vn.binhduong.sct.indicator.Api.VIEWER;
import static vn.binhduong.sct.indicator.Api.get;
import static vn.binhduong.sct.indicator.Api.indicator;
import static vn.binhduong.sct.indicator.Api.post;
import static vn.binhduong.sct.indicator.Api.unique;
import static vn.binhduong.sct.indicator.Api.value;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/**
 * DHIS2 dataValueSets exchange, in the shape of DHIS2's Web API: {"dataValues":[{"dataElement","period","orgUnit",
 * "value"}]}, periods 2021 / 2021Q4 / 202112, answered with DHIS2's import summary.
 */
@QuarkusTest
class Dhis2Test {
    private static final String INTEGRATION = TestTokens.as(Roles.INTEGRATION);

    private static JsonPath export(String query) {
        return get(VIEWER, "/api/v1/dhis2/dataValueSets?" + query).statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse importSet(String query, String json) {
        return given().auth().oauth2(INTEGRATION).contentType("application/json").body(json)
                .post("/api/v1/dhis2/dataValueSets" + query).then();
    }

    @Test
    void exportWithTheConfiguredUidsImportsIntoAFreshOrganisationWithIdenticalValues() {
        // the mapping of %test.sct.dhis2: DHIS2_EXP -> fbfJHSPpUQD, DHIS2_IMP -> cYeuwXTCPkU, D2-A -> ImspTQPwCqd, D2-B -> O6uvpzGd5pu
        indicator("DHIS2_EXP", "USD", "BILLION", null);
        indicator("DHIS2_IMP", "USD", "BILLION", null);
        String unmapped = unique("UNMAPPED");
        indicator(unmapped, "COUNT", "ONE", null);
        value("DHIS2_EXP", "D2-A", "2021-12", "2800000000", null).statusCode(201);
        value("DHIS2_EXP", "D2-A", "2021Q4", "8100000000.5", null).statusCode(201);
        value("DHIS2_EXP", "D2-A", "2021", "31500000000", "13.5").statusCode(201);
        value("DHIS2_IMP", "D2-A", "2021", "24690000000", null).statusCode(201);
        value("DHIS2_IMP", "D2-A", "2020", null, "12").statusCode(201); // growth only: no DHIS2 data value
        value(unmapped, "D2-A", "2021", "7", null).statusCode(201);

        JsonPath set = export("organization=D2-A");
        List<Map<String, Object>> values = set.getList("dataValues");
        assertEquals(4, values.size(), "the two mapped indicators' values that have a value: " + values);
        Map<String, Object> month = values.stream().filter(v -> v.get("period").equals("202112")).findFirst().orElseThrow();
        assertEquals("fbfJHSPpUQD", month.get("dataElement"));
        assertEquals("ImspTQPwCqd", month.get("orgUnit"));
        assertEquals("2800000000", month.get("value"));
        assertEquals(List.of("2021", "2021", "2021Q4", "202112"), set.getList("dataValues.period"), "keyset order: period start");

        String body = set.prettify().replace("ImspTQPwCqd", "O6uvpzGd5pu");
        importSet("", body).statusCode(200).body("responseType", equalTo("ImportSummary"))
                .body("status", equalTo("SUCCESS")).body("importCount.imported", equalTo(4))
                .body("importCount.updated", equalTo(0)).body("importCount.ignored", equalTo(0))
                .body("conflicts", hasSize(0));
        JsonPath copy = export("organization=D2-B");
        assertEquals(set.getList("dataValues.value"), copy.getList("dataValues.value"));
        assertEquals(set.getList("dataValues.period"), copy.getList("dataValues.period"));
        assertEquals(set.getList("dataValues.dataElement"), copy.getList("dataValues.dataElement"));
        assertEquals(List.of("O6uvpzGd5pu"), copy.getList("dataValues.orgUnit").stream().distinct().toList());
        get(VIEWER, "/api/v1/values?organization=D2-B&indicator=DHIS2_EXP&periodType=MONTH").statusCode(200)
                .body("items[0].period", equalTo("2021-12")).body("items[0].kind", equalTo("ACTUAL"))
                .body("items[0].value", equalTo(2800000000L));
        importSet("", body).statusCode(200).body("status", equalTo("SUCCESS"))
                .body("importCount.imported", equalTo(0)).body("importCount.ignored", equalTo(4));
    }

    @Test
    void eachValueNotImportedIsAConflictWithItsIndexAsInDhis2sImportSummary() {
        String org = Api.org();
        String locked = Api.org();
        String a = unique("D2C");
        indicator(a, "COUNT", "ONE", null);
        value(a, locked, "2021", "1", null).statusCode(201);
        post(STAFF, "/api/v1/approvals/" + locked + "/2021/submit", "{}").statusCode(200);
        String json = "{\"dataValues\":["
                + "{\"dataElement\":\"" + a + "\",\"period\":\"202103\",\"orgUnit\":\"" + org + "\",\"value\":\"12\"},"
                + "{\"dataElement\":\"NO_SUCH\",\"period\":\"202103\",\"orgUnit\":\"" + org + "\",\"value\":\"1\"},"
                + "{\"dataElement\":\"" + a + "\",\"period\":\"2021-03\",\"orgUnit\":\"" + org + "\",\"value\":\"1\"},"
                + "{\"dataElement\":\"" + a + "\",\"period\":\"202104\",\"orgUnit\":\"NOWHERE\",\"value\":\"1\"},"
                + "{\"dataElement\":\"" + a + "\",\"period\":\"202105\",\"orgUnit\":\"" + org + "\",\"value\":\"abc\"},"
                + "{\"dataElement\":\"" + a + "\",\"period\":\"202112\",\"orgUnit\":\"" + locked + "\",\"value\":\"3\"},"
                + "{\"dataElement\":\"" + a + "\",\"period\":\"202106\",\"orgUnit\":\"" + org + "\",\"value\":\"1.5\"}"
                + "]}";
        importSet("?idScheme=CODE&dryRun=true", json).statusCode(200).body("importCount.imported", equalTo(1))
                .body("importOptions.dryRun", equalTo(true));
        get(VIEWER, "/api/v1/values?organization=" + org).body("items", hasSize(0));
        importSet("?idScheme=CODE", json).statusCode(200).body("status", equalTo("WARNING"))
                .body("importCount.imported", equalTo(1)).body("importCount.ignored", equalTo(6))
                .body("conflicts.indexes", equalTo(List.of(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5), List.of(6))))
                .body("conflicts[0].object", equalTo("NO_SUCH")).body("conflicts[0].property", equalTo("dataElement"))
                .body("conflicts[1].object", equalTo("2021-03")).body("conflicts[1].property", equalTo("period"))
                .body("conflicts[2].object", equalTo("NOWHERE")).body("conflicts[2].property", equalTo("orgUnit"))
                .body("conflicts[3].property", equalTo("value"))
                .body("conflicts[4].value", containsString("locked"))
                .body("conflicts[5].value", containsString("whole number"));
        get(VIEWER, "/api/v1/values?organization=" + org).body("items", hasSize(1)).body("items[0].period", equalTo("2021-03"))
                .body("items[0].value", equalTo(12));
        importSet("", "{\"dataValues\":[{\"dataElement\":\"" + a + "\",\"period\":\"202103\",\"orgUnit\":\"" + org
                + "\",\"value\":\"12\"}]}").statusCode(200).body("status", equalTo("ERROR"))
                .body("conflicts[0].property", equalTo("dataElement"));
        importSet("?idScheme=NAME", json).statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(VIEWER).contentType("application/json").body(json).post("/api/v1/dhis2/dataValueSets").then()
                .statusCode(403);
    }
}
