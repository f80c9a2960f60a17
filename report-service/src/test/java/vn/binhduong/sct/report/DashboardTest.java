package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** The dashboard tiles of an organisation whose events carry a small year: every value read from the figures. */
@QuarkusTest
class DashboardTest {
    static final String ORG = "T-DASH-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    static boolean published;

    /** Once per class, after Quarkus has started. */
    @BeforeEach
    void publishTheYear() {
        if (published) {
            return;
        }
        published = true;
        try (Events e = new Events()) {
            e.publish(Events.MEMBER, "party-organization.registered", "member-service", ORG, ORG, Map.of("code", ORG,
                    "name", "Đảng bộ thử nghiệm", "superiorBody", "Đảng bộ khối"));
            for (int c = 1; c <= 2; c++) {
                e.publish(Events.MEMBER, "party-cell.registered", "member-service", ORG, ORG + "-CB" + c, Map.of(
                        "organization", ORG, "cellCode", "CB" + c, "cellName", "Chi bộ " + c));
                e.publish(Events.MEMBER, "evaluation.cell-rated", "member-service", ORG, ORG + "-CB" + c, Map.of(
                        "organization", ORG, "year", 2021, "cellCode", "CB" + c, "cellName", "Chi bộ " + c,
                        "rating", c == 1 ? "EXCELLENT" : "GOOD"));
            }
            // 10 members: one admitted in 2021 (probationary), two confirmed in 2021; 3 rated excellent, 7 good (30% > 20%)
            for (int i = 0; i < 10; i++) {
                String id = ORG + "-m" + i;
                Map<String, Object> p = new HashMap<>(Map.of("memberId", id, "organization", ORG, "cellCode", "CB" + (i % 2 + 1),
                        "status", i == 9 ? "PROBATIONARY" : "OFFICIAL", "admissionDate", i == 9 ? "2021-06-01" : "2012-03-05",
                        "effectiveDate", "2021-01-04"));
                if (i < 2) {
                    p.put("admissionDate", "2020-03-10");
                    p.put("confirmationDate", "2021-03-10");
                }
                e.publish(Events.MEMBER, "member.registered", "member-service", ORG, id, p);
                e.publish(Events.MEMBER, "evaluation.member-rated", "member-service", ORG, id, Map.of("organization", ORG,
                        "year", 2021, "memberId", id, "rating", i < 3 ? "EXCELLENT" : "GOOD"));
            }
            // the year's rule as member-service finalises it: 20% of 10 rated good or better is at most 2 excellent
            e.publish(Events.MEMBER, "evaluation.year-finalized", "member-service", ORG, ORG + "-2021", Map.of(
                    "organization", ORG, "year", 2021, "ruleSet", "HD21_2019", "maxExcellent", 2));
            // a programme of two items: one concluded, one postponed
            inspectionItem(e, "inspection-item.planned", 0, "PLANNED", 0);
            inspectionItem(e, "inspection-item.planned", 1, "PLANNED", 0);
            Events.sleep(5);
            inspectionItem(e, "inspection-item.concluded", 0, "CONCLUDED", 1);
            Events.sleep(5);
            inspectionItem(e, "inspection-item.postponed", 1, "POSTPONED", 1);
            // COVID: 5 positives in 1.000 tests is 0,5%, the source states 0,4% (an annex row)
            e.publish(Events.COVID, "testing-total.reported", "covid-ops-service", ORG, ORG + "-tests", Map.of(
                    "asOf", "2021-12-04", "testsPerformed", 1000, "positives", 5, "statedRatePercent", 0.4));
            e.publish(Events.COVID, "vaccination.recorded", "covid-ops-service", ORG, ORG + "-vac", Map.of(
                    "recordId", ORG + "-vac", "date", "2021-12-04", "doses", 300));
            e.publish(Events.COVID, "permit-total.reported", "covid-ops-service", ORG, ORG + "-permits", Map.of(
                    "asOf", "2021-12-04", "total", 30, "byKind", Map.of("DELIVERY_WORKER", 20, "IMPORT_EXPORT_STAFF", 10),
                    "notSplitByKind", 0));
            // indicators: IIP growth against planned growth (not met), exports value against planned value (met)
            e.publish(Events.INDICATOR, "indicator-value.recorded", "indicator-service", ORG, "IIP-2021", Map.of(
                    "indicatorCode", "IIP", "indicatorName", "Chỉ số sản xuất công nghiệp (IIP)", "organization", ORG,
                    "period", "2021", "periodType", "YEAR", "unit", "index", "growth", 4.51, "targetGrowth", 9.2));
            e.publish(Events.INDICATOR, "indicator-value.recorded", "indicator-service", ORG, "IIP-2020", Map.of(
                    "indicatorCode", "IIP", "organization", ORG, "period", "2020", "periodType", "YEAR", "growth", 8.02));
            e.publish(Events.INDICATOR, "indicator-value.recorded", "indicator-service", ORG, "EXPORT-2021", Map.of(
                    "indicatorCode", "EXPORT", "indicatorName", "Kim ngạch xuất khẩu", "organization", ORG, "period", "2021",
                    "periodType", "YEAR", "unit", "USD", "value", 31500000000L, "targetValue", 30000000000L));
        }
        Events.awaitCaughtUp();
    }

