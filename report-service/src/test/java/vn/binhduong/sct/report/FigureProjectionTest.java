package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
class FigureProjectionTest {

    private static JsonPath figures(String org, int year) {
        return given().auth().oauth2(TestTokens.as(Roles.VIEWER))
                .queryParam("organization", org).queryParam("year", year).queryParam("size", 500)
                .get("/api/v1/figures").then().statusCode(200).extract().jsonPath();
    }

    private static String formatted(JsonPath p, String key) {
        return p.getString("items.find { it.key == '" + key + "' }.formatted");
    }

    @Test
    void testSessionsSumIntoRecordedTestsAndTheRateIsComputedFromTheReportedTotalsBesideTheStatedOne() {
        String org = "T-COV-" + System.nanoTime();
        EventEnvelope second;
        try (Events events = new Events()) {
            events.publish(Events.COVID, "test-session.recorded", "covid-ops-service", org, "s-1", Map.of(
                    "sessionId", "s-1", "date", "2021-11-30", "testsPerformed", 69000, "positives", 390));
            second = events.publish(Events.COVID, "test-session.recorded", "covid-ops-service", org, "s-2", Map.of(
                    "sessionId", "s-2", "date", "2021-12-04", "testsPerformed", 180, "positives", 2));
            // the same event delivered twice is applied once
            events.send(Events.COVID, second);
            events.publish(Events.COVID, "testing-total.reported", "covid-ops-service", org, "total", Map.of(
                    "asOf", "2021-12-04", "testsPerformed", 69180, "positives", 392, "statedRatePercent", 0.47));
        }
        Events.awaitCaughtUp();
        JsonPath p = figures(org, 2021);
        assertEquals("69.180", formatted(p, "covid.tests.recorded"));
        assertEquals("392", formatted(p, "covid.tests.recorded-positive"));
        assertEquals("69.180", formatted(p, "covid.tests.cumulative"));
        assertEquals("392", formatted(p, "covid.tests.positive"));
        assertEquals("0,57%", formatted(p, "covid.tests.positive-rate"));
        assertEquals("0,47%", formatted(p, "covid.tests.positive-rate.stated"));
        assertEquals("2021-12-04",
                p.getString("items.find { it.key == 'covid.tests.cumulative' }.asOf"));
        assertEquals("test-session.recorded",
                p.getString("items.find { it.key == 'covid.tests.recorded' }.eventType"));
        assertEquals("2021-12-04", p.getString("items.find { it.key == 'covid.tests.recorded' }.asOf"));
    }

    @Test
    void membersAndRatingsGiveCountsAtYearEndAndTheQuotaShare() {
        String org = "T-MEM-" + System.nanoTime();
        try (Events events = new Events()) {
            for (int i = 0; i < 10; i++) {
                String id = "m" + i + "-" + org;
                events.publish(Events.MEMBER, "member.registered", "member-service", org, id, Map.of("memberId", id,
                        "organization", org, "status", "OFFICIAL", "admissionDate", "2010-05-0" + (i % 9 + 1),
                        "effectiveDate", "2021-01-05", "religious", i == 0));
                events.publish(Events.MEMBER, "evaluation.member-rated", "member-service", org, id, Map.of(
                        "organization", org, "year", 2021, "memberId", id, "rating", i < 2 ? "EXCELLENT" : "GOOD"));
            }
            String p1 = "p-" + org;
            events.publish(Events.MEMBER, "member.admitted", "member-service", org, p1, Map.of("memberId", p1,
                    "organization", org, "status", "PROBATIONARY", "admissionDate", "2021-03-01", "effectiveDate", "2021-03-01"));
            String p2 = "q-" + org;
            events.publish(Events.MEMBER, "member.admitted", "member-service", org, p2, Map.of("memberId", p2,
                    "organization", org, "status", "PROBATIONARY", "admissionDate", "2020-06-01", "effectiveDate", "2020-06-01"));
            events.publish(Events.MEMBER, "member.confirmed", "member-service", org, p2, Map.of("memberId", p2,
                    "organization", org, "status", "OFFICIAL", "effectiveDate", "2021-06-01"));
            // re-rated: the GOOD count must drop back
            events.publish(Events.MEMBER, "evaluation.member-rated", "member-service", org, "m9-" + org, Map.of(
                    "organization", org, "year", 2021, "memberId", "m9-" + org, "rating", "COMPLETED"));
        }
        Events.awaitCaughtUp();
        JsonPath p = figures(org, 2021);
        assertEquals("12", formatted(p, "member.count.total"));
        assertEquals("01", formatted(p, "member.count.probationary"));
        assertEquals("01", formatted(p, "member.count.religious"));
        assertEquals("01", formatted(p, "member.confirmed.count"));
        assertEquals("02", formatted(p, "evaluation.members.excellent"));
        assertEquals("07", formatted(p, "evaluation.members.good"));
        assertEquals("01", formatted(p, "evaluation.members.completed"));
        assertEquals("09", formatted(p, "evaluation.members.good-or-better"));
        assertEquals("22,22%", formatted(p, "evaluation.members.excellent-share"));
        // at the end of 2020 the second probationary member was a member, still on probation
        JsonPath y2020 = figures(org, 2020);
        assertEquals("11", formatted(y2020, "member.count.total"));
        assertEquals("01", formatted(y2020, "member.count.probationary"));
    }

    @Test
    void indicatorValuesAndTargetsBecomeGrowthAndPlanFigures() {
        String org = "T-IND-" + System.nanoTime();
        try (Events events = new Events()) {
            events.publish(Events.INDICATOR, "indicator-value.recorded", "indicator-service", org, "RETAIL-2021", Map.of(
                    "indicatorCode", "RETAIL", "indicatorName", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                    "organization", org, "period", "2021", "periodType", "YEAR", "value", 231578000000000L, "unit", "VND",
                    "growth", 3.4, "targetGrowth", 16));
            events.publish(Events.INDICATOR, "indicator-value.recorded", "indicator-service", org, "RETAIL-2021Q4", Map.of(
                    "indicatorCode", "RETAIL", "organization", org, "period", "2021Q4", "periodType", "QUARTER",
                    "value", 1L, "unit", "VND"));
            events.publish(Events.INDICATOR, "indicator-target.set", "indicator-service", org, "EXPORT-2022", Map.of(
                    "indicatorCode", "EXPORT", "organization", org, "period", "2022", "targetGrowth", 14.5, "unit", "USD"));
        }
        Events.awaitCaughtUp();
        JsonPath p = figures(org, 2021);
        assertEquals("231.578 tỷ đồng", formatted(p, "indicator.RETAIL.value"));
        assertEquals("3,4%", formatted(p, "indicator.RETAIL.growth"));
        assertEquals("16%", formatted(p, "indicator.RETAIL.plan-growth"));
        assertEquals("14,5%", formatted(figures(org, 2022), "indicator.EXPORT.plan-growth"));
    }

    @Test
    void figuresNeedAReadingRole() {
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).get("/api/v1/figures").then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("size", 0).get("/api/v1/figures").then().statusCode(400);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("organization", "NOBODY").get("/api/v1/figures")
                .then().statusCode(200).body("total", equalTo(0)).body("items", equalTo(List.of()));
    }
}
