package vn.binhduong.sct.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static vn.binhduong.sct.indicator.Api.COMMITTEE;
import static vn.binhduong.sct.indicator.Api.STAFF;
import static vn.binhduong.sct.indicator.Api.VIEWER;
import static vn.binhduong.sct.indicator.Api.get;
import static vn.binhduong.sct.indicator.Api.indicator;
import static vn.binhduong.sct.indicator.Api.post;
import static vn.binhduong.sct.indicator.Api.unique;
import static vn.binhduong.sct.indicator.Api.value;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Bad input is a 4xx problem naming each invalid field; writes for organisations that are not configured are 422. */
@QuarkusTest
class BadInputTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void emptyObjectsAreA400WithOneEntryPerMissingField() {
        post(STAFF, "/api/v1/value-imports", "{}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(java.util.List.of("rows")));
        post(STAFF, "/api/v1/value-imports", "{\"rows\":[null]}").statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1)).body("errors[0].field", startsWith("rows"));
        post(STAFF, "/api/v1/values", "{}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("indicator", "organization", "period", "kind"))
                .body("errors", hasSize(4));
        post(STAFF, "/api/v1/targets", "{}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("indicator", "organization", "period")).body("errors", hasSize(3));
        post(STAFF, "/api/v1/dhis2/dataValueSets", "{}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("dataValues"));
        given().auth().oauth2(STAFF).contentType("text/csv").body("").post("/api/v1/value-imports").then()
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void numbersTooLargeForTheColumnsAreRejectedRowsInCsvAndJsonAndA400ForOneValue() {
        String org = Api.org();
        String code = unique("BIG");
        indicator(code, "VND", "ONE", null);
        String csv = "indicator,organization,period,kind,value,growth\n"
                + code + "," + org + ",2021,ACTUAL,1e308,\n"
                + code + "," + org + ",2020,ACTUAL,5,9223372036854775808\n"
                + code + "," + org + ",2019,ACTUAL,2^63,\n"
                + code + "," + org + ",2018,ACTUAL,9223372036854775808,\n";
        given().auth().oauth2(STAFF).contentType("text/csv").body(csv).post("/api/v1/value-imports").then()
                .statusCode(200).body("rejected", equalTo(3)).body("created", equalTo(1))
                .body("details[0].line", equalTo(2)).body("details[0].reason", containsString("value: out of range"))
                .body("details[1].reason", containsString("growth: out of range"))
                .body("details[2].reason", containsString("not a number"))
                .body("details[3].outcome", equalTo("CREATED"));
        post(STAFF, "/api/v1/value-imports", "{\"rows\":[{\"indicator\":\"" + code + "\",\"organization\":\"" + org
                + "\",\"period\":\"2021\",\"kind\":\"ACTUAL\",\"value\":1e308}]}").statusCode(200)
                .body("rejected", equalTo(1)).body("details[0].reason", containsString("value: out of range"));
        value(code, org, "2021", "1e308", null).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("value"));
        value(code, org, "2021", "1", "1e12").statusCode(400).body("errors[0].field", equalTo("growth"));
        post(STAFF, "/api/v1/targets", "{\"indicator\":\"" + code + "\",\"organization\":\"" + org
                + "\",\"period\":\"2021\",\"targetValue\":1e40}").statusCode(400).body("errors[0].field", equalTo("targetValue"));
        value(code, org, "99999", "1", null).statusCode(400).body("errors[0].field", equalTo("period"));
        value(code, org, "2101", "1", null).statusCode(400).body("detail", containsString("1975..2100"));
        get(VIEWER, "/api/v1/values?total=true&organization=" + org + "&indicator=" + code).body("total", equalTo(1));
    }

    @Test
    void writesForAnOrganisationThatIsNotConfiguredAreRefusedWith422() {
        String code = unique("ORGCHK");
        indicator(code, "COUNT", "ONE", null);
        String nowhere = "NO-SUCH-ORG";
        value(code, nowhere, "2021", "1", null).statusCode(422).contentType(PROBLEM)
                .body("type", containsString("unknown-organization")).body("organization", equalTo(nowhere));
        post(STAFF, "/api/v1/targets", "{\"indicator\":\"" + code + "\",\"organization\":\"" + nowhere
                + "\",\"period\":\"2021\",\"targetValue\":5}").statusCode(422).body("type", containsString("unknown-organization"));
        post(STAFF, "/api/v1/approvals/" + nowhere + "/2021/submit", "{}").statusCode(422)
                .body("type", containsString("unknown-organization"));
        post(COMMITTEE, "/api/v1/approvals/" + nowhere + "/2021/approve", "{}").statusCode(422);
        post(STAFF, "/api/v1/validation-runs", "{\"organization\":\"" + nowhere + "\",\"period\":\"2021\"}").statusCode(422);
        post(STAFF, "/api/v1/value-imports", "{\"rows\":[{\"indicator\":\"" + code + "\",\"organization\":\"" + nowhere
                + "\",\"period\":\"2021\",\"kind\":\"ACTUAL\",\"value\":1}]}").statusCode(200).body("rejected", equalTo(1))
                .body("details[0].reason", containsString("not known"));
        get(VIEWER, "/api/v1/values?total=true&organization=" + nowhere).statusCode(200).body("total", equalTo(0));
        value(code, "SCT-BD", "1999", "1", null).statusCode(201);
    }
}
