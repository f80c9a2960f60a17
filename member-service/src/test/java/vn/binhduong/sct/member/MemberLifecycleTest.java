package vn.binhduong.sct.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.binhduong.sct.member.Api.admin;
import static vn.binhduong.sct.member.Api.admit;
import static vn.binhduong.sct.member.Api.get;
import static vn.binhduong.sct.member.Api.post;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
class MemberLifecycleTest {
    private static final String TOPIC = "sct.member.events";

    @Test
    void admissionThenConfirmationNotBeforeTwelveMonthsPublishesEvents() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            String id = admit(org, a, "Đoàn Thị Lựu", "2020-06-15");
            post(admin(), "/api/v1/members/" + id + "/confirmation", Map.of("confirmationDate", "2021-06-14")).statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", containsString("probation-not-over"))
                    .body("earliestConfirmation", equalTo("2021-06-15")).body("admissionDate", equalTo("2020-06-15"));
            post(admin(), "/api/v1/members/" + id + "/confirmation", Map.of("confirmationDate", "2021-06-15")).statusCode(200)
                    .body("status", equalTo("OFFICIAL")).body("confirmationDate", equalTo("2021-06-15"));
            post(admin(), "/api/v1/members/" + id + "/confirmation", Map.of("confirmationDate", "2021-07-01")).statusCode(409);

