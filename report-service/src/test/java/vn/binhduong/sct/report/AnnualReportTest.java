package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** The annual report of an organisation whose events carry the seed's 2021 figures. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnualReportTest {
    static final String ORG = "T-RPT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    static boolean published;

    /** Once per class, after Quarkus has started (a @BeforeAll would run before the app listens). */
    @BeforeEach
    void publishTheYear() {
        if (published) {
            return;
        }
        published = true;
        try (Events e = new Events()) {
            e.publish(Events.MEMBER, "party-organization.registered", "member-service", ORG, ORG, Map.of("code", ORG,
                    "name", "Đảng bộ Sở Công Thương", "superiorBody", "Đảng bộ khối các cơ quan và doanh nghiệp tỉnh"));
            for (int c = 1; c <= 4; c++) {
                e.publish(Events.MEMBER, "party-cell.registered", "member-service", ORG, ORG + "-CB" + c, Map.of(
                        "organization", ORG, "cellCode", "CB" + c, "cellName", "Chi bộ " + c));
                e.publish(Events.MEMBER, "evaluation.cell-rated", "member-service", ORG, ORG + "-CB" + c, Map.of(
                        "organization", ORG, "year", 2021, "cellCode", "CB" + c, "cellName", "Chi bộ " + c,
                        "rating", c == 2 ? "EXCELLENT" : "GOOD"));
            }
            int seat = 0;
            for (Object[] committee : new Object[][] { { "EXECUTIVE", 11 }, { "STANDING", 3 }, { "INSPECTION", 5 } }) {
                for (int i = 0; i < (int) committee[1]; i++) {
                    String id = ORG + "-seat-" + seat++;
                    e.publish(Events.MEMBER, "committee.seat-assigned", "member-service", ORG, id, Map.of("seatId", id,
                            "organization", ORG, "committeeKind", committee[0]));
                }
            }
            for (int i = 0; i < 60; i++) {
                String id = ORG + "-m" + i;
                boolean probationary = i == 59;
                Map<String, Object> p = new HashMap<>(Map.of("memberId", id, "organization", ORG, "cellCode", "CB" + (i % 4 + 1),
                        "status", probationary ? "PROBATIONARY" : "OFFICIAL", "religious", i == 7,
                        "admissionDate", probationary ? "2021-08-01" : "2012-03-0" + (i % 9 + 1), "effectiveDate", "2021-01-04"));
                if (i < 4) {
                    p.put("admissionDate", "2020-0" + (i + 1) + "-10");
                    p.put("confirmationDate", "2021-0" + (i + 1) + "-10");
                }
                e.publish(Events.MEMBER, "member.registered", "member-service", ORG, id, p);
                e.publish(Events.MEMBER, "evaluation.member-rated", "member-service", ORG, id, Map.of("organization", ORG,
                        "year", 2021, "memberId", id, "rating", i < 12 ? "EXCELLENT" : "GOOD"));
            }
            e.publish(Events.MEMBER, "evaluation.year-finalized", "member-service", ORG, ORG + "-2021", Map.of(
                    "organization", ORG, "year", 2021, "membersOnRoll", 60, "eligibleMembers", 60, "ratedMembers", 60,
                    "organizationRating", "EXCELLENT", "ruleSet", "HD21_2019", "maxExcellent", 12));
            e.publish(Events.COVID, "testing-total.reported", "covid-ops-service", ORG, ORG + "-tests", Map.of(
                    "asOf", "2021-12-04", "testsPerformed", 69180, "positives", 392, "statedRatePercent", 0.47));
            e.publish(Events.COVID, "vaccination.recorded", "covid-ops-service", ORG, ORG + "-vac", Map.of(
                    "recordId", ORG + "-vac", "date", "2021-12-04", "doses", 46446));
            e.publish(Events.COVID, "permit-total.reported", "covid-ops-service", ORG, ORG + "-permits", Map.of(
                    "asOf", "2021-12-04", "total", 1646, "byKind", Map.of("DELIVERY_WORKER", 1478, "IMPORT_EXPORT_STAFF", 158),
                    "notSplitByKind", 10));
            e.publish(Events.COVID, "retail-status.reported", "covid-ops-service", ORG, ORG + "-markets", Map.of(
                    "date", "2021-12-04", "category", "MARKET", "operating", 64, "total", 97));
            // four oxygen suppliers among other establishments (registered twice: counted once), and the coordination team
            for (String type : List.of("OXYGEN_SUPPLIER", "OXYGEN_SUPPLIER", "OXYGEN_SUPPLIER", "OXYGEN_SUPPLIER", "MARKET")) {
                String id = ORG + "-est-" + type + "-" + Math.abs(java.util.Objects.hash(type, System.nanoTime()));
                for (int twice = 0; twice < (type.equals("MARKET") ? 1 : 2); twice++) {
                    e.publish(Events.COVID, "establishment.registered", "covid-ops-service", ORG, id, Map.of(
                            "code", id, "name", "Công ty " + id, "type", type));
                }
            }
            e.publish(Events.COVID, "oxygen-coordination-team.registered", "covid-ops-service", ORG, ORG + "-oxy", Map.of(
                    "code", "TDP-OXY", "name", "Tổ điều phối Oxy", "decisionReference", "Quyết định số 2118/QĐ-SCT",
                    "decisionDate", "2021-09-04", "issuedBy", "UBND tỉnh"));
            e.publish(Events.COVID, "lockdown-support.recorded", "covid-ops-service", ORG, ORG + "-lockdown", Map.of(
                    "code", "KCDC-2021-08", "planReference", "Kế hoạch số 4134/KH-UBND", "districts", "Thuận An, Tân Uyên",
                    "wards", 11, "staffAssigned", 23, "workingGroups", 11, "startDate", "2021-08-22", "endDate", "2021-09-06"));
            Object[][] indicators = {
                    { "IIP", "Chỉ số sản xuất công nghiệp (IIP)", null, "INDEX", 4.51, 9.2, 8.02 },
                    { "RETAIL", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", 231578000000000L, "VND", 3.4, 16, 12.3 },
                    { "EXPORT", "Kim ngạch xuất khẩu", 31500000000L, "USD", 13.5, 12, 8.5 },
                    { "IMPORT", "Kim ngạch nhập khẩu", 24690000000L, "USD", 14.7, 13, 7.5 } };
            for (Object[] ind : indicators) {
                Map<String, Object> p = new HashMap<>(Map.of("indicatorCode", ind[0], "indicatorName", ind[1], "organization", ORG,
                        "period", "2021", "periodType", "YEAR", "unit", ind[3], "growth", ind[4], "targetGrowth", ind[5]));
                if (ind[2] != null) {
                    p.put("value", ind[2]);
                }
                e.publish(Events.INDICATOR, "indicator-value.recorded", "indicator-service", ORG, ind[0] + "-2021", p);
                e.publish(Events.INDICATOR, "indicator-value.recorded", "indicator-service", ORG, ind[0] + "-2020", Map.of(
                        "indicatorCode", ind[0], "organization", ORG, "period", "2020", "periodType", "YEAR", "growth", ind[6]));
            }
            e.publish(Events.INDICATOR, "indicator-target.set", "indicator-service", ORG, "IIP-2022", Map.of(
                    "indicatorCode", "IIP", "organization", ORG, "period", "2022", "targetGrowth", 8.9));
            // indicator-service's definitions (IndicatorEvents.IndicatorDefined): money in billions, markets counted one by one
            Object[][] definitions = { { "EXPORT", "Kim ngạch xuất khẩu", "USD", "BILLION", "tỷ USD" },
                    { "IMPORT", "Kim ngạch nhập khẩu", "USD", "BILLION", "tỷ USD" },
                    { "TRADE_SURPLUS_REPORTED", "Thặng dư thương mại xuất nhập khẩu (số báo cáo nêu)", "USD", "BILLION", "tỷ USD" },
                    { "MARKET", "Tổng số chợ", "COUNT", "ONE", "chợ" }, { "MARKET_CLASS_1", "Chợ hạng 1", "COUNT", "ONE", "chợ" },
                    { "MARKET_CLASS_2", "Chợ hạng 2", "COUNT", "ONE", "chợ" }, { "MARKET_CLASS_3", "Chợ hạng 3", "COUNT", "ONE", "chợ" },
                    { "MARKET_OPERATING", "Chợ đang hoạt động", "COUNT", "ONE", "chợ" } };
            for (Object[] d : definitions) {
                e.publish(Events.INDICATOR, "indicator.defined", "indicator-service", ORG, (String) d[0], Map.of("code", d[0],
                        "name", d[1], "unit", d[2], "scale", d[3], "displayUnit", d[4], "aggregation", "SUM", "version", 0));
            }
            // indicator-service's rule violations (IndicatorEvents.ViolationFound, values in base units); the first
            // MARKETS_OPERATING run is superseded
            violation(e, "MARKETS_BY_CLASS", "Tổng số chợ bằng tổng số chợ hạng 1, 2, 3", "MARKET",
                    "MARKET_CLASS_1 + MARKET_CLASS_2 + MARKET_CLASS_3", 107, 99, 8,
                    "Tổng số chợ 107 khác tổng số chợ hạng 1, 2, 3 là 99 (chênh 8 chợ)");
            violation(e, "MARKETS_OPERATING", "Chợ đang hoạt động bằng tổng số chợ", "MARKET_OPERATING", "MARKET", 95, 97, -2,
                    "Số chợ đang hoạt động 95 khác tổng số chợ 97 (chênh 2 chợ)");
            violation(e, "MARKETS_OPERATING", "Chợ đang hoạt động bằng tổng số chợ", "MARKET_OPERATING", "MARKET", 96, 97, -1,
                    "Số chợ đang hoạt động 96 khác tổng số chợ 97 (chênh 1 chợ)");
            violation(e, "TRADE_SURPLUS_AS_REPORTED", "Thặng dư thương mại nêu bằng xuất khẩu trừ nhập khẩu",
                    "TRADE_SURPLUS_REPORTED", "EXPORT - IMPORT", new java.math.BigDecimal("6800000000"),
                    new java.math.BigDecimal("6810000000"), new java.math.BigDecimal("-10000000"),
                    // as indicator-service's rule engine writes it: the values in base units
                    "Thặng dư thương mại báo cáo 6.800.000.000 USD khác xuất khẩu − nhập khẩu 6.810.000.000 USD (chênh -10.000.000 USD)");
            // the two programmes: each body inspects one cell and supervises another; all four items concluded in the end
            String[][] items = { { "BTV-DUSCT", "Ban Thường vụ Đảng ủy", "06-CTr/ĐUSCT", "INSPECTION", "CB3" },
                    { "BTV-DUSCT", "Ban Thường vụ Đảng ủy", "06-CTr/ĐUSCT", "SUPERVISION", "CB1" },
                    { "UBKT-DUSCT", "Ủy ban kiểm tra Đảng ủy", "07-Ctr/UBKT", "INSPECTION", "CB4" },
                    { "UBKT-DUSCT", "Ủy ban kiểm tra Đảng ủy", "07-Ctr/UBKT", "SUPERVISION", "CB2" } };
            for (int i = 0; i < items.length; i++) {
                inspectionItem(e, "inspection-item.planned", i, items[i], 2, 0);
            }
            for (int i = 0; i < items.length; i++) {
                inspectionItem(e, "inspection-item.concluded", i, items[i], 2, i % 2 + 1);
            }
            // six delegations of the department (one still open) and one inter-agency delegation it only joined
            for (int d = 1; d <= 6; d++) {
                stateInspection(e, "state-inspection.opened", ORG + "-si" + d, "SCT", d + "/QĐ-SCT",
                        "Thanh tra chấp hành pháp luật " + d, "Sở Công Thương", false);
                if (d < 6) {
                    stateInspection(e, "state-inspection.concluded", ORG + "-si" + d, "SCT", d + "/QĐ-SCT",
                            "Thanh tra chấp hành pháp luật " + d, "Sở Công Thương", false);
                }
            }
            String joined = "Đoàn thanh tra liên ngành việc thực hiện quy định của pháp luật về sản xuất, kinh doanh, bán buôn,"
                    + " bán lẻ trang thiết bị y tế năm 2020";
            stateInspection(e, "state-inspection.opened", ORG + "-si-syt", "SYT", "170/QĐ-SYT", joined, "Sở Y tế", true);
            stateInspection(e, "state-inspection.concluded", ORG + "-si-syt", "SYT", "170/QĐ-SYT", joined, "Sở Y tế", true);
            e.publish(Events.INSPECTION, "planned-work.postponed", "inspection-service", ORG, ORG + "-drill", Map.of(
                    "plannedWorkId", ORG + "-drill", "organization", ORG, "year", 2021, "status", "POSTPONED",
                    "title", "Kế hoạch tổ chức diễn tập ứng phó sự cố hóa chất tỉnh Bình Dương năm 2021"));
        }
        Events.awaitCaughtUp();
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).contentType(ContentType.JSON)
                .body(Map.of("superiorBody", "Đảng bộ khối các cơ quan và doanh nghiệp tỉnh", "issuingBody", "Đảng ủy Sở Công Thương",
                        "documentNumber", "Số 25-BC/ĐU", "place", "Bình Dương", "issuedOn", "2021-12-15",
                        "subject", "Kết quả công tác xây dựng Đảng năm 2021 và phương hướng nhiệm vụ năm 2022",
                        "signerTitle", "Bí thư", "signerName", "Nguyễn Văn An", "recipients", List.of("Đảng ủy khối (b/c)", "Lưu: ĐUSCT"),
                        "version", 0))
                .put("/api/v1/reports/" + ORG + "/2021/heading").then().statusCode(200).body("version", equalTo(0));
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).contentType(ContentType.JSON)
                .body(Map.of("text", "Luỹ kế đến ngày {{covid.tests.cumulative|asOf}}, đã tiêm {{covid.vaccination.doses}} liều vắc-xin.",
                        "footnotes", List.of("Gồm {{covid.permits.issued}} giấy xác nhận."), "baseVersion", 0))
                .put("/api/v1/narratives/" + ORG + "/2021/covid").then().statusCode(201).body("version", equalTo(1));
    }

    private static void violation(Events e, String code, String name, String left, String right, Object leftValue,
            Object rightValue, Object difference, String message) {
        Map<String, Object> p = new HashMap<>();
        p.put("ruleCode", code);
        p.put("ruleName", name);
        p.put("organization", ORG);
        p.put("period", "2021");
        p.put("operator", "=");
        p.put("leftExpression", left);
        p.put("rightExpression", right);
        p.put("leftValue", leftValue);
        p.put("rightValue", rightValue);
        p.put("difference", difference);
        p.put("tolerance", 0);
        p.put("importance", "HIGH");
        p.put("message", message);
        e.publish(Events.INDICATOR, "validation.violation-found", "indicator-service", ORG, code + "/" + ORG + "/2021", p);
        Events.sleep(5); // a later run of the same rule is a later event
    }

    /** inspection-service's ItemChanged payload: item {@code i} of its body's programme, with the programme's counts. */
    private static void inspectionItem(Events e, String type, int i, String[] item, int planned, int concluded) {
        boolean done = type.endsWith("concluded");
        Map<String, Object> p = new HashMap<>();
        p.put("itemId", ORG + "-item-" + i);
        p.put("programmeId", ORG + "-" + item[0]);
        p.put("documentNumber", item[2]);
        p.put("bodyCode", item[0]);
        p.put("bodyName", item[1]);
        p.put("organization", ORG);
        p.put("year", 2021);
        p.put("kind", item[3]);
        p.put("mode", "REGULAR");
        p.put("targetType", "CELL");
        p.put("targetRef", item[4]);
        p.put("targetCellCode", item[4]);
        p.put("targetName", "Chi bộ " + item[4].substring(2));
        p.put("status", done ? "CONCLUDED" : "PLANNED");
        p.put("plannedFrom", "2021-03-01");
        p.put("plannedTo", "2021-11-30");
        p.put("startedOn", done ? "2021-06-01" : null);
        p.put("concludedOn", done ? "2021-06-30" : null);
        p.put("violationFound", done ? Boolean.FALSE : null);
        p.put("programmeItemsPlanned", planned);
        p.put("programmeItemsConcluded", concluded);
        e.publish(Events.INSPECTION, type, "inspection-service", ORG, ORG + "-item-" + i, p);
    }

    /** inspection-service's StateInspectionChanged payload. */
    private static void stateInspection(Events e, String type, String id, String issuer, String decision, String title,
            String leadAgency, boolean interAgency) {
        Map<String, Object> p = new HashMap<>();
        p.put("stateInspectionId", id);
        p.put("organization", ORG);
        p.put("issuer", issuer);
        p.put("decisionNumber", decision);
        p.put("decisionDate", "2021-07-09");
        p.put("year", 2021);
        p.put("fields", List.of(interAgency ? "MEDICAL_EQUIPMENT" : "PETROLEUM"));
        p.put("title", title);
        p.put("leadAgency", leadAgency);
        p.put("interAgency", interAgency);
        p.put("status", type.endsWith("concluded") ? "CONCLUDED" : "OPEN");
        p.put("concludedOn", type.endsWith("concluded") ? "2021-12-04" : null);
        p.put("violationsFound", null);
        p.put("findings", null);
        p.put("subjectsInspected", 3);
        p.put("businessesInspected", 3);
        p.put("individualsInspected", 0);
        p.put("penaltiesDecided", 0);
        p.put("penaltiesTotalVnd", 0L);
        e.publish(Events.INSPECTION, type, "inspection-service", ORG, id, p);
    }

    private static String generate() {
        return given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).post("/api/v1/reports/" + ORG + "/2021/generate")
                .then().statusCode(201).extract().path("contentHash");
    }

    private static byte[] output(int version, String ext) {
        return given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/reports/" + ORG + "/2021/versions/" + version + "." + ext)
                .then().statusCode(200).extract().asByteArray();
    }

    private static int latestVersion() {
        return given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/reports/" + ORG + "/2021/versions")
                .then().statusCode(200).extract().path("items[0].version");
    }

    @Test
    @Order(1)
    void dataBearingSentencesAreWrittenFromTheFiguresTheVietnameseWay() {
        generate();
        String md = new String(output(latestVersion(), "md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("Ban Chấp hành (BCH) gồm 11 đồng chí; Ban Thường vụ gồm 03 đồng chí, Ủy ban kiểm tra gồm 05 đồng chí") 
                || md.contains("Ban Chấp hành (BCH) gồm 11 đồng chí; Ban Thường vụ gồm 03 đồng chí; Ủy ban kiểm tra gồm 05 đồng chí"), md);
        assertTrue(md.contains("Đảng bộ có 04 chi bộ trực thuộc với 60 đảng viên (bao gồm 01 đảng viên dự bị), 01 đảng viên tham gia tôn giáo"), md);
        assertTrue(md.contains("Chuyển Đảng chính thức cho 04 đảng viên"), md);
        assertTrue(md.contains("có 04/04 chi bộ trực thuộc hoàn thành tốt nhiệm vụ; trong đó, Chi bộ 2 được đánh giá xếp loại hoàn thành xuất sắc nhiệm vụ"), md);
        assertTrue(md.contains("cho 69.180 lượt người, số ca dương tính là 392 ca F0 (tỷ lệ 0,57%)"), md);
        assertTrue(md.contains("Luỹ kế đến ngày 04/12/2021"), md);
        assertTrue(md.contains("Phân công 23 công chức, viên chức hỗ trợ phân phối lương thực, thực phẩm đối với 11 phường"
                + " “khóa chặt, đông cứng” tại Thuận An, Tân Uyên từ ngày 22/8/2021 đến ngày 06/9/2021"), md);
        assertTrue(md.contains("đã tiêm 46.446 liều vắc-xin"), md);
        assertTrue(md.contains("64/97 chợ truyền thống còn hoạt động (66%)"), md);
        assertTrue(md.contains("Công tác cung ứng nguồn Oxy y tế: Sở Công Thương là thành viên của Tổ điều phối Oxy theo Quyết định"
                + " số 2118/QĐ-SCT ngày 04/9/2021 của UBND tỉnh; trên địa bàn tỉnh có 04 doanh nghiệp cung ứng khí Oxy"), md);
        assertTrue(md.contains("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2021 ước đạt 231.578 tỷ đồng, tăng 3,4% so với cùng kỳ (năm 2020 tăng 12,3%, KH 2021 tăng 16%)"), md);
        assertTrue(md.contains("Chỉ số sản xuất công nghiệp (IIP) năm 2021 ước tăng 4,51% so cùng kỳ (năm 2020 tăng 8,02%, KH 2021 tăng 9,2%)"), md);
        assertTrue(md.contains("Kim ngạch xuất khẩu năm 2021 ước đạt 31,5 tỷ USD"), md);
        assertTrue(md.contains("Kim ngạch nhập khẩu năm 2021 ước đạt 24,69 tỷ USD"), md);
        assertTrue(md.contains("Chỉ số sản xuất công nghiệp (IIP) tăng 8,9% so cùng kỳ."), md);
        assertTrue(md.contains("Gồm 1.646 giấy xác nhận."), md);
        assertTrue(md.contains("*Bình Dương, ngày 15 tháng 12 năm 2021*"), md);
        assertTrue(md.contains("**T/M BAN CHẤP HÀNH**  \n**BÍ THƯ**"), md);
        assertTrue(md.contains("*Nơi nhận:*"), md);
    }

    @Test
    @Order(2)
    void quotaStatementIsGeneratedFromTheCounts() {
        String md = new String(output(latestVersion(), "md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("60/60 đảng viên đủ điều kiện và được tổ chức đánh giá xếp loại theo quy định; trong đó, 60 đảng viên"
                + " xếp loại hoàn thành tốt nhiệm vụ, 12 đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ (chiếm tỷ lệ 20% đảng viên"
                + " hoàn thành tốt nhiệm vụ, đạt chỉ tiêu không vượt quá 20%)"), md);
    }

    @Test
    @Order(3)
    void indicatorsAgainstPlanFeedStrengthsAndLimitationsWithTheGap() {
        String md = new String(output(latestVersion(), "md"), StandardCharsets.UTF_8);
        String strengths = md.substring(md.indexOf("1.1. Ưu điểm"), md.indexOf("1.2. Nguyên nhân"));
        String limitations = md.substring(md.indexOf("2.2. Hạn chế khách quan"), md.indexOf("2.3. Nguyên nhân"));
        assertTrue(strengths.contains("Kim ngạch xuất khẩu đạt và vượt kế hoạch đề ra (kết quả thực hiện ước tăng 13,5%, đạt 31,5 tỷ USD,"
                + " trong khi kế hoạch đề ra là tăng 12%; vượt 1,5 điểm phần trăm)"), strengths);
        assertTrue(limitations.contains("Chỉ số sản xuất công nghiệp (IIP) chưa đạt kế hoạch đề ra (kết quả thực hiện ước tăng 4,51%,"
                + " trong khi kế hoạch đề ra là tăng 9,2%; thấp hơn 4,69 điểm phần trăm)"), limitations);
        assertTrue(limitations.contains("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng chưa đạt kế hoạch"), limitations);
        assertTrue(limitations.contains("Kế hoạch tổ chức diễn tập ứng phó sự cố hóa chất tỉnh Bình Dương năm 2021"), limitations);
        assertTrue(!limitations.contains("Kim ngạch xuất khẩu"), limitations);
    }

    @Test
    @Order(4)
    void annexListsStatedAgainstComputedDisagreements() {
        String json = new String(output(latestVersion(), "json"), StandardCharsets.UTF_8);
        io.restassured.path.json.JsonPath p = io.restassured.path.json.JsonPath.from(json);
        assertEquals("0,47%", p.getString("annex.find { it.rule == 'STATED_VS_COMPUTED:covid.tests.positive-rate' }.stated"));
        assertEquals("0,57%", p.getString("annex.find { it.rule == 'STATED_VS_COMPUTED:covid.tests.positive-rate' }.computed"));
        assertEquals("1.646", p.getString("annex.find { it.rule == 'PERMITS_TOTAL_BY_KIND' }.stated"));
        assertEquals("1.636", p.getString("annex.find { it.rule == 'PERMITS_TOTAL_BY_KIND' }.computed"));
        // 64/97 is 65,98%: the market rate stated as 66% agrees once rounded, so it is not listed
        assertTrue(p.getList("annex.rule").stream().noneMatch(r -> r.toString().contains("market")), json);
    }

    @Test
    @Order(4)
    void annexListsIndicatorRuleViolationsWithStatedAndComputedValuesAsOfTheLastEvent() {
        String json = new String(output(latestVersion(), "json"), StandardCharsets.UTF_8);
        io.restassured.path.json.JsonPath p = io.restassured.path.json.JsonPath.from(json);
        String byClass = "annex.find { it.rule == 'indicator-service:MARKETS_BY_CLASS' }";
        assertEquals("Tổng số chợ bằng tổng số chợ hạng 1, 2, 3", p.getString(byClass + ".name"));
        assertEquals("MARKET", p.getString(byClass + ".statedExpression"));
        assertEquals("107", p.getString(byClass + ".stated"));
        assertEquals("99", p.getString(byClass + ".computed"));
        assertEquals("8", p.getString(byClass + ".difference"));
        assertEquals("Tổng số chợ 107 khác tổng số chợ hạng 1, 2, 3 là 99 (chênh 8 chợ)", p.getString(byClass + ".message"));
        // the later run's numbers, one row per rule
        String operating = "annex.findAll { it.rule == 'indicator-service:MARKETS_OPERATING' }";
        assertEquals(List.of("96"), p.getList(operating + ".stated"));
        assertEquals(List.of("97"), p.getList(operating + ".computed"));
        String surplus = "annex.find { it.rule == 'indicator-service:TRADE_SURPLUS_AS_REPORTED' }";
        // base units (USD) printed in the indicators' display scale; counts of scale one stay plain (above)
        assertEquals("6,8 tỷ USD", p.getString(surplus + ".stated"));
        assertEquals("6,81 tỷ USD", p.getString(surplus + ".computed"));
        assertEquals("-0,01 tỷ USD", p.getString(surplus + ".difference"));
        assertEquals("Thặng dư thương mại báo cáo 6,8 tỷ USD khác xuất khẩu − nhập khẩu 6,81 tỷ USD (chênh -0,01 tỷ USD)",
                p.getString(surplus + ".message"));
        String md = new String(output(latestVersion(), "md"), StandardCharsets.UTF_8);
        // the reader's annex: a sentence of what disagrees, each value with its source, the gap in words; no key, code or operator
        assertTrue(md.contains("| Không đúng quy tắc kiểm tra số liệu chỉ tiêu “Tổng số chợ bằng tổng số chợ hạng 1, 2, 3”: Tổng số chợ"
                + " nêu 107, trong khi tổng Chợ hạng 1, Chợ hạng 2 và Chợ hạng 3 là 99. | 107 | số liệu chỉ tiêu của Sở, năm 2021 | 99 |"
                + " tính từ số liệu chỉ tiêu: tổng Chợ hạng 1, Chợ hạng 2 và Chợ hạng 3 | số liệu nêu cao hơn 8 |"), md);
        assertTrue(md.contains("| 6,8 tỷ USD | số liệu chỉ tiêu của Sở, năm 2021 | 6,81 tỷ USD | tính từ số liệu chỉ tiêu: Kim ngạch"
                + " xuất khẩu trừ Kim ngạch nhập khẩu | số liệu nêu thấp hơn 0,01 tỷ USD |"), md);
        String annex = md.substring(md.indexOf("PHỤ LỤC"));
        assertTrue(!annex.contains("6.800.000.000") && !annex.contains("6.810.000.000") && !annex.contains("10.000.000"), annex);
        String html = new String(output(latestVersion(), "html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("6,81 tỷ USD") && !html.contains("6.810.000.000"), "the HTML annex is scaled too");
        assertTrue(md.contains("theo lần kiểm tra gần nhất"), "note that a resolved violation stays listed");
        for (String internal : List.of("MARKETS_BY_CLASS", "MARKET_CLASS_1", "indicator-service", "#{", " = ", " ≤ ", "<=",
                "covid.tests", "STATED_VS_COMPUTED", "EXCELLENT_QUOTA")) {
            assertTrue(!annex.contains(internal), "the annex prints " + internal + ":\n" + annex);
        }
    }

    @Test
    @Order(4)
    void delegationsCountOnlyTheDepartmentsOwnAndNameTheInterAgencyOneItJoined() {
        String md = new String(output(latestVersion(), "md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("Thực hiện 06 Đoàn thanh tra chấp hành pháp luật hoạt động trong lĩnh vực ngành Công Thương và tham gia"
                + " Đoàn thanh tra liên ngành việc thực hiện quy định của pháp luật về sản xuất, kinh doanh, bán buôn, bán lẻ trang"
                + " thiết bị y tế năm 2020 theo Quyết định số 170/QĐ-SYT (do Sở Y tế chủ trì)."), md);
        assertTrue(!md.contains("Thực hiện 07 Đoàn"), md);
    }

    @Test
    @Order(4)
    void inspectionSentenceNamesTheCellsEachBodyInspectedAndSupervisedAndTheComputedCompletion() {
        String md = new String(output(latestVersion(), "md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("Trong năm, Ban Thường vụ Đảng ủy đã tiến hành kiểm tra Chi bộ 3 và giám sát Chi bộ 1; Ủy ban kiểm tra"
                + " Đảng ủy đã tiến hành kiểm tra Chi bộ 4 và giám sát Chi bộ 2."), md);
        assertTrue(md.contains("Đến nay, 100% chương trình, kế hoạch kiểm tra giám sát trong năm đều được hoàn thành."), md);
    }

    @Test
    @Order(5)
    void htmlHasAnInlineChartAndNoExternalAssetsAndDocxIsA4TimesNewRomanWithFootnotes() throws Exception {
        int v = latestVersion();
        String html = new String(output(v, "html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "inline chart");
        assertTrue(!html.contains("src=") && !html.contains("<link") && !html.contains("@import"), "no external asset");
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(output(v, "docx")))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                parts.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String document = parts.get("word/document.xml");
        String styles = parts.get("word/styles.xml");
        assertTrue(styles.contains("Times New Roman") && styles.contains("w:sz w:val=\"28\""), "body style Times New Roman 14");
        for (int level = 1; level <= 4; level++) {
            assertTrue(styles.contains("w:styleId=\"Heading" + level + "\"") && styles.contains("w:outlineLvl w:val=\"" + (level - 1) + "\""),
                    "Heading " + level + " with its outline level");
            assertTrue(document.contains("<w:pStyle w:val=\"Heading" + level + "\"/>"), "the outline uses Heading " + level);
        }
        assertTrue(document.contains("<w:pStyle w:val=\"Heading3\"/></w:pPr><w:r><w:t>7. Công tác phòng, chống dịch Covid-19"),
                "II.7 is a Heading 3");
        assertTrue(document.contains("w:tblLayout w:type=\"fixed\"") && document.contains("<w:gridCol w:w=\"2806\"/>"),
                "fixed column widths: the indicator name column 30% of the text width");
        assertTrue(parts.get("docProps/core.xml").contains("<dc:title>BÁO CÁO") && parts.get("docProps/app.xml").contains("<Company>"),
                "title and organisation in the document properties");
        assertTrue(parts.get("docProps/custom.xml").contains("2021"), "the year in the document properties");
        assertTrue(document.contains("w:w=\"11906\"") && document.contains("w:h=\"16838\""), "A4");
        assertTrue(document.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && document.contains("T/M BAN CHẤP HÀNH"), "heading and signature");
        assertTrue(document.contains("w:footnoteReference"), "footnote reference");
        assertTrue(parts.get("word/footnotes.xml").contains("Gồm 1.646 giấy xác nhận."), "footnote text");
        assertTrue(parts.get("docProps/core.xml").contains("2021-12-15"), "fixed core dates");
    }

    @Test
    @Order(6)
    void twoGenerationsFromTheSameInputsAreByteIdentical() {
        String first = generate();
        int a = latestVersion();
        String second = generate();
        int b = latestVersion();
        assertEquals(first, second);
        for (String ext : List.of("json", "md", "html", "docx")) {
            assertArrayEquals(output(a, ext), output(b, ext), ext);
        }
    }

    @Test
    @Order(7)
    void aRebuildFromTheTopicsGivesTheSameReportByteForByte() {
        String before = generate();
        int a = latestVersion();
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).post("/api/v1/projections/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).post("/api/v1/projections/rebuild").then().statusCode(202)
                .body("topics", hasItem("sct.covid.events"));
        Events.awaitCaughtUp();
        String after = generate();
        int b = latestVersion();
        assertEquals(before, after);
        assertArrayEquals(output(a, "docx"), output(b, "docx"));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/reports/" + ORG + "/2021/versions/" + b)
                .then().statusCode(200).body("offsets", org.hamcrest.Matchers.aMapWithSize(org.hamcrest.Matchers.greaterThan(0)));
    }

    @Test
    @Order(8)
    void anUnknownPlaceholderIsRefusedAndNamed() {
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).contentType(ContentType.JSON)
                .body(Map.of("text", "Đã test {{covid.tests.cumulatve}} lượt người, {{covid.tests.cumulative}} lượt."))
                .put("/api/v1/narratives/" + ORG + "/2021/situation")
                .then().statusCode(422).contentType(containsString("problem+json"))
                .body("detail", containsString("{{covid.tests.cumulatve}}"))
                .body("unknownPlaceholders", equalTo(List.of("covid.tests.cumulatve")));
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).get("/api/v1/narratives/" + ORG + "/2021/situation")
                .then().statusCode(404);
    }

    @Test
    @Order(9)
    void narrativeIsVersionedShowsTheLiveFigureAndRefusesAStaleEdit() {
        String path = "/api/v1/narratives/" + ORG + "/2021/covid";
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(path).then().statusCode(200)
                .body("rendered", equalTo("Luỹ kế đến ngày 04/12/2021, đã tiêm 46.446 liều vắc-xin."));
        // the same text again: nothing changes
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).contentType(ContentType.JSON)
                .body(Map.of("text", "Luỹ kế đến ngày {{covid.tests.cumulative|asOf}}, đã tiêm {{covid.vaccination.doses}} liều vắc-xin.",
                        "footnotes", List.of("Gồm {{covid.permits.issued}} giấy xác nhận.")))
                .put(path).then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).contentType(ContentType.JSON)
                .body(Map.of("text", "Đã tiêm {{covid.vaccination.doses}} liều.", "baseVersion", 0))
                .put(path).then().statusCode(409);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).contentType(ContentType.JSON)
                .body(Map.of("text", "x", "baseVersion", 1)).put(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).contentType(ContentType.JSON)
                .body(Map.of("text", "Đã tiêm {{covid.vaccination.doses}} liều.", "baseVersion", 1))
                .put(path).then().statusCode(201).body("version", equalTo(2)).body("rendered", equalTo("Đã tiêm 46.446 liều."));
        try (Events e = new Events()) {
            e.publish(Events.COVID, "vaccination.recorded", "covid-ops-service", ORG, ORG + "-vac2", Map.of(
                    "recordId", ORG + "-vac2", "date", "2021-12-20", "doses", 4));
        }
        Events.awaitCaughtUp();
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(path).then().statusCode(200)
                .body("rendered", equalTo("Đã tiêm 46.450 liều."));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(path + "/versions").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    @Order(10)
    void reportsNeedAReportRole() {
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).post("/api/v1/reports/" + ORG + "/2021/generate")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/reports/" + ORG + "/2021/versions/1.pdf")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/reports/" + ORG + "/2021/versions/999.md")
                .then().statusCode(404);
    }
}
