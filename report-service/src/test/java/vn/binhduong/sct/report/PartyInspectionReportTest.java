package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Section II.3 from inspection-item events when the programme is not complete and an item targets a member. */
@QuarkusTest
class PartyInspectionReportTest {
    static final String ORG = "T-PIN-" + Long.toString(System.nanoTime(), 36).toUpperCase();

    @Test
    void aMemberTargetIsNamedByItsCellAndAnUnfinishedProgrammeStatesTheComputedShare() {
        try (Events e = new Events()) {
            item(e, "inspection-item.planned", "a", "INSPECTION", "MEMBER", "CB2", null, 2, 0);
            item(e, "inspection-item.planned", "b", "SUPERVISION", "CELL", "CB1", "Chi bộ 1", 2, 0);
            item(e, "inspection-item.concluded", "a", "INSPECTION", "MEMBER", "CB2", null, 2, 1);
        }
        Events.awaitCaughtUp();
        int version = given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).post("/api/v1/reports/" + ORG + "/2021/generate")
                .then().statusCode(201).extract().path("version");
        String md = new String(given().auth().oauth2(TestTokens.as(Roles.VIEWER))
                .get("/api/v1/reports/" + ORG + "/2021/versions/" + version + ".md").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(md.contains("Trong năm, Ban Thường vụ Đảng ủy đã tiến hành kiểm tra đảng viên thuộc chi bộ CB2."), md);
        assertTrue(md.contains("Đến nay, đã hoàn thành 50% chương trình, kế hoạch kiểm tra giám sát trong năm (01/02 cuộc)."), md);
        assertTrue(!md.contains("đều được hoàn thành"), md);
    }

    private static void item(Events e, String type, String id, String kind, String targetType, String cell, String cellName,
            int planned, int concluded) {
        boolean done = type.endsWith("concluded");
        Map<String, Object> p = new HashMap<>();
        p.put("itemId", ORG + "-" + id);
        p.put("programmeId", ORG + "-p");
        p.put("documentNumber", "06-CTr/ĐUSCT");
        p.put("bodyCode", "BTV-DUSCT");
        p.put("bodyName", "Ban Thường vụ Đảng ủy");
        p.put("organization", ORG);
        p.put("year", 2021);
        p.put("kind", kind);
        p.put("mode", "REGULAR");
        p.put("targetType", targetType);
        p.put("targetRef", targetType.equals("CELL") ? cell : ORG + "-member-1");
        p.put("targetCellCode", cell);
        p.put("targetName", cellName);
        p.put("status", done ? "CONCLUDED" : "PLANNED");
        p.put("plannedFrom", "2021-03-01");
        p.put("plannedTo", "2021-11-30");
        p.put("startedOn", done ? "2021-06-01" : null);
        p.put("concludedOn", done ? "2021-06-30" : null);
        p.put("violationFound", done ? Boolean.FALSE : null);
        p.put("programmeItemsPlanned", planned);
        p.put("programmeItemsConcluded", concluded);
        e.publish(Events.INSPECTION, type, "inspection-service", ORG, ORG + "-" + id, p);
    }
}