            EventEnvelope admitted = probe.awaitType("member.admitted", 1).get(0);
            assertEquals(org, admitted.organization());
            assertEquals("PROBATIONARY", admitted.payload().get("status").asText());
            assertEquals(a, admitted.payload().get("cellCode").asText());
            assertFalse(admitted.payload().has("nationalId"), "events carry no national ID");
            assertFalse(admitted.payload().has("dateOfBirth"), "events carry no date of birth");
            List<EventEnvelope> confirmed = probe.awaitType("member.confirmed", 1);
            assertEquals(1, confirmed.size());
            assertEquals("2021-06-15", confirmed.get(0).payload().get("effectiveDate").asText());
            assertEquals("PROBATIONARY", confirmed.get(0).payload().get("previousStatus").asText());
        }
    }

    @Test
    void registeringAnOfficialMemberConfirmedTooEarlyIsRefused() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        post(admin(), "/api/v1/organizations/" + org + "/members", Map.of("identity", Api.identity("Tạ Văn Hòa"), "cellCode", a,
                "status", "OFFICIAL", "admissionDate", "2019-01-10", "confirmationDate", "2019-12-01")).statusCode(422)
                .body("earliestConfirmation", equalTo("2020-01-10"));
    }

    @Test
    void transfersBetweenCellsOutAndRemovalChangeTheCountsAtADate() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        String m1 = Api.official(org, a, "Lý Văn Thành", "2010-01-05", "2011-01-10");
        String m2 = Api.official(org, a, "Mai Thị Hồng", "2012-02-05", "2013-02-10");
        String m3 = admit(org, b, "Cao Minh Trí", "2021-02-01");
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(admin(), "/api/v1/members/" + m1 + "/cell-transfer", Map.of("toCellCode", b, "date", "2021-04-01")).statusCode(200)
                    .body("cellCode", equalTo(b));
            post(admin(), "/api/v1/members/" + m2 + "/transfer-out", Map.of("kind", "TEMPORARY", "date", "2021-05-01",
                    "destination", "Đảng bộ Sở Tài chính", "expectedReturn", "2021-06-01")).statusCode(422)
                    .body("earliestEnd", equalTo("2021-08-01")).body("latestEnd", equalTo("2022-05-01"));
            post(admin(), "/api/v1/members/" + m2 + "/transfer-out", Map.of("kind", "PERMANENT", "date", "2021-05-01",
                    "destination", "Đảng bộ Sở Tài chính")).statusCode(200).body("status", equalTo("TRANSFERRED_OUT"));
            post(admin(), "/api/v1/members/" + m2 + "/death", Map.of("date", "2021-06-01")).statusCode(409);
            post(admin(), "/api/v1/members/" + m1 + "/removal", Map.of("reason", "NOT_CONFIRMED", "date", "2021-06-01")).statusCode(409);
            post(admin(), "/api/v1/members/" + m3 + "/removal", Map.of("reason", "NOT_CONFIRMED", "date", "2021-03-01")).statusCode(200)
                    .body("status", equalTo("REMOVED"));

            EventEnvelope moved = probe.awaitType("member.transferred", 1).get(0);
            assertEquals(a, moved.payload().get("previousCellCode").asText());
            assertEquals(b, moved.payload().get("cellCode").asText());
            EventEnvelope out = probe.awaitType("member.transferred-out", 1).get(0);
            assertEquals("PERMANENT", out.payload().get("transferKind").asText());
            assertFalse(out.payload().get("onOfficialRoll").asBoolean());
            assertEquals("NOT_CONFIRMED", probe.awaitType("member.removed", 1).get(0).payload().get("reason").asText());
        }
        String stats = "/api/v1/organizations/" + org + "/statistics/members?date=";
        get(TestTokens.as(Roles.VIEWER), stats + "2021-03-15").statusCode(200).body("total", equalTo(2))
                .body("byStatus.OFFICIAL", equalTo(2)).body("byStatus.PROBATIONARY", equalTo(0)).body("byStatus.REMOVED", equalTo(1))
                .body("cells[0].total", equalTo(2));
        get(TestTokens.as(Roles.VIEWER), stats + "2021-02-15").statusCode(200).body("total", equalTo(3))
                .body("byStatus.PROBATIONARY", equalTo(1));
        get(TestTokens.as(Roles.VIEWER), stats + "2021-12-31").statusCode(200).body("total", equalTo(1))
                .body("byStatus.TRANSFERRED_OUT", equalTo(1));
        get(TestTokens.as(Roles.VIEWER), "/api/v1/organizations/" + org + "/statistics/changes?from=2021-01-01&to=2021-12-31")
                .statusCode(200).body("byKind.ADMITTED", equalTo(1)).body("byKind.TRANSFERRED", equalTo(1))
                .body("byKind.TRANSFERRED_OUT", equalTo(1)).body("byKind.REMOVED", equalTo(1)).body("byKind.CONFIRMED", equalTo(0));
    }

    @Test
    void personalDataOnlyForAdminPartyCommitteeAndTheSecretaryOfTheMembersCell() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        String id = Api.official(org, a, "Quách Thị Nguyệt", "2010-01-05", "2011-01-10");
        String path = "/api/v1/members/" + id;
        get(TestTokens.as(Roles.VIEWER), path).statusCode(403);
        get(TestTokens.as(Roles.INTEGRATION), path).statusCode(200).body("fullName", equalTo("Quách Thị Nguyệt"))
                .body("nationalId", nullValue()).body("dateOfBirth", nullValue()).body("residence", nullValue())
                .body("personalDataHidden", equalTo(true));
        get(TestTokens.as(Roles.INSPECTION_COMMITTEE), path).statusCode(200).body("nationalId", nullValue());
        get(TestTokens.as(Roles.PARTY_COMMITTEE), path).statusCode(200).body("nationalId", equalTo("074188001234"))
                .body("dateOfBirth", equalTo("1988-03-04")).body("residence", equalTo("Phường Phú Cường, Thủ Dầu Một"));
        get(TestTokens.cellSecretary(a), path).statusCode(200).body("nationalId", equalTo("074188001234"));
        get(TestTokens.cellSecretary(b), path).statusCode(403);
        get(TestTokens.as(Roles.VIEWER), "/api/v1/organizations/" + org + "/members").statusCode(403);
        get(TestTokens.as(Roles.INSPECTION_COMMITTEE), "/api/v1/organizations/" + org + "/members").statusCode(200)
                .body("total", equalTo(1)).body("items[0].nationalId", nullValue());
        get(TestTokens.cellSecretary(b), "/api/v1/organizations/" + org + "/members").statusCode(200).body("total", equalTo(0));
        get(TestTokens.as(Roles.DEPARTMENT_STAFF), path).statusCode(403);
    }

    @Test
    void aStaleVersionIsRefusedWith409() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        String id = Api.official(org, a, "Hà Văn Lâm", "2010-01-05", "2011-01-10");
        Map<String, Object> update = Map.of("identity", Api.identity("Hà Văn Lâm (đổi tên)"), "version", 0);
        io.restassured.RestAssured.given().auth().oauth2(admin()).contentType("application/json").body(update)
                .put("/api/v1/members/" + id).then().statusCode(200).body("version", equalTo(1));
        io.restassured.RestAssured.given().auth().oauth2(admin()).contentType("application/json").body(update)
                .put("/api/v1/members/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("currentVersion", equalTo(1));
    }

    @Test
    void oneMemberMayHoldPositionsInSeveralCommitteesButSeatsAreCapped() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        String chair = Api.official(org, a, "Trịnh Văn Khải", "2005-01-05", "2006-01-10");
        String other = Api.official(org, a, "Lâm Thị Thu", "2006-01-05", "2007-01-10");
        String exec = post(admin(), "/api/v1/organizations/" + org + "/committees", Map.of("kind", "EXECUTIVE", "termStartYear", 2020,
                "termEndYear", 2025, "seats", 1)).statusCode(201).extract().path("id");
        String insp = post(admin(), "/api/v1/organizations/" + org + "/committees", Map.of("kind", "INSPECTION", "termStartYear", 2020,
                "termEndYear", 2025, "seats", 5)).statusCode(201).extract().path("id");
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(admin(), "/api/v1/committees/" + exec + "/seats", Map.of("memberId", chair, "position", "DEPUTY_SECRETARY", "since", "2020-07-15"))
                    .statusCode(201).body("seatsFilled", equalTo(1));
            post(admin(), "/api/v1/committees/" + insp + "/seats", Map.of("memberId", chair, "position", "INSPECTION_CHAIR", "since", "2020-07-15"))
                    .statusCode(201);
            post(admin(), "/api/v1/committees/" + exec + "/seats", Map.of("memberId", other, "position", "MEMBER", "since", "2020-07-15"))
                    .statusCode(422).body("seats", equalTo(1)).body("seatsFilled", equalTo(1));
            post(admin(), "/api/v1/committees/" + insp + "/seats", Map.of("memberId", other, "position", "INSPECTION_CHAIR", "since", "2020-07-15"))
                    .statusCode(409);
            get(admin(), "/api/v1/members/" + chair + "/positions").statusCode(200).body("size()", equalTo(2));
            List<EventEnvelope> seats = probe.awaitType("committee.seat-assigned", 2);
            assertEquals(2, seats.size());
            assertEquals(2, seats.get(1).payload().get("positionsHeldByMember").size());
        }
    }

    @Test
    void memberListPagesByNameWithTheCellCodeOfEachMember() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String c = Api.unique("C");
        String org = Api.organization(a, b, c);
        Api.official(org, b, "Bùi Văn Ba", "2010-01-05", "2011-01-10");
        Api.official(org, a, "An Thị Một", "2010-01-05", "2011-01-10");
        Api.official(org, c, "Cao Văn Ba", "2010-01-05", "2011-01-10");
        Api.official(org, a, "Đỗ Thị Bốn", "2010-01-05", "2011-01-10");
        String list = "/api/v1/organizations/" + org + "/members";
        get(admin(), list + "?page=0&size=2").statusCode(200).body("total", equalTo(4))
                .body("items.fullName", equalTo(List.of("An Thị Một", "Bùi Văn Ba"))).body("items.cellCode", equalTo(List.of(a, b)))
                .body("items.organization", equalTo(List.of(org, org)));
        get(admin(), list + "?page=1&size=2").statusCode(200)
                .body("items.fullName", equalTo(List.of("Cao Văn Ba", "Đỗ Thị Bốn"))).body("items.cellCode", equalTo(List.of(c, a)));
        get(admin(), list + "?cell=" + a).statusCode(200).body("total", equalTo(2)).body("items.cellCode", equalTo(List.of(a, a)));
        get(TestTokens.cellSecretary(b), list).statusCode(200).body("total", equalTo(1))
                .body("items[0].cellCode", equalTo(b)).body("items[0].nationalId", equalTo("074188001234"));
        get(admin(), list + "?name=zzz-nobody").statusCode(200).body("total", equalTo(0)).body("items.size()", equalTo(0));
    }
}