    private static void inspectionItem(Events e, String type, int i, String status, int concluded) {
        Map<String, Object> p = new HashMap<>();
        p.put("itemId", ORG + "-item-" + i);
        p.put("programmeId", ORG + "-prog");
        p.put("documentNumber", "06-CTr/ĐUSCT");
        p.put("bodyCode", "BTV-" + ORG);
        p.put("bodyName", "Ban Thường vụ Đảng ủy");
        p.put("organization", ORG);
        p.put("year", 2021);
        p.put("kind", "INSPECTION");
        p.put("mode", "REGULAR");
        p.put("targetType", "CELL");
        p.put("targetRef", "CB" + (i + 1));
        p.put("targetCellCode", "CB" + (i + 1));
        p.put("targetName", "Chi bộ " + (i + 1));
        p.put("status", status);
        p.put("programmeItemsPlanned", 2);
        p.put("programmeItemsConcluded", concluded);
        e.publish(Events.INSPECTION, type, "inspection-service", ORG, ORG + "-item-" + i, p);
    }

    private static JsonPath dashboard(String role) {
        String body = given().auth().oauth2(TestTokens.as(role)).get("/api/v1/dashboards/" + ORG + "/2021")
                .then().statusCode(200).extract().asString();
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String tile(String group, String code) {
        return "groups.find { it.code == '" + group + "' }.tiles.find { it.code == '" + code + "' }";
    }

    private static void assertNumber(String expected, Object actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())), "expected " + expected + ", was " + actual);
    }

    @Test
    void membershipTilesCountTheRollAndTheYearsAdmissionsAndConfirmations() {
        JsonPath d = dashboard(Roles.VIEWER);
        assertEquals(List.of("membership", "evaluation", "party-inspection", "covid", "indicators", "data-quality"),
                d.getList("groups.code"));
        String total = tile("membership", "membership.total");
        assertNumber("10", d.get(total + ".value"));
        assertEquals("10", d.getString(total + ".text"));
        assertEquals("member.count.total", d.getString(total + ".key"));
        assertEquals("count", d.getString(total + ".unit"));
        assertEquals("01", d.getString(tile("membership", "membership.probationary") + ".text"));
        assertEquals("member.count.probationary", d.getString(tile("membership", "membership.probationary") + ".key"));
        assertNumber("1", d.get(tile("membership", "membership.admitted") + ".value"));
        assertEquals("member.admitted.count", d.getString(tile("membership", "membership.admitted") + ".key"));
        assertNumber("2", d.get(tile("membership", "membership.confirmed") + ".value"));
        assertEquals("02", d.getString(tile("membership", "membership.confirmed") + ".text"));
        assertNumber("2", d.get(tile("membership", "membership.cells") + ".value"));
    }

    @Test
    void evaluationTilesShowTheDistributionAndTheExcellentShareOverTheQuota() {
        JsonPath d = dashboard(Roles.PARTY_COMMITTEE);
        assertNumber("3", d.get(tile("evaluation", "evaluation.members.excellent") + ".value"));
        assertEquals("03", d.getString(tile("evaluation", "evaluation.members.excellent") + ".text"));
        assertNumber("7", d.get(tile("evaluation", "evaluation.members.good") + ".value"));
        assertNumber("1", d.get(tile("evaluation", "evaluation.cells.excellent") + ".value"));
        assertNumber("1", d.get(tile("evaluation", "evaluation.cells.good") + ".value"));
        String share = tile("evaluation", "evaluation.members.excellent-share");
        assertNumber("30", d.get(share + ".value"));
        assertEquals("30%", d.getString(share + ".text"));
        assertNumber("20", d.get(share + ".target"));
        assertNumber("10", d.get(share + ".gap"));
        assertEquals(Boolean.FALSE, d.get(share + ".met"));
        assertEquals("Vượt chỉ tiêu không quá 20%, cao hơn 10 điểm phần trăm", d.getString(share + ".gapText"));
        assertEquals(List.of("evaluation.members.excellent", "evaluation.members.good-or-better"), d.getList(share + ".sources"));
    }

    @Test
    void inspectionTilesShowPlanCompletionAndNameThePostponedItem() {
        JsonPath d = dashboard(Roles.ADMIN);
        String rate = tile("party-inspection", "party-inspection.plan.completion-rate");
        assertNumber("50", d.get(rate + ".value"));
        assertEquals("50%", d.getString(rate + ".text"));
        assertEquals(Boolean.FALSE, d.get(rate + ".met"));
        assertNumber("2", d.get(tile("party-inspection", "party-inspection.plan.items") + ".value"));
        assertNumber("1", d.get(tile("party-inspection", "party-inspection.plan.items.completed") + ".value"));
        String postponed = tile("party-inspection", "party-inspection.items.postponed");
        assertNumber("1", d.get(postponed + ".value"));
        assertEquals(List.of("Chi bộ 2"), d.getList(postponed + ".items"));
    }

    @Test
    void covidTilesShowTestsTheComputedPositiveRateVaccinationAndPermitsByKind() {
        JsonPath d = dashboard(Roles.VIEWER);
        assertEquals("1.000", d.getString(tile("covid", "covid.tests.cumulative") + ".text"));
        assertEquals("2021-12-04", d.getString(tile("covid", "covid.tests.cumulative") + ".asOf"));
        String rate = tile("covid", "covid.tests.positive-rate");
        assertNumber("0.5", d.get(rate + ".value"));
        assertEquals("0,5%", d.getString(rate + ".text"));
        assertEquals("percent", d.getString(rate + ".unit"));
        assertEquals("300", d.getString(tile("covid", "covid.vaccination.doses") + ".text"));
        assertNumber("30", d.get(tile("covid", "covid.permits.issued") + ".value"));
        assertNumber("20", d.get(tile("covid", "covid.permits.by-kind.delivery-worker") + ".value"));
        assertEquals("Giấy xác nhận nhân viên giao hàng (shipper)",
                d.getString(tile("covid", "covid.permits.by-kind.delivery-worker") + ".label"));
        assertNumber("10", d.get(tile("covid", "covid.permits.by-kind.import-export-staff") + ".value"));
        assertTrue(d.getList("groups.find { it.code == 'covid' }.tiles.code").stream().noneMatch(c -> c.toString().contains("oxygen")),
                "no oxygen tile without oxygen figures");
    }

    @Test
    void indicatorTilesSayWhetherThePlanIsMetAndByHowMuch() {
        JsonPath d = dashboard(Roles.VIEWER);
        assertEquals(List.of("indicator.IIP", "indicator.EXPORT"), d.getList("groups.find { it.code == 'indicators' }.tiles.code"));
        String iip = tile("indicators", "indicator.IIP");
        assertEquals("indicator.IIP.growth", d.getString(iip + ".key"));
        assertNumber("4.51", d.get(iip + ".value"));
        assertEquals("tăng 4,51%", d.getString(iip + ".text"));
        assertNumber("9.2", d.get(iip + ".target"));
        assertNumber("-4.69", d.get(iip + ".gap"));
        assertEquals(Boolean.FALSE, d.get(iip + ".met"));
        assertEquals("Chưa đạt kế hoạch, thấp hơn 4,69 điểm phần trăm", d.getString(iip + ".gapText"));
        String export = tile("indicators", "indicator.EXPORT");
        assertEquals("indicator.EXPORT.value", d.getString(export + ".key"));
        assertEquals("31,5 tỷ USD", d.getString(export + ".text"));
        assertEquals("30 tỷ USD", d.getString(export + ".targetText"));
        assertNumber("1500000000", d.get(export + ".gap"));
        assertEquals(Boolean.TRUE, d.get(export + ".met"));
        assertEquals("USD", d.getString(export + ".unit"));
    }

    @Test
    void dataQualityTileCountsTheAnnexRows() {
        JsonPath d = dashboard(Roles.VIEWER);
        String findings = tile("data-quality", "data-quality.findings");
        assertNumber("2", d.get(findings + ".value"));
        assertEquals("02", d.getString(findings + ".text"));
        List<Object> items = d.getList(findings + ".items");
        assertTrue(items.contains("Số liệu nêu so với số liệu tính: covid.tests.positive-rate"), items.toString());
        assertTrue(items.stream().anyMatch(i -> i.toString().startsWith("Số đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá số tối đa theo quy định của năm")),
                items.toString());
    }

    @Test
    void seriesGivesOnePointPerYearWithGapsAsNull() {
        String body = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("key", "indicator.IIP.growth")
                .queryParam("from", 2019).queryParam("to", 2021).get("/api/v1/dashboards/" + ORG + "/series")
                .then().statusCode(200).extract().asString();
        JsonPath s = JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals("percent", s.getString("unit"));
        assertEquals(List.of(2019, 2020, 2021), s.getList("points.year", Integer.class));
        assertNull(s.get("points[0].value"));
        assertNumber("8.02", s.get("points[1].value"));
        assertEquals("8,02%", s.getString("points[1].text"));
        assertNumber("4.51", s.get("points[2].value"));
        // without bounds: the years the figure exists in
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).queryParam("key", "indicator.IIP.growth")
                .get("/api/v1/dashboards/" + ORG + "/series").then().statusCode(200)
                .body("from", equalTo(2020)).body("to", equalTo(2021)).body("points.text", equalTo(List.of("8,02%", "4,51%")));
    }

    @Test
    void openApiDocumentsBothDashboardEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/dashboards/{organization}/{year}'.get.summary", equalTo("The dashboard of one organisation and year"))
                .body("paths.'/api/v1/dashboards/{organization}/series'.get.summary", equalTo("One figure across years, for a chart"));
    }

    @Test
    void refusesBadRangesUnknownOrganisationsYearsWithoutFiguresAndOtherRoles() {
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("key", "indicator.IIP.growth").queryParam("from", 2022)
                .queryParam("to", 2021).get("/api/v1/dashboards/" + ORG + "/series").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("key", "indicator.IIP.growth").queryParam("from", 2000)
                .queryParam("to", 2100).get("/api/v1/dashboards/" + ORG + "/series").then().statusCode(400);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("from", 2020)
                .get("/api/v1/dashboards/" + ORG + "/series").then().statusCode(400);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("key", "indicator.IIP.growth")
                .get("/api/v1/dashboards/NO-SUCH-ORG/series").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/dashboards/NO-SUCH-ORG/2021").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/dashboards/" + ORG + "/2005").then().statusCode(404);
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).get("/api/v1/dashboards/" + ORG + "/2021").then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.CELL_SECRETARY)).queryParam("key", "member.count.total")
                .get("/api/v1/dashboards/" + ORG + "/series").then().statusCode(403);
    }
}
