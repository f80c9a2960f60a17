package vn.binhduong.sct.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhduong.sct.member.Api.admin;
import static vn.binhduong.sct.member.Api.admit;
import static vn.binhduong.sct.member.Api.get;
import static vn.binhduong.sct.member.Api.post;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.member.service.EvaluationService;
import vn.binhduong.sct.member.service.EvaluationTally;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

/**
 * The figures of an evaluation year are kept up to date by every command (not rebuilt from the whole history on each
 * read): they must equal a recount from scratch after any sequence of lifecycle commands and ratings.
 */
@QuarkusTest
class EvaluationTallyTest {
    private static final String TOPIC = "sct.member.events";

    @Inject
    EvaluationService evaluations;

    private static String member(String id) {
        return "/api/v1/members/" + id;
    }

    private static String transferIn(String org, String cell, String kind, String date, String expectedReturn) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("identity", Api.identity("Người chuyển đến " + kind), "cellCode", cell,
                "kind", kind, "date", date, "origin", "Đảng bộ Sở Xây dựng", "status", "OFFICIAL", "admissionDate", "2012-03-03",
                "confirmationDate", "2013-03-03"));
        if (expectedReturn != null) {
            body.put("expectedReturn", expectedReturn);
        }
        return post(admin(), "/api/v1/organizations/" + org + "/members/transfers-in", body).statusCode(201).extract().path("id");
    }

    @Test
    @TestTransaction // only for the recount read through the injected service; every command goes through the API
    void statisticsAfterLifecycleCommandsAndRatingsEqualARecountFromScratch() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        String[] o = new String[8];
        for (int i = 1; i <= 6; i++) {
            o[i] = Api.official(org, a, "Đảng viên " + i, "2010-01-05", "2011-01-10");
        }
        String base = "/api/v1/organizations/" + org + "/evaluations";
        // opened with 6 on the roll: counted once from the registry, then kept up to date command by command
        post(admin(), base, Map.of("year", 2021, "evaluationDate", "2021-12-20")).statusCode(201).body("membersOnRoll", equalTo(6));
        post(admin(), base, Map.of("year", 2022, "evaluationDate", "2022-12-20")).statusCode(201).body("membersOnRoll", equalTo(6));

        o[7] = Api.official(org, b, "Đảng viên 7", "2010-01-05", "2011-01-10");
        String p1 = admit(org, a, "Dự bị gần đây", "2021-09-01");       // on the 2021 roll, admitted < 6 months before
        String p2 = admit(org, a, "Dự bị đầu năm", "2021-03-01");
        String t1 = transferIn(org, b, "PERMANENT", "2021-05-01", null);
        transferIn(org, b, "TEMPORARY", "2021-10-01", "2022-03-01");    // attends here, not on this roll
        List<String> rated = List.of(o[1], o[2], o[3], o[4], o[5], o[6], o[7], p2, t1);
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", Api.ratings(rated, 1))).statusCode(200);
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", p1, "rating", "GOOD")))).statusCode(422);

        post(admin(), member(p2) + "/confirmation", Map.of("confirmationDate", "2022-03-01")).statusCode(200);
        post(admin(), member(o[2]) + "/cell-transfer", Map.of("toCellCode", b, "date", "2021-07-01")).statusCode(200);
        post(admin(), member(o[3]) + "/transfer-out", Map.of("kind", "TEMPORARY", "date", "2021-08-01", "destination",
                "Đảng bộ Sở Tài chính", "expectedReturn", "2022-02-01")).statusCode(200);
        post(admin(), member(o[3]) + "/return", Map.of("date", "2022-01-10")).statusCode(200);
        // backdated before the evaluation date: o4 and o6 leave the 2021 roll, their 2021 ratings no longer count
        post(admin(), member(o[4]) + "/removal", Map.of("reason", "STRUCK_OFF", "date", "2021-11-01")).statusCode(200);
        post(admin(), member(o[6]) + "/transfer-out", Map.of("kind", "PERMANENT", "date", "2021-06-01", "destination",
                "Đảng bộ Sở Tài chính")).statusCode(200);
        post(admin(), member(o[5]) + "/death", Map.of("date", "2022-02-01")).statusCode(200);
        post(admin(), member(o[7]) + "/suspension", Map.of("from", "2021-12-01", "until", "2022-01-31")).statusCode(200);
        post(admin(), member(t1) + "/suspension", Map.of("from", "2022-01-01")).statusCode(200);
        post(admin(), base + "/2022/member-ratings", Map.of("ratings", List.of(Map.of("memberId", o[1], "rating", "GOOD")))).statusCode(200);

        String stats = "/api/v1/organizations/" + org + "/statistics/ratings?year=";
        // 2021: o1 o2 o3 o5 o7 p1 p2 t1 on the roll; p1 admitted recently; o7 suspended; o1 excellent, o2 o3 o5 p2 t1 good
        JsonPath y2021 = get(TestTokens.as(Roles.VIEWER), stats + 2021).statusCode(200).body("membersOnRoll", equalTo(8))
                .body("notRatedAdmittedRecently", equalTo(1)).body("notRatedSuspended", equalTo(1)).body("eligibleMembers", equalTo(6))
                .body("ratedMembers", equalTo(6)).body("membersByRating.EXCELLENT", equalTo(1)).body("membersByRating.GOOD", equalTo(5))
                .extract().jsonPath();
        assertSameAsRecount(org, 2021, y2021);
        // 2022: o5 died, o3 is back, o7's suspension is over, t1 suspended, p1 no longer recent; only o1 rated yet
        JsonPath y2022 = get(TestTokens.as(Roles.VIEWER), stats + 2022).statusCode(200).body("membersOnRoll", equalTo(7))
                .body("notRatedAdmittedRecently", equalTo(0)).body("notRatedSuspended", equalTo(1)).body("eligibleMembers", equalTo(6))
                .body("ratedMembers", equalTo(1)).body("membersByRating.GOOD", equalTo(1)).extract().jsonPath();
        assertSameAsRecount(org, 2022, y2022);

        post(admin(), base + "/2021/finalization", null).statusCode(200).body("membersOnRoll", equalTo(8))
                .body("ratedMembers", equalTo(6)).body("goodOrBetter", equalTo(6)).body("maxExcellent", equalTo(1));
    }

    @Test
    @TestTransaction // only for the recount read through the injected service
    void ratingsAndBackdatedRemovalsOfTheSameMembersAtTheSameTimeStillEqualARecount() throws Exception {
        String a = Api.unique("A");
        String org = Api.organization(a);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(Api.official(org, a, "Đảng viên " + i, "2010-01-05", "2011-01-10"));
        }
        String base = "/api/v1/organizations/" + org + "/evaluations";
        post(admin(), base, Map.of("year", 2021, "evaluationDate", "2021-12-20")).statusCode(201);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (String id : ids) {
                // each member rated and struck off (before the evaluation date) by two requests racing each other
                done.add(pool.submit(() -> post(admin(), base + "/2021/member-ratings",
                        Map.of("ratings", List.of(Map.of("memberId", id, "rating", "GOOD"))))));
                done.add(pool.submit(() -> post(admin(), member(id) + "/removal", Map.of("reason", "STRUCK_OFF", "date", "2021-11-01"))
                        .statusCode(200)));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonPath served = get(admin(), "/api/v1/organizations/" + org + "/statistics/ratings?year=2021").statusCode(200)
                .body("membersOnRoll", equalTo(0)).body("ratedMembers", equalTo(0)).extract().jsonPath();
        assertSameAsRecount(org, 2021, served);
    }

    void assertSameAsRecount(String org, int year, JsonPath served) {
        EvaluationTally.Figures f = evaluations.recount(org, year);
        assertEquals(f.onRoll(), served.getInt("membersOnRoll"), "on roll, " + year);
        assertEquals(f.admittedRecently(), served.getInt("notRatedAdmittedRecently"), "admitted recently, " + year);
        assertEquals(f.suspended(), served.getInt("notRatedSuspended"), "suspended, " + year);
        assertEquals(f.rated(), served.getInt("ratedMembers"), "rated, " + year);
        for (Map.Entry<String, Integer> e : f.byRating().entrySet()) {
            assertEquals(e.getValue(), served.getInt("membersByRating." + e.getKey()), e.getKey() + ", " + year);
        }
    }

    @Test
    void theCellsOfAYearServedAgainShowEveryCellRatingAndNewCell() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        String base = "/api/v1/organizations/" + org + "/evaluations";
        String stats = "/api/v1/organizations/" + org + "/statistics/ratings?year=2021";
        post(admin(), base, Map.of("year", 2021, "evaluationDate", "2021-12-20")).statusCode(201);
        get(admin(), stats).statusCode(200).body("cells.size()", equalTo(2)).body("cells[0].rating", nullValue())
                .body("cellsByRating.GOOD", equalTo(0));
        get(admin(), stats).statusCode(200).body("cells[0].cellCode", equalTo(a)).body("cells[1].cellName", equalTo("Chi bộ " + b));
        post(admin(), base + "/2021/cell-ratings", Map.of("cellCode", a, "rating", "GOOD")).statusCode(200);
        get(admin(), stats).statusCode(200).body("cells[0].rating", equalTo("GOOD")).body("cellsByRating.GOOD", equalTo(1));
        post(admin(), base + "/2021/cell-ratings", Map.of("cellCode", a, "rating", "EXCELLENT")).statusCode(200);
        get(admin(), stats).statusCode(200).body("cells[0].rating", equalTo("EXCELLENT")).body("cellsByRating.GOOD", equalTo(0))
                .body("cellsByRating.EXCELLENT", equalTo(1));
        String c = "Z" + a;
        post(admin(), "/api/v1/organizations/" + org + "/cells", Map.of("code", c, "name", "Chi bộ mới")).statusCode(201);
        get(admin(), stats).statusCode(200).body("cells.size()", equalTo(3)).body("cells[2].cellCode", equalTo(c))
                .body("cells[2].rating", nullValue());
    }

    @Test
    void finalisationCountsOnlyRatingsOfMembersOnTheRollAtTheEvaluationDate() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.official(org, a, "Đảng viên " + i, "2010-01-05", "2011-01-10"));
        }
        String base = "/api/v1/organizations/" + org + "/evaluations";
        post(admin(), base, Map.of("year", 2021, "evaluationDate", "2021-12-20")).statusCode(201);
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", Api.ratings(ids, 1))).statusCode(200);
        // struck off with effect before the evaluation date, after being rated: not a member of the 2021 roll any more
        post(admin(), member(ids.get(4)) + "/removal", Map.of("reason", "STRUCK_OFF", "date", "2021-11-01")).statusCode(200);
        post(admin(), base + "/2021/finalization", null).statusCode(422).body("type", containsString("excellent-quota-exceeded"))
                .body("excellent", equalTo(1)).body("goodOrBetter", equalTo(4)).body("maxExcellent", equalTo(0));
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", ids.get(0), "rating", "GOOD"))))
                .statusCode(200);
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(admin(), base + "/2021/finalization", null).statusCode(200).body("membersOnRoll", equalTo(4))
                    .body("ratedMembers", equalTo(4)).body("membersByRating.GOOD", equalTo(4));
            JsonNode p = probe.awaitType("evaluation.year-finalized", 1).stream().filter(e -> org.equals(e.organization()))
                    .findFirst().orElseThrow().payload();
            assertEquals(4, p.get("membersOnRoll").asInt());
            assertEquals(4, p.get("ratedMembers").asInt());
            assertEquals(4, p.get("membersByRating").get("GOOD").asInt());
        }
    }

    @Test
    void aMemberTemporarilyTransferredOutReturnsToTheirCellAndStaysOnTheRoll() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        String away = Api.official(org, a, "Phan Văn Tạm", "2010-01-05", "2011-01-10");
        String home = Api.official(org, a, "Võ Thị Ở", "2010-01-05", "2011-01-10");
        post(admin(), member(home) + "/return", Map.of("date", "2021-09-01")).statusCode(409)
                .body("type", containsString("not-temporarily-away"));
        post(admin(), member(away) + "/transfer-out", Map.of("kind", "TEMPORARY", "date", "2021-03-01", "destination",
                "Đảng bộ Sở Tài chính", "expectedReturn", "2021-09-01")).statusCode(200).body("temporarilyAwayUntil", equalTo("2021-09-01"));
        post(admin(), member(away) + "/transfer-out", Map.of("kind", "TEMPORARY", "date", "2021-04-01", "destination",
                "Đảng bộ Sở Xây dựng", "expectedReturn", "2021-09-01")).statusCode(409);
        post(admin(), member(away) + "/return", Map.of("date", "2021-02-01")).statusCode(422)
                .body("type", containsString("before-last-change"));
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(admin(), member(away) + "/return", Map.of("date", "2021-08-20")).statusCode(200).body("status", equalTo("OFFICIAL"))
                    .body("cellCode", equalTo(a)).body("temporarilyAwayUntil", nullValue());
            EventEnvelope e = probe.awaitType("member.returned", 1).get(0);
            JsonNode p = e.payload();
            assertEquals(org, e.organization());
            assertEquals(away, p.get("memberId").asText());
            assertEquals("RETURNED", p.get("kind").asText());
            assertEquals("2021-08-20", p.get("effectiveDate").asText());
            assertEquals("OFFICIAL", p.get("status").asText());
            assertTrue(p.get("onOfficialRoll").asBoolean());
            assertEquals(a, p.get("cellCode").asText());
            assertEquals("TEMPORARY", p.get("transferKind").asText());
            assertEquals("Đảng bộ Sở Tài chính", p.get("counterpart").asText());
            assertEquals("2021-09-01", p.get("expectedReturn").asText());
        }
        post(admin(), member(away) + "/return", Map.of("date", "2021-09-01")).statusCode(409);
        get(TestTokens.as(Roles.VIEWER), "/api/v1/organizations/" + org + "/statistics/changes?from=2021-01-01&to=2021-12-31")
                .statusCode(200).body("byKind.RETURNED", equalTo(1)).body("byKind.TRANSFERRED_OUT", equalTo(1))
                .body("byKind.TRANSFERRED_IN", equalTo(0));
        get(TestTokens.as(Roles.VIEWER), "/api/v1/organizations/" + org + "/statistics/members?date=2021-12-31").statusCode(200)
                .body("total", equalTo(2)).body("byStatus.OFFICIAL", equalTo(2));
    }

    @Test
    void aCellsSecretaryAndDeputyAreSeatsOfItsCellCommitteeWithTheirOwnEvents() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        String inA = Api.official(org, a, "Huỳnh Văn Bí", "2008-01-05", "2009-01-10");
        String deputy = Api.official(org, a, "Đỗ Thị Phó", "2009-01-05", "2010-01-10");
        String inB = Api.official(org, b, "Lê Văn Khác", "2008-01-05", "2009-01-10");
        String committees = "/api/v1/organizations/" + org + "/committees";
        post(admin(), committees, Map.of("kind", "CELL", "termStartYear", 2020, "termEndYear", 2025, "seats", 2)).statusCode(400);
        post(admin(), committees, Map.of("kind", "EXECUTIVE", "termStartYear", 2020, "termEndYear", 2025, "seats", 11, "cellCode", a))
                .statusCode(400);
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            String cell = post(admin(), committees, Map.of("kind", "CELL", "termStartYear", 2020, "termEndYear", 2025, "seats", 2,
                    "cellCode", a)).statusCode(201).body("cellCode", equalTo(a)).body("kind", equalTo("CELL")).extract().path("id");
            // each cell has its own; the organisation's executive committee of the same term is another one
            post(admin(), committees, Map.of("kind", "CELL", "termStartYear", 2020, "termEndYear", 2025, "seats", 2, "cellCode", b))
                    .statusCode(201);
            post(admin(), committees, Map.of("kind", "CELL", "termStartYear", 2020, "termEndYear", 2025, "seats", 2, "cellCode", a))
                    .statusCode(409);
            post(admin(), committees, Map.of("kind", "EXECUTIVE", "termStartYear", 2020, "termEndYear", 2025, "seats", 11)).statusCode(201);
            String seats = "/api/v1/committees/" + cell + "/seats";
            post(admin(), seats, Map.of("memberId", inB, "position", "SECRETARY", "since", "2021-03-01")).statusCode(422)
                    .body("type", containsString("member-of-other-cell"));
            post(admin(), seats, Map.of("memberId", inA, "position", "INSPECTION_CHAIR", "since", "2021-03-01")).statusCode(422);
            post(admin(), seats, Map.of("memberId", inA, "position", "SECRETARY", "since", "2021-03-01")).statusCode(201)
                    .body("seatsFilled", equalTo(1)).body("members[0].position", equalTo("SECRETARY"));
            post(admin(), seats, Map.of("memberId", deputy, "position", "DEPUTY_SECRETARY", "since", "2021-03-01")).statusCode(201)
                    .body("seatsFilled", equalTo(2));
            get(admin(), member(inA) + "/positions").statusCode(200).body("[0].committeeKind", equalTo("CELL"))
                    .body("[0].cellCode", equalTo(a));
            get(TestTokens.cellSecretary(a), committees).statusCode(200).body("size()", equalTo(3))
                    .body("[0].kind", equalTo("EXECUTIVE")).body("[0].cellCode", nullValue());

            JsonNode formed = probe.awaitType("cell-committee.formed", 2).stream().filter(e -> org.equals(e.organization()))
                    .filter(e -> cell.equals(e.payload().get("committeeId").asText())).findFirst().orElseThrow().payload();
            assertEquals(a, formed.get("cellCode").asText());
            assertEquals("CELL", formed.get("kind").asText());
            assertEquals(2, formed.get("seats").asInt());
            JsonNode seat = probe.awaitType("cell-committee.seat-assigned", 2).stream().filter(e -> org.equals(e.organization()))
                    .filter(e -> inA.equals(e.payload().get("memberId").asText())).findFirst().orElseThrow().payload();
            assertEquals("SECRETARY", seat.get("position").asText());
            assertEquals(a, seat.get("cellCode").asText());
            assertEquals("2021-03-01", seat.get("since").asText());
            // the organisation's committees keep their own event, without a cell
            JsonNode exec = probe.awaitType("committee.formed", 1).stream().filter(e -> org.equals(e.organization())).findFirst()
                    .orElseThrow().payload();
            assertEquals("EXECUTIVE", exec.get("kind").asText());
            assertTrue(!exec.has("cellCode"), "an organisation committee's event names no cell");
        }
    }

    @Test
    void aCellSecretaryOfAnotherOrganisationDoesNotSeeItsCommittees() {
        String x = Api.unique("X");
        String y = Api.unique("Y");
        String orgX = Api.organization(x);
        String orgY = Api.organization(y);
        String committee = post(admin(), "/api/v1/organizations/" + orgY + "/committees", Map.of("kind", "EXECUTIVE", "termStartYear",
                2020, "termEndYear", 2025, "seats", 11)).statusCode(201).extract().path("id");
        get(TestTokens.cellSecretary(x), "/api/v1/committees/" + committee).statusCode(404);
        get(TestTokens.cellSecretary(x), "/api/v1/organizations/" + orgY + "/committees").statusCode(403);
        get(TestTokens.cellSecretary(y), "/api/v1/committees/" + committee).statusCode(200).body("organization", equalTo(orgY));
        get(TestTokens.cellSecretary(y), "/api/v1/organizations/" + orgY + "/committees").statusCode(200).body("size()", equalTo(1));
        get(TestTokens.cellSecretary(x), "/api/v1/organizations/" + orgX + "/committees").statusCode(200).body("size()", equalTo(0));
        get(TestTokens.as(Roles.VIEWER), "/api/v1/committees/" + committee).statusCode(403);
        get(TestTokens.as(Roles.INTEGRATION), "/api/v1/committees/" + committee).statusCode(200);
    }
}
