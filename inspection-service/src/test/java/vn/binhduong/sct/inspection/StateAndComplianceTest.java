package vn.binhduong.sct.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
class StateAndComplianceTest {
    static ValidatableResponse post(String role, String path, Object json) {
        return given().auth().oauth2(TestTokens.as(role)).contentType(ContentType.JSON).body(json).post(path).then();
    }

    static Map<String, Object> penalty(int year, String kind, Object amount, String number) {
        Map<String, Object> p = new HashMap<>(Map.of("organization", "SCT", "issuer", "SCT", "year", year,
                "offenderKind", kind, "amountVnd", amount, "paid", false));
        if (number != null) {
            p.put("decisionNumber", number);
        }
        return p;
    }

    @Test
    void refusesPenaltiesThatAreNotAPositiveWholeNumberOfDong() {
        post(Roles.DEPARTMENT_STAFF, "/api/v1/penalties", penalty(2031, "BUSINESS", 0, null)).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem(containsString("amountVnd")));
        post(Roles.DEPARTMENT_STAFF, "/api/v1/penalties", penalty(2031, "BUSINESS", -5_000_000, null)).statusCode(400);
        post(Roles.DEPARTMENT_STAFF, "/api/v1/penalties", penalty(2031, "BUSINESS", 1.5, null)).statusCode(400);
    }

    @Test
    void refusesASecondDecisionWithTheSameNumberFromTheSameIssuer() {
        String number = "Q-" + UUID.randomUUID();
        post(Roles.DEPARTMENT_STAFF, "/api/v1/penalties", penalty(2031, "BUSINESS", 5_000_000, number)).statusCode(201);
        post(Roles.DEPARTMENT_STAFF, "/api/v1/penalties", penalty(2031, "INDIVIDUAL", 1_000_000, number)).statusCode(409)
                .body("detail", containsString(number));
        Map<String, Object> inspection = Map.of("organization", "SCT", "issuer", "SCT", "decisionNumber", number,
                "year", 2031, "fields", List.of("PETROLEUM"), "title", "Thanh tra xăng dầu");
        post(Roles.DEPARTMENT_STAFF, "/api/v1/state-inspections", inspection).statusCode(201);
        post(Roles.DEPARTMENT_STAFF, "/api/v1/state-inspections", inspection).statusCode(409);
    }

    @Test
    void delegationsAndPenaltiesAddUpInTheYearsStatisticsAndPublishEvents() {
        int year = 2032;
        String id;
        try (EventProbe probe = EventProbe.fromNow("sct.inspection.events")) {
            id = post(Roles.DEPARTMENT_STAFF, "/api/v1/state-inspections", Map.of("organization", "SCT", "issuer", "SCT",
                    "decisionNumber", "T-" + UUID.randomUUID(), "decisionDate", "2032-05-10", "year", year,
                    "fields", List.of("CHEMICALS", "ELECTRICITY"), "title", "Thanh tra an toàn hóa chất, an toàn điện"))
                    .statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
            post(Roles.DEPARTMENT_STAFF, "/api/v1/state-inspections/" + id + "/subjects",
                    Map.of("kind", "BUSINESS", "name", "Công ty TNHH Hóa chất An Phú")).statusCode(201);
            post(Roles.DEPARTMENT_STAFF, "/api/v1/state-inspections/" + id + "/conclusion",
                    Map.of("concludedOn", "2032-05-01", "findings", "x", "version", 0)).statusCode(422);
            post(Roles.DEPARTMENT_STAFF, "/api/v1/state-inspections/" + id + "/conclusion",
                    Map.of("concludedOn", "2032-06-01", "violationsFound", true, "findings", "Chưa thực hiện nghiêm Luật an toàn hóa chất", "version", 0))
                    .statusCode(200).body("status", equalTo("CONCLUDED"));
            Map<String, Object> p1 = penalty(year, "BUSINESS", 30_000_000, null);
            p1.put("stateInspectionId", id);
            String penaltyId = post(Roles.DEPARTMENT_STAFF, "/api/v1/penalties", p1).statusCode(201).extract().path("id");
            post(Roles.DEPARTMENT_STAFF, "/api/v1/penalties", penalty(year, "INDIVIDUAL", 7_500_000, null)).statusCode(201);
            post(Roles.DEPARTMENT_STAFF, "/api/v1/penalties/" + penaltyId + "/payment", Map.of("paidOn", "2032-07-01", "version", 0))
                    .statusCode(200).body("paid", equalTo(true));

            EventEnvelope concluded = probe.awaitType("state-inspection.concluded", 1).get(0);
            assertEquals(List.of("CHEMICALS", "ELECTRICITY"), List.of(concluded.payload().get("fields").get(0).asText(),
                    concluded.payload().get("fields").get(1).asText()));
            assertEquals(1, concluded.payload().get("businessesInspected").asInt());
            assertTrue(concluded.payload().get("violationsFound").asBoolean());
            List<EventEnvelope> decided = probe.awaitType("penalty.decided", 2);
            assertEquals(37_500_000L, decided.stream().mapToLong(e -> e.payload().get("amountVnd").asLong()).sum());
            assertFalse(decided.get(0).payload().has("offenderName"), "no personal data in events");
            assertEquals(1, probe.awaitType("penalty.paid", 1).size());
        }
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("year", year).get("/api/v1/state-inspections/statistics")
                .then().statusCode(200).body("delegations", equalTo(1)).body("delegationsConcluded", equalTo(1))
                .body("penalties", equalTo(2)).body("individualsPenalized", equalTo(1)).body("businessesPenalized", equalTo(1))
                .body("totalAmountVnd", equalTo(37_500_000)).body("penaltiesPaid", equalTo(1)).body("allComplied", equalTo(false));
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).queryParam("year", year).queryParam("field", "ELECTRICITY")
                .queryParam("total", true).get("/api/v1/state-inspections").then().body("total", equalTo(1));
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).queryParam("year", year).queryParam("field", "GAS")
                .queryParam("total", true).get("/api/v1/state-inspections").then().body("total", equalTo(0));
    }

    @Test
    void repeatVisitsCountAnEstablishmentOnce() {
        int year = 2033;
        String team = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        post(Roles.DEPARTMENT_STAFF, "/api/v1/compliance/teams", Map.of("code", team, "organization", "SCT", "name", "Tổ kiểm tra",
                "scope", "RETAIL_DISTRIBUTION", "year", year)).statusCode(201);
        String market = "CHO-" + UUID.randomUUID();
        try (EventProbe probe = EventProbe.fromNow("sct.inspection.events")) {
            for (String day : List.of("2033-07-20", "2033-08-20")) {
                post(Roles.DEPARTMENT_STAFF, "/api/v1/compliance/visits", Map.of("teamCode", team, "establishmentCode", market,
                        "establishmentType", "MARKET", "establishmentName", "Chợ Phú Hòa", "visitedOn", day, "result", "COMPLIANT"))
                        .statusCode(201);
            }
            post(Roles.DEPARTMENT_STAFF, "/api/v1/compliance/visits", Map.of("teamCode", team, "establishmentCode", "ST-" + UUID.randomUUID(),
                    "establishmentType", "SUPERMARKET", "establishmentName", "Siêu thị Hòa Lợi", "visitedOn", "2033-07-21", "result", "REMINDED"))
                    .statusCode(201);
            List<EventEnvelope> visits = probe.awaitType("compliance-visit.recorded", 3);
            assertEquals(2, visits.stream().filter(e -> e.payload().get("firstVisitOfEstablishmentInYear").asBoolean()).count());
        }
        post(Roles.DEPARTMENT_STAFF, "/api/v1/compliance/visits", Map.of("teamCode", team, "establishmentCode", market,
                "establishmentType", "SUPERMARKET", "establishmentName", "Chợ Phú Hòa", "visitedOn", "2033-09-01", "result", "COMPLIANT"))
                .statusCode(422);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("year", year).get("/api/v1/compliance/statistics").then()
                .statusCode(200)
                .body("byEstablishmentType.find { it.establishmentType == 'MARKET' }.establishmentsVisited", equalTo(1))
                .body("byEstablishmentType.find { it.establishmentType == 'MARKET' }.visits", equalTo(2))
                .body("byEstablishmentType.find { it.establishmentType == 'SUPERMARKET' }.establishmentsVisited", equalTo(1))
                .body("teamsByScope.RETAIL_DISTRIBUTION", equalTo(1));
    }

    @Test
    void twoReportedCountsOfTheSameThingAreBothKeptAndFlagged() {
        int year = 2034;
        for (int n : new int[] { 83, 82 }) {
            post(Roles.DEPARTMENT_STAFF, "/api/v1/compliance/coverage-reports", Map.of("organization", "SCT", "year", year,
                    "scope", "INDUSTRIAL_CLUSTER_BUSINESSES", "teams", 2, "establishmentType", "INDUSTRIAL_CLUSTER_BUSINESS",
                    "establishments", n, "source", "câu " + n, "sourceSentence", "02 Đoàn kiểm tra " + n + " doanh nghiệp trong CCN"))
                    .statusCode(201).body("establishments", equalTo(n));
        }
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("year", year).get("/api/v1/compliance/statistics").then()
                .body("byEstablishmentType[0].reported", hasSize(2))
                .body("byEstablishmentType[0].reportedFiguresDisagree", equalTo(true))
                .body("discrepancies", hasSize(1));
    }

    @Test
    void postponedPlannedWorkKeepsItsReasonAndMustMoveToALaterYear() {
        int year = 2035;
        String id = post(Roles.DEPARTMENT_STAFF, "/api/v1/planned-work", Map.of("organization", "SCT", "year", year,
                "category", "DRILL", "field", "CHEMICALS", "title", "Diễn tập ứng phó sự cố hóa chất")).statusCode(201)
                .extract().path("id");
        post(Roles.DEPARTMENT_STAFF, "/api/v1/planned-work/" + id + "/postponement", Map.of("reason", "x", "toYear", year, "version", 0))
                .statusCode(422).body("toYear", equalTo(year));
        post(Roles.DEPARTMENT_STAFF, "/api/v1/planned-work/" + id + "/postponement",
                Map.of("reason", "Dịch bệnh diễn biến phức tạp", "toYear", year + 1, "version", 0)).statusCode(200);
        post(Roles.DEPARTMENT_STAFF, "/api/v1/planned-work/" + id + "/postponement",
                Map.of("reason", "again", "toYear", year + 2, "version", 0)).statusCode(409);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("year", year).get("/api/v1/postponed-work").then()
                .body("", hasSize(1)).body("[0].postponedToYear", equalTo(year + 1))
                .body("[0].reason", equalTo("Dịch bệnh diễn biến phức tạp"));
    }

    @Test
    void partyRolesCannotWriteStateInspections() {
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/penalties", penalty(2031, "BUSINESS", 1_000_000, null)).statusCode(403);
        post(Roles.VIEWER, "/api/v1/compliance/teams", Map.of("code", "X", "organization", "SCT", "name", "x",
                "scope", "RETAIL_DISTRIBUTION", "year", 2031)).statusCode(403);
    }
}
