package vn.binhduong.sct.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
class PartyInspectionTest {
    static final String TOPIC = "sct.inspection.events";
    String org;
    String body;
    String memberId;

    @BeforeEach
    void organisationWithTwoCellsAndABody() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        org = "T" + suffix;
        body = "BTV-" + suffix;
        MemberEventsFixture.organization(org);
        MemberEventsFixture.cell(org, "CB1");
        MemberEventsFixture.cell(org, "CB2");
        memberId = MemberEventsFixture.member(org, "CB2");
        MemberEventsFixture.awaitKnown(org, 4);
        post(Roles.ADMIN, "/api/v1/bodies", Map.of("code", body, "name", "Ban Thường vụ", "organization", org)).statusCode(201);
    }

    static ValidatableResponse post(String role, String path, Object json) {
        return given().auth().oauth2(TestTokens.as(role)).contentType(ContentType.JSON).body(json).post(path).then();
    }

    Map<String, Object> item(String kind, String targetType, String ref) {
        return Map.of("kind", kind, "mode", "THEMATIC", "targetType", targetType, "targetRef", ref,
                "plannedFrom", "2025-03-01", "plannedTo", "2025-06-30");
    }

    Map<String, Object> programme(String number, List<Map<String, Object>> items) {
        return Map.of("bodyCode", body, "documentNumber", number, "issuedOn", "2025-02-02", "year", 2025,
                "title", "Chương trình kiểm tra, giám sát năm 2025", "items", items);
    }

    @Test
    void completionIsConcludedOverPlannedAndConclusionEventSaysWhoInspectedWhichCell() {
        String programmeId;
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            programmeId = post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", programme("06-CTr/ĐUSCT",
                    List.of(item("INSPECTION", "CELL", "CB1"), item("SUPERVISION", "CELL", "CB2"))))
                    .statusCode(201).body("completion.planned", equalTo(2)).body("completion.concluded", equalTo(0))
                    .extract().path("id");
            List<EventEnvelope> issued = probe.awaitType("inspection-programme.issued", 1);
            assertEquals("06-CTr/ĐUSCT", issued.get(0).payload().get("documentNumber").asText());
            assertEquals(2, probe.awaitType("inspection-item.planned", 2).size());

            String itemId = given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).get("/api/v1/programmes/" + programmeId)
                    .then().statusCode(200).extract().path("items.find { it.targetRef == 'CB1' }.id");
            post(Roles.INSPECTION_COMMITTEE, "/api/v1/items/" + itemId + "/start", Map.of("startedOn", "2025-03-02", "version", 0))
                    .statusCode(200).body("status", equalTo("IN_PROGRESS"));
            post(Roles.INSPECTION_COMMITTEE, "/api/v1/items/" + itemId + "/conclusion", Map.of("concludedOn", "2025-04-01",
                    "violationFound", false, "remarks", "Thực hiện tốt", "recommendations", "Phát huy", "version", 1))
                    .statusCode(200).body("status", equalTo("CONCLUDED"));

            EventEnvelope concluded = probe.awaitType("inspection-item.concluded", 1).get(0);
            assertEquals(body, concluded.payload().get("bodyCode").asText());
            assertEquals("INSPECTION", concluded.payload().get("kind").asText());
            assertEquals("CB1", concluded.payload().get("targetCellCode").asText());
            assertEquals("Chi bộ 1", concluded.payload().get("targetName").asText());
            assertFalse(concluded.payload().get("violationFound").asBoolean());
            assertEquals(2, concluded.payload().get("programmeItemsPlanned").asInt());
            assertEquals(1, concluded.payload().get("programmeItemsConcluded").asInt());
        }
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).get("/api/v1/programmes/" + programmeId).then().statusCode(200)
                .body("completion.planned", equalTo(2)).body("completion.concluded", equalTo(1))
                .body("completion.rate", equalTo(0.5f));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("year", 2025).queryParam("organization", org)
                .get("/api/v1/party-inspections/statistics").then().statusCode(200)
                .body("inspectionsConcluded", equalTo(1)).body("supervisionsConcluded", equalTo(0))
                .body("completion.rate", equalTo(0.5f)).body("cellsKnown", equalTo(2));
    }

    @Test
    void refusesASecondProgrammeWithTheSameNumberFromTheSameIssuer() {
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", programme("07-Ctr/UBKT", List.of())).statusCode(201);
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", programme("07-Ctr/UBKT", List.of())).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("07-Ctr/UBKT"));
    }

    @Test
    void refusesATargetTheMemberEventsNeverAnnounced() {
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", programme("08-CTr", List.of(item("INSPECTION", "CELL", "CB9"))))
                .statusCode(422).body("type", containsString("unknown-target"))
                .body("targetRef", equalTo("CB9"));
        // a member is referenced by the id member-service published
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", programme("09-CTr", List.of(item("SUPERVISION", "MEMBER", memberId))))
                .statusCode(201).body("items[0].targetCellCode", equalTo("CB2"));
        // a cell of another organisation is not a target of this one
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", programme("10-CTr", List.of(item("INSPECTION", "CELL", "CB3"))))
                .statusCode(422);
    }

    @Test
    void refusesDatesOutsideTheProgrammeYear() {
        Map<String, Object> late = Map.of("kind", "INSPECTION", "mode", "REGULAR", "targetType", "CELL", "targetRef", "CB1",
                "plannedFrom", "2025-11-01", "plannedTo", "2026-01-15");
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", programme("11-CTr", List.of(late))).statusCode(422)
                .body("field", equalTo("plannedTo")).body("programmeYear", equalTo(2025));
        Map<String, Object> issuedLastYear = new java.util.HashMap<>(programme("12-CTr", List.of()));
        issuedLastYear.put("issuedOn", "2024-12-30");
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", issuedLastYear).statusCode(422).body("field", equalTo("issuedOn"));
    }

    @Test
    void concludesOnlyAnItemInProgress() {
        String itemId = post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", programme("13-CTr", List.of(item("INSPECTION", "CELL", "CB1"))))
                .statusCode(201).extract().path("items[0].id");
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/items/" + itemId + "/conclusion",
                Map.of("concludedOn", "2025-04-01", "violationFound", false, "version", 0))
                .statusCode(409).body("status", equalTo("PLANNED"));
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).get("/api/v1/items/" + itemId).then().body("status", equalTo("PLANNED"))
                .body("concludedOn", nullValue());
    }

    @Test
    void postponementKeepsItsReasonCountsAgainstCompletionAndIsListedAsPostponedWork() {
        String itemId = post(Roles.INSPECTION_COMMITTEE, "/api/v1/programmes", programme("14-CTr", List.of(item("INSPECTION", "CELL", "CB2"))))
                .statusCode(201).extract().path("items[0].id");
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/items/" + itemId + "/postponement",
                Map.of("reason", "Dịch bệnh", "toYear", 2025, "version", 0)).statusCode(422);
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(Roles.INSPECTION_COMMITTEE, "/api/v1/items/" + itemId + "/postponement",
                    Map.of("reason", "Do tình hình dịch bệnh Covid-19", "toYear", 2026, "version", 0))
                    .statusCode(200).body("status", equalTo("POSTPONED")).body("postponedToYear", equalTo(2026));
            EventEnvelope e = probe.awaitType("inspection-item.postponed", 1).get(0);
            assertEquals("Do tình hình dịch bệnh Covid-19", e.payload().get("postponedReason").asText());
            assertEquals(2026, e.payload().get("postponedToYear").asInt());
        }
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("year", 2025).get("/api/v1/postponed-work").then()
                .statusCode(200).body("reason", hasItem("Do tình hình dịch bệnh Covid-19"));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("year", 2025).queryParam("organization", org)
                .get("/api/v1/party-inspections/statistics").then()
                .body("completion.postponed", equalTo(1)).body("completion.rate", equalTo(0.0f));
    }

    @Test
    void refusesMoreMembersSelfInspectedThanPlanned() {
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/self-inspections", Map.of("organization", org, "cellCode", "CB1", "year", 2025,
                "membersPlanned", 4, "membersSelfInspected", 5)).statusCode(422)
                .body("membersPlanned", equalTo(4)).body("membersSelfInspected", equalTo(5));
        post(Roles.INSPECTION_COMMITTEE, "/api/v1/self-inspections", Map.of("organization", org, "cellCode", "CB9", "year", 2025,
                "membersPlanned", 4, "membersSelfInspected", 4)).statusCode(422);
    }

    @Test
    void departmentStaffCannotIssuePartyProgrammes() {
        post(Roles.DEPARTMENT_STAFF, "/api/v1/programmes", programme("15-CTr", List.of())).statusCode(403);
        given().contentType(ContentType.JSON).body(programme("16-CTr", List.of())).post("/api/v1/programmes").then().statusCode(401);
    }
}
