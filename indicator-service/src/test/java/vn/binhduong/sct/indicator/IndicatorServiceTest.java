package vn.binhduong.sct.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhduong.sct.indicator.Api.COMMITTEE;
import static vn.binhduong.sct.indicator.Api.STAFF;
import static vn.binhduong.sct.indicator.Api.VIEWER;
import static vn.binhduong.sct.indicator.Api.get;
import static vn.binhduong.sct.indicator.Api.indicator;
import static vn.binhduong.sct.indicator.Api.post;
import static vn.binhduong.sct.indicator.Api.unique;
import static vn.binhduong.sct.indicator.Api.value;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfra.class, restrictToAnnotatedClass = false)
class IndicatorServiceTest {
    private static final String TOPIC = "sct.indicator.events";

    @Test
    void definingAnIndicatorPublishesOneEventAndRefusesADuplicate() {
        String code = unique("PCT");
        String body = "{\"code\":\"" + code + "\",\"name\":\"Tỷ lệ\",\"unit\":\"PERCENT\"}";
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(TestTokens.as(Roles.ADMIN), "/api/v1/indicators", body).statusCode(201).body("code", equalTo(code))
                    .body("derived", equalTo(false)).body("displayUnit", equalTo("%"));
            List<EventEnvelope> events = probe.await(e -> e.type().equals("indicator.defined")
                    && e.payload().get("code").asText().equals(code), 1, java.time.Duration.ofSeconds(20));
            assertEquals(1, events.size());
        }
        post(STAFF, "/api/v1/indicators", body).statusCode(409).contentType("application/problem+json");
        get(VIEWER, "/api/v1/indicators/" + code).statusCode(200);
        post(VIEWER, "/api/v1/indicators", body.replace(code, code + "X")).statusCode(403);
        post(STAFF, "/api/v1/indicators", body.replace("PERCENT", "LITRES").replace(code, code + "Y")).statusCode(400);
    }

    @Test
    void growthTargetNotMetWhenGrowthFallsShortAndMetWhenItExceeds() {
        String org = Api.org();
        String iip = unique("IIP");
        String export = unique("EXP");
        indicator(iip, "INDEX", "ONE", null);
        indicator(export, "USD", "BILLION", null);
        post(STAFF, "/api/v1/targets", "{\"indicator\":\"" + iip + "\",\"organization\":\"" + org
                + "\",\"period\":\"2021\",\"targetGrowth\":9.2,\"planDocument\":\"KH 2021\"}").statusCode(201);
        post(STAFF, "/api/v1/targets", "{\"indicator\":\"" + export + "\",\"organization\":\"" + org
                + "\",\"period\":\"2021\",\"targetGrowth\":12}").statusCode(201);
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            value(iip, org, "2021", null, "4.51").statusCode(201)
                    .body("growth", equalTo(4.51f)).body("growthBasis", equalTo("PUBLISHED"))
                    .body("achievement.met", equalTo(false)).body("achievement.basis", equalTo("GROWTH"))
                    .body("achievement.variance", equalTo(-4.69f))
                    .body("achievement.summary", equalTo("tăng 4,51% so với kế hoạch tăng 9,2%: chưa đạt kế hoạch"));
            value(export, org, "2021", "31500000000", "13.5").statusCode(201)
                    .body("achievement.met", equalTo(true)).body("achievement.variance", equalTo(1.5f))
                    .body("displayText", equalTo("31,5 tỷ USD"));
            EventEnvelope e = probe.await(ev -> ev.type().equals("indicator-value.recorded")
                    && ev.payload().get("indicatorCode").asText().equals(export), 1, java.time.Duration.ofSeconds(20)).get(0);
            assertEquals(org, e.organization());
            assertEquals(0, new java.math.BigDecimal("13.5").compareTo(e.payload().get("growth").decimalValue()));
            assertEquals("ESTIMATE", e.payload().get("kind").asText());
            assertEquals("2021", e.payload().get("period").asText());
            assertEquals("BILLION", e.payload().get("scale").asText());
            assertTrue(e.payload().get("achievement").get("met").asBoolean());
        }
    }

    @Test
    void valueTargetAchievementIsThePercentOfPlanAndGrowthIsComputedWhenTheBaseIsStored() {
        String org = Api.org();
        String code = unique("BOTT");
        indicator(code, "VND", "BILLION", null);
        post(STAFF, "/api/v1/targets", "{\"indicator\":\"" + code + "\",\"organization\":\"" + org
                + "\",\"period\":\"2021\",\"targetValue\":1711100000000}").statusCode(201);
        value(code, org, "2020", "1500000000000", null).statusCode(201);
        value(code, org, "2021", "1730900000000", "99").statusCode(201)
                .body("achievement.achievementPercent", equalTo(101.16f)).body("achievement.met", equalTo(true))
                .body("achievement.summary", containsString("vượt 1,16%"))
                .body("growthBasis", equalTo("COMPUTED")).body("growth", equalTo(15.39f));
        value(code, org, "2021", "1700000000000", null).statusCode(200).body("achievement.met", equalTo(false))
                .body("outcome", equalTo("UPDATED")).body("revision", equalTo(2));
    }

    @Test
    void derivedValueIsComputedFromItsInputsRecomputedWhenAnInputIsRevisedAndNeverTyped() {
        String org = Api.org();
        String ex = unique("EX");
        String im = unique("IM");
        String surplus = unique("SURPLUS");
        indicator(ex, "USD", "BILLION", null);
        indicator(im, "USD", "BILLION", null);
        indicator(surplus, "USD", "BILLION", ex + " - " + im);
        get(VIEWER, "/api/v1/indicators/" + surplus).body("derived", equalTo(true)).body("inputs", equalTo(List.of(ex, im)));
        value(ex, org, "2021", "31500000000", null).statusCode(201);
        value(im, org, "2021", "24690000000", null).statusCode(201);
        JsonPath first = get(VIEWER, "/api/v1/values?total=true&organization=" + org + "&indicator=" + surplus).statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath();
        assertEquals(6.81, first.getDouble("items[0].displayValue"), 1e-9);
        assertEquals(24690000000.0, first.getDouble("items[0].inputs." + im), 1);
        assertTrue(first.getBoolean("items[0].derived"));
        value(im, org, "2021", "25000000000", null).statusCode(200);
        JsonPath revised = get(VIEWER, "/api/v1/values?total=true&organization=" + org + "&indicator=" + surplus).extract().jsonPath();
        assertEquals(6.5, revised.getDouble("items[0].displayValue"), 1e-9);
        assertEquals(2, revised.getInt("items[0].revision"));
        get(VIEWER, "/api/v1/values/" + revised.getString("items[0].id") + "/revisions").statusCode(200)
                .body("size()", equalTo(2));
        value(surplus, org, "2021", "1", null).statusCode(422).body("type", containsString("derived-indicator"));
    }

    @Test
    void formulaThatDoesNotParseNamesUnknownIndicatorsOrMakesACycleIsRefused() {
        String a = unique("A");
        String b = unique("B");
        indicator(a, "COUNT", "ONE", null);
        post(STAFF, "/api/v1/indicators", "{\"code\":\"" + b + "\",\"name\":\"B\",\"unit\":\"COUNT\",\"formula\":\"" + a
                + " + * 2\"}").statusCode(400).body("detail", containsString("position"));
        post(STAFF, "/api/v1/indicators", "{\"code\":\"" + b + "\",\"name\":\"B\",\"unit\":\"COUNT\",\"formula\":\"" + a
                + " + NO_SUCH_CODE\"}").statusCode(422).body("type", containsString("unknown-input"));
        post(STAFF, "/api/v1/indicators", "{\"code\":\"" + b + "\",\"name\":\"B\",\"unit\":\"COUNT\",\"formula\":\"" + b
                + " + 1\"}").statusCode(422).body("type", containsString("formula-cycle"));
        indicator(b, "COUNT", "ONE", a + " * 2");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"code\":\"" + a + "\",\"name\":\"A\",\"unit\":\"COUNT\",\"formula\":\"" + b + " / 2\",\"version\":0}")
                .put("/api/v1/indicators/" + a).then().statusCode(422).body("type", containsString("formula-cycle"))
                .body("cycle", equalTo(List.of(a, b, a)));
    }

    private static String rule(String code, String left, String right, String importance) {
        return "{\"code\":\"" + code + "\",\"name\":\"Tổng bằng các phần\",\"left\":\"" + left + "\",\"operator\":\"=\","
                + "\"right\":\"" + right + "\",\"importance\":\"" + importance + "\",\"message\":\"Tổng {left} khác tổng các phần {right}\"}";
    }

    @Test
    void highViolationBlocksSubmissionUnlessOverriddenAndIsStoredQueryableByPeriodAndRule() {
        String org = Api.org();
        String total = unique("TOTAL");
        String p1 = unique("P1");
        String p2 = unique("P2");
        String ruleCode = unique("RULE");
        indicator(total, "COUNT", "ONE", null);
        indicator(p1, "COUNT", "ONE", null);
        indicator(p2, "COUNT", "ONE", null);
        post(STAFF, "/api/v1/validation-rules", rule(ruleCode, total, p1 + " + " + p2, "HIGH")).statusCode(201);
        value(total, org, "2021", "107", null);
        value(p1, org, "2021", "75", null);
        value(p2, org, "2021", "24", null);
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(STAFF, "/api/v1/approvals/" + org + "/2021/submit", "{}").statusCode(422)
                    .body("type", containsString("blocking-violations"))
                    .body("violations[0].rule", equalTo(ruleCode)).body("violations[0].left", equalTo(107))
                    .body("violations[0].right", equalTo(99));
            EventEnvelope e = probe.await(ev -> ev.type().equals("validation.violation-found")
                    && ev.payload().get("ruleCode").asText().equals(ruleCode), 1, java.time.Duration.ofSeconds(20)).get(0);
            assertEquals(107, e.payload().get("leftValue").asInt());
            assertEquals("Tổng 107 khác tổng các phần 99", e.payload().get("message").asText());
        }
        get(VIEWER, "/api/v1/approvals/" + org + "/2021").body("state", equalTo("DRAFT"));
        get(VIEWER, "/api/v1/violations?period=2021&rule=" + ruleCode).statusCode(200).body("total", equalTo(1))
                .body("items[0].organization", equalTo(org)).body("items[0].importance", equalTo("HIGH"));
        post(STAFF, "/api/v1/approvals/" + org + "/2021/submit", "{\"overrideReason\":\"Số liệu theo báo cáo đã ban hành\"}")
                .statusCode(200).body("state", equalTo("SUBMITTED")).body("locked", equalTo(true));
        value(p2, org, "2021", "32", null).statusCode(409);
    }

    @Test
    void approvedPeriodRefusesEditsUntilUnapprovedWithAReasonAndTheAuditTrailShowsIt() {
        String org = Api.org();
        String code = unique("CNT");
        indicator(code, "COUNT", "ONE", null);
        value(code, org, "2021", "5", null).statusCode(201);
        post(STAFF, "/api/v1/approvals/" + org + "/2021/approve", "{}").statusCode(403);
        post(COMMITTEE, "/api/v1/approvals/" + org + "/2021/approve", "{}").statusCode(409)
                .body("type", containsString("invalid-transition"));
        post(STAFF, "/api/v1/approvals/" + org + "/2021/submit", "{}").statusCode(200);
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(COMMITTEE, "/api/v1/approvals/" + org + "/2021/approve", "{}").statusCode(200)
                    .body("state", equalTo("APPROVED"));
            EventEnvelope e = probe.await(ev -> ev.type().equals("indicator-period.approved")
                    && ev.organization().equals(org), 1, java.time.Duration.ofSeconds(20)).get(0);
            assertEquals(5, e.payload().get("values").get(0).get("value").asInt());
        }
        value(code, org, "2021", "6", null).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("period-locked"));
        value(code, org, "2021-12", "6", null).statusCode(409).body("lockedBy", equalTo("2021"));
        value(code, org, "2022", "6", null).statusCode(201);
        post(COMMITTEE, "/api/v1/approvals/" + org + "/2021/unapprove", "{}").statusCode(400);
        post(COMMITTEE, "/api/v1/approvals/" + org + "/2021/unapprove", "{\"reason\":\"Cục Thống kê điều chỉnh số liệu\"}")
                .statusCode(200).body("state", equalTo("DRAFT"));
        value(code, org, "2021", "6", null).statusCode(200).body("revision", equalTo(2));
        get(STAFF, "/api/v1/audit-entries?organization=" + org + "&period=2021").statusCode(200)
                .body("items.action", hasItem("PERIOD_DRAFT"))
                .body("items.reason", hasItem("Cục Thống kê điều chỉnh số liệu"))
                .body("items.action", hasItem("VALUE_REVISED"));
    }

    @Test
    void importDryRunStoresNothingAndTheRealImportIsIdempotent() {
        String org = Api.org();
        String a = unique("IMPA");
        String b = unique("IMPB");
        String d = unique("IMPD");
        indicator(a, "COUNT", "ONE", null);
        indicator(b, "VND", "BILLION", null);
        indicator(d, "COUNT", "ONE", a + " + 1");
        String csv = "indicator,organization,period,kind,value,growth,unit,source,note\n"
                + a + "," + org + ",2021,ACTUAL,107,,COUNT,\"Báo cáo, mục III\",\n"
                + b + "," + org + ",2021Q4,ESTIMATE,231578000000000,3.4,,,\n"
                + d + "," + org + ",2021,ACTUAL,5,,,,\n"
                + a + "," + org + ",2021Q5,ACTUAL,1,,,,\n"
                + b + "," + org + ",2021-12,ACTUAL,1,,USD,,\n";
        given().auth().oauth2(STAFF).contentType("text/csv").body(csv).post("/api/v1/value-imports?dryRun=true").then()
                .statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(2))
                .body("rejected", equalTo(3)).body("details[2].reason", containsString("derived"))
                .body("details[3].reason", containsString("2021Q5")).body("details[4].reason", containsString("USD"));
        get(VIEWER, "/api/v1/values?total=true&organization=" + org).body("total", equalTo(0));
        given().auth().oauth2(STAFF).contentType("text/csv").body(csv).post("/api/v1/value-imports").then()
                .statusCode(200).body("created", equalTo(2)).body("rejected", equalTo(3));
        get(VIEWER, "/api/v1/values?total=true&organization=" + org).body("total", equalTo(3)); // a, b and the derived d
        given().auth().oauth2(STAFF).contentType("text/csv").body(csv).post("/api/v1/value-imports").then()
                .statusCode(200).body("created", equalTo(0)).body("ignored", equalTo(2)).body("updated", equalTo(0));
        post(STAFF, "/api/v1/value-imports?dryRun=true", "{\"rows\":[{\"indicator\":\"" + a + "\",\"organization\":\""
                + org + "\",\"period\":\"2021\",\"kind\":\"FINAL\",\"value\":108}]}").statusCode(200)
                .body("updated", equalTo(1));
        get(VIEWER, "/api/v1/values?organization=" + org + "&indicator=" + a).body("items[0].value", equalTo(107))
                .body("items[0].kind", equalTo("ACTUAL"));
    }

    @Test
    void valuesNeedAValidPeriodAndAConsistentUnit() {
        String code = unique("U");
        indicator(code, "USD", "BILLION", null);
        value(code, "ORG", "2021-13", "1", null).statusCode(400).body("detail", containsString("2021-12"));
        post(STAFF, "/api/v1/values", "{\"indicator\":\"" + code + "\",\"organization\":\"ORG\",\"period\":\"2021\","
                + "\"kind\":\"ESTIMATE\",\"value\":1,\"unit\":\"VND\"}").statusCode(422).body("type", containsString("unit-mismatch"));
        value(code, "ORG", "2021", null, null).statusCode(400);
        get(VIEWER, "/api/v1/values?from=2021Q5").statusCode(400);
        assertFalse(code.isEmpty());
        get(VIEWER, "/api/v1/approvals/ORG/2021").body("overrideReason", nullValue());
    }
}
