package vn.binhduong.sct.member;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static vn.binhduong.sct.member.Api.admin;
import static vn.binhduong.sct.member.Api.get;
import static vn.binhduong.sct.member.Api.post;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Who sees which member data (issue 12, points 2 and 5), and the access log of sensitive personal data. */
@QuarkusTest
class PersonalDataAccessTest {
    private static final String NATIONAL_ID = "074188001234";

    @Test
    void aViewerReadsAggregatesButNoMemberLevelData() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        String id = Api.official(org, a, "Phùng Văn Tư", "2010-01-05", "2011-01-10");
        post(admin(), "/api/v1/organizations/" + org + "/trainings", Map.of("memberId", id, "programme", "INTERMEDIATE_POLITICAL_THEORY",
                "year", 2021)).statusCode(201);
        post(admin(), "/api/v1/organizations/" + org + "/candidates", Map.of("fullName", "Lê Văn Nam", "cellCode", a,
                "awarenessClassDate", "2021-10-15")).statusCode(201);
        String committee = post(admin(), "/api/v1/organizations/" + org + "/committees", Map.of("kind", "EXECUTIVE", "termStartYear", 2020,
                "termEndYear", 2025, "seats", 3)).statusCode(201).extract().path("id");
        post(admin(), "/api/v1/organizations/" + org + "/evaluations", Map.of("year", 2021)).statusCode(201);
        String base = "/api/v1/organizations/" + org;
        for (String role : List.of(Roles.VIEWER, Roles.DEPARTMENT_STAFF)) {
            String t = TestTokens.as(role);
            for (String path : List.of("/api/v1/members/" + id, "/api/v1/members/" + id + "/positions", base + "/members",
                    base + "/members?after=", base + "/trainings", base + "/candidates", base + "/committees",
                    "/api/v1/committees/" + committee, base + "/evaluations/2021/member-ratings", "/api/v1/personal-data-reads")) {
                get(t, path).statusCode(403).contentType("application/problem+json");
            }
        }
        String viewer = TestTokens.as(Roles.VIEWER);
        get(viewer, base + "/statistics/members?date=2021-12-31").statusCode(200).body("total", equalTo(1));
        get(viewer, base + "/statistics/ratings?year=2021").statusCode(200).body("membersOnRoll", equalTo(1));
        get(viewer, base + "/evaluations/2021").statusCode(200);
        get(viewer, base + "/cells").statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void inspectionCommitteeAndIntegrationSeeMemberRecordsWithoutSensitivePersonalData() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        post(admin(), "/api/v1/organizations/" + org + "/members", Map.of("identity", Map.of("fullName", "Sơn Thị Ánh", "gender", "FEMALE",
                "ethnicity", "Khmer", "religious", true, "dateOfBirth", "1988-03-04", "nationalId", NATIONAL_ID, "residence", "Dĩ An"),
                "cellCode", a, "status", "OFFICIAL", "admissionDate", "2010-01-05", "confirmationDate", "2011-01-10", "onRollSince",
                "2021-01-01")).statusCode(201);
        String id = get(admin(), "/api/v1/organizations/" + org + "/members").extract().path("items[0].id");
        for (String role : List.of(Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION)) {
            String t = TestTokens.as(role);
            for (String path : List.of("/api/v1/members/" + id, "/api/v1/organizations/" + org + "/members?after=")) {
                var body = get(t, path).statusCode(200).extract().body().asString();
                assertFalse(body.contains(NATIONAL_ID), role + " must not see the national ID: " + body);
                assertFalse(body.contains("Khmer"), role + " must not see the ethnicity: " + body);
                assertFalse(body.contains("1988-03-04"), role + " must not see the date of birth: " + body);
                assertFalse(body.contains("Dĩ An"), role + " must not see the residence: " + body);
                assertFalse(body.contains("\"religious\":true"), role + " must not see the religion flag: " + body);
            }
            get(t, "/api/v1/members/" + id).body("fullName", equalTo("Sơn Thị Ánh")).body("religious", nullValue())
                    .body("ethnicity", nullValue()).body("personalDataHidden", equalTo(true));
        }
        get(TestTokens.as(Roles.PARTY_COMMITTEE), "/api/v1/members/" + id).statusCode(200).body("religious", equalTo(true))
                .body("ethnicity", equalTo("Khmer")).body("nationalId", equalTo(NATIONAL_ID)).body("personalDataHidden", equalTo(false));
        get(TestTokens.cellSecretary(a), "/api/v1/members/" + id).statusCode(200).body("religious", equalTo(true));
    }

    @Test
    void aCellSecretarySeesOnlyTheirOwnCellsPositionsTrainingsAndCandidates() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        String inA = Api.official(org, a, "Trần Văn A", "2010-01-05", "2011-01-10");
        String inB = Api.official(org, b, "Trần Văn B", "2010-01-05", "2011-01-10");
        String base = "/api/v1/organizations/" + org;
        for (String m : List.of(inA, inB)) {
            post(admin(), base + "/trainings", Map.of("memberId", m, "programme", "INTERMEDIATE_POLITICAL_THEORY", "year", 2021)).statusCode(201);
        }
        post(admin(), base + "/candidates", Map.of("fullName", "Ứng Viên A", "cellCode", a, "awarenessClassDate", "2021-10-15")).statusCode(201);
        post(admin(), base + "/candidates", Map.of("fullName", "Ứng Viên B", "cellCode", b, "awarenessClassDate", "2021-10-15")).statusCode(201);
        String secretaryA = TestTokens.cellSecretary(a);
        get(secretaryA, "/api/v1/members/" + inB + "/positions").statusCode(403).contentType("application/problem+json");
        get(secretaryA, "/api/v1/members/" + inA + "/positions").statusCode(200);
        get(secretaryA, base + "/trainings").statusCode(200).body("total", equalTo(1)).body("items.memberId", equalTo(List.of(inA)));
        get(secretaryA, base + "/candidates").statusCode(200).body("total", equalTo(1)).body("items.fullName", equalTo(List.of("Ứng Viên A")));
        get(admin(), base + "/trainings").statusCode(200).body("total", equalTo(2));
        get(admin(), base + "/candidates").statusCode(200).body("total", equalTo(2));
        // a secretary of another organisation's cell reads none of this one's records
        String x = Api.unique("X");
        Api.organization(x);
        get(TestTokens.cellSecretary(x), base + "/trainings").statusCode(403);
        get(TestTokens.cellSecretary(x), base + "/candidates").statusCode(403);
    }

    @Test
    void everyReadOfPersonalDataIsLoggedWithoutTheDataAndOnlyAdminsReadTheLog() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        String m1 = Api.official(org, a, "Nhật Ký Một", "2010-01-05", "2011-01-10");
        String m2 = Api.official(org, a, "Nhật Ký Hai", "2010-01-05", "2011-01-10");
        String log = "/api/v1/personal-data-reads";
        // creating a member answers with its personal data: that answer is logged too
        get(admin(), log + "?member=" + m1).statusCode(200).body("items", hasSize(1)).body("items[0].operation", equalTo("registerMember"));

        String committee = TestTokens.as(Roles.PARTY_COMMITTEE);
        get(committee, "/api/v1/members/" + m1).statusCode(200).body("nationalId", equalTo(NATIONAL_ID));
        get(TestTokens.as(Roles.INSPECTION_COMMITTEE), "/api/v1/members/" + m1).statusCode(200); // no personal data: not logged
        get(TestTokens.cellSecretary(a), "/api/v1/organizations/" + org + "/members?after=").statusCode(200).body("items", hasSize(2));

        var entries = get(admin(), log + "?member=" + m1).statusCode(200).body("items", hasSize(3)).extract().jsonPath();
        assertEquals("getMember", entries.getString("items[1].operation"));
        assertEquals("GET /api/v1/members/{id}", entries.getString("items[1].endpoint"));
        assertEquals("test-party-committee", entries.getString("items[1].subject"));
        assertEquals("party-committee", entries.getString("items[1].roles"));
        assertEquals(m1, entries.getString("items[1].memberId"));
        assertNotNull(entries.getString("items[1].at"));
        assertEquals("listMembers", entries.getString("items[2].operation"));
        assertEquals("secretary-" + a, entries.getString("items[2].subject"));
        assertEquals("GET /api/v1/organizations/{org}/members", entries.getString("items[2].endpoint"));
        get(admin(), log + "?member=" + m2).statusCode(200).body("items", hasSize(2)).body("items.memberId", everyItem(equalTo(m2)));
        String whole = get(admin(), log + "?member=" + m1).extract().body().asString();
        assertFalse(whole.contains(NATIONAL_ID) || whole.contains("1988-03-04") || whole.contains("Phú Cường"), "the log holds no personal data");

        // keyset pages over the log, no entry twice, the total only when asked for
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String first = log + "?member=" + m1 + "&from=" + today + "&to=" + today + "&size=2";
        var p1 = get(admin(), first).statusCode(200).body("items", hasSize(2)).body("next", notNullValue()).body("total", nullValue())
                .extract().jsonPath();
        var p2 = get(admin(), first + "&after=" + p1.getString("next") + "&total=true").statusCode(200).body("items", hasSize(1))
                .body("next", nullValue()).body("total", equalTo(3)).extract().jsonPath();
        Set<Long> ids = new HashSet<>(p1.getList("items.id", Long.class));
        ids.addAll(p2.getList("items.id", Long.class));
        assertEquals(3, ids.size());
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        get(admin(), log + "?member=" + m1 + "&to=" + yesterday).statusCode(200).body("items", hasSize(0));
        get(admin(), log + "?after=not-a-cursor").statusCode(400).contentType("application/problem+json");
        get(admin(), log + "?from=" + today + "&to=" + yesterday).statusCode(400).contentType("application/problem+json");
        for (String role : List.of(Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION, Roles.VIEWER)) {
            get(TestTokens.as(role), log).statusCode(403);
        }
        get(TestTokens.cellSecretary(a), log).statusCode(403);
        get(admin(), log).statusCode(200).body("items.operation", not(hasSize(0)));
    }

    /**
     * Issue 16: a page of the member list by cursor writes one log row for the members it serves (read and row in one
     * statement), and the log still answers one entry per member: every member of the page, in the page's order, the
     * caller, the operation. Callers served no personal data write nothing.
     */
    @Test
    void aCursorPageServedWithPersonalDataRecordsEveryMemberOfThePageInTheLog() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        List<String> members = List.of(Api.official(org, a, "Sổ Ghi Một", "2010-01-05", "2011-01-10"),
                Api.official(org, b, "Sổ Ghi Hai", "2010-01-05", "2011-01-10"),
                Api.official(org, a, "Sổ Ghi Ba", "2010-01-05", "2011-01-10"));
        String list = "/api/v1/organizations/" + org + "/members";
        String log = "/api/v1/personal-data-reads";
        String committee = TestTokens.as(Roles.PARTY_COMMITTEE);

        JsonPath first = get(committee, list + "?after=&size=2").statusCode(200).body("items", hasSize(2))
                .body("items[0].nationalId", equalTo(NATIONAL_ID)).extract().jsonPath();
        List<String> page1 = first.getList("items.id");
        List<String> page2 = get(committee, list + "?size=2&after=" + first.getString("next")).statusCode(200).body("items", hasSize(1))
                .extract().jsonPath().getList("items.id");
        // each member's newest entry is this list read, by this caller; the two members of page 1 share one row, in order
        Map<String, Object> e1 = newest(log, page1.get(0));
        Map<String, Object> e2 = newest(log, page1.get(1));
        Map<String, Object> e3 = newest(log, page2.get(0));
        for (Map<String, Object> e : List.of(e1, e2, e3)) {
            assertEquals("listMembers", e.get("operation"));
            assertEquals("GET /api/v1/organizations/{org}/members", e.get("endpoint"));
            assertEquals("test-party-committee", e.get("subject"));
            assertEquals("party-committee", e.get("roles"));
        }
        assertEquals(e1.get("id"), e2.get("id"), "one row for the page");
        assertEquals(List.of(1, 2), List.of(e1.get("position"), e2.get("position")));
        assertNotEquals(e1.get("id"), e3.get("id"));
        assertEquals(1, e3.get("position"));
        assertEquals(Set.copyOf(members), Set.of(page1.get(0), page1.get(1), page2.get(0)));

        // the whole log by cursor walks the row's members one by one: size 1 from just before the row
        long row = ((Number) e1.get("id")).longValue();
        JsonPath one = get(admin(), log + "?size=1&after=" + Cursor.after(row, 0)).statusCode(200).body("items[0].memberId", equalTo(page1.get(0)))
                .extract().jsonPath();
        get(admin(), log + "?size=1&after=" + one.getString("next")).statusCode(200).body("items[0].id", equalTo((int) row))
                .body("items[0].position", equalTo(2)).body("items[0].memberId", equalTo(page1.get(1)));
        // a cursor from before one row per answer (the row id alone) still reads on from the next row
        get(admin(), log + "?size=1&after=" + Cursor.after(row - 1)).statusCode(200).body("items[0].id", equalTo((int) row))
                .body("items[0].position", equalTo(1));

        // a secretary's page of their own cell is logged as theirs; integration and inspection pages log nothing
        get(TestTokens.cellSecretary(a), list + "?after=&size=10").statusCode(200).body("items", hasSize(2));
        assertEquals("secretary-" + a, newest(log, members.get(0)).get("subject"));
        int before = entries(log, members.get(1));
        get(TestTokens.as(Roles.INTEGRATION), list + "?after=&size=10").statusCode(200).body("items", hasSize(3))
                .body("items.nationalId", everyItem(nullValue()));
        get(TestTokens.as(Roles.INSPECTION_COMMITTEE), list + "?after=&size=10").statusCode(200).body("items", hasSize(3));
        assertEquals(before, entries(log, members.get(1)));
    }

    private static Map<String, Object> newest(String log, String member) {
        List<Map<String, Object>> items = get(admin(), log + "?size=500&member=" + member).statusCode(200).extract().jsonPath().getList("items");
        return items.get(items.size() - 1);
    }

    private static int entries(String log, String member) {
        return get(admin(), log + "?size=500&member=" + member).statusCode(200).extract().jsonPath().getList("items").size();
    }
}
