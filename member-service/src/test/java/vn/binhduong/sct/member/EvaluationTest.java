package vn.binhduong.sct.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.binhduong.sct.member.Api.admin;
import static vn.binhduong.sct.member.Api.get;
import static vn.binhduong.sct.member.Api.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
class EvaluationTest {
    private static final String TOPIC = "sct.member.events";

    private static List<String> members(String org, String cell, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Api.official(org, cell, "Đảng viên " + i, "2010-01-05", "2011-01-10"));
        }
        return ids;
    }

    @Test
    void refusesThirteenthExcellentOverQuotaThenFinalisesAndLocksTheYear() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        List<String> ids = members(org, a, 60);
        String base = "/api/v1/organizations/" + org + "/evaluations";
        post(admin(), base, Map.of("year", 2021, "evaluationDate", "2021-12-20")).statusCode(201).body("ruleSet", equalTo("HD21_2019"))
                .body("eligibleMembers", equalTo(60));
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", Api.ratings(ids, 13))).statusCode(200);
        post(admin(), base + "/2021/finalization", null).statusCode(422).contentType("application/problem+json")
                .body("type", containsString("excellent-quota-exceeded"))
                .body("detail", containsString("13 of 60")).body("excellent", equalTo(13)).body("goodOrBetter", equalTo(60))
                .body("maxExcellent", equalTo(12));
        get(admin(), base + "/2021").body("status", equalTo("OPEN"));

        post(admin(), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", ids.get(12), "rating", "GOOD"))))
                .statusCode(200);
        post(admin(), base + "/2021/cell-ratings", Map.of("cellCode", a, "rating", "EXCELLENT")).statusCode(200);
        post(admin(), base + "/2021/organization-rating", Map.of("rating", "EXCELLENT")).statusCode(200);
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(admin(), base + "/2021/finalization", null).statusCode(200).body("status", equalTo("FINALIZED"))
                    .body("membersByRating.EXCELLENT", equalTo(12)).body("membersByRating.GOOD", equalTo(48));
            EventEnvelope e = probe.awaitType("evaluation.year-finalized", 1).get(0);
            JsonNode p = e.payload();
            assertEquals(2021, p.get("year").asInt());
            assertEquals(60, p.get("ratedMembers").asInt());
            assertEquals(12, p.get("membersByRating").get("EXCELLENT").asInt());
            assertEquals(48, p.get("membersByRating").get("GOOD").asInt());
            assertEquals(1, p.get("cellsByRating").get("EXCELLENT").asInt());
            assertEquals("EXCELLENT", p.get("organizationRating").asText());
        }
        // locked
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", ids.get(0), "rating", "GOOD"))))
                .statusCode(409).body("type", containsString("evaluation-year-locked"));
        post(admin(), base + "/2021/cell-ratings", Map.of("cellCode", a, "rating", "GOOD")).statusCode(409);
        // reopening needs a reason and is audited
        post(admin(), base + "/2021/reopening", Map.of("reason", "")).statusCode(400);
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            post(TestTokens.as(Roles.PARTY_COMMITTEE), base + "/2021/reopening", Map.of("reason", "Đảng ủy khối yêu cầu xét lại"))
                    .statusCode(200).body("status", equalTo("OPEN")).body("audit.size()", equalTo(2))
                    .body("audit[1].action", equalTo("REOPENED")).body("audit[1].reason", equalTo("Đảng ủy khối yêu cầu xét lại"));
            assertEquals("Đảng ủy khối yêu cầu xét lại", probe.awaitType("evaluation.year-reopened", 1).get(0).payload().get("reason").asText());
        }
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", ids.get(0), "rating", "GOOD"))))
                .statusCode(200);
    }

    @Test
    void membersAdmittedWithinSixMonthsOrSuspendedAreNotRatedAndFinalisingNeedsEveryoneElseRated() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        List<String> ids = members(org, a, 3);
        String recent = Api.admit(org, a, "Kha Thị Mới", "2021-07-01");
        String older = Api.admit(org, a, "Kha Văn Cũ", "2021-06-20");
        post(admin(), "/api/v1/members/" + ids.get(2) + "/suspension", Map.of("from", "2021-11-01", "until", "2022-02-01")).statusCode(200);
        String base = "/api/v1/organizations/" + org + "/evaluations";
        post(admin(), base, Map.of("year", 2021, "evaluationDate", "2021-12-20")).statusCode(201)
                .body("membersOnRoll", equalTo(5)).body("eligibleMembers", equalTo(3))
                .body("notRatedAdmittedRecently", equalTo(1)).body("notRatedSuspended", equalTo(1));
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", recent, "rating", "GOOD"))))
                .statusCode(422).body("type", containsString("member-not-rated")).body("admittedNoLaterThan", equalTo("2021-06-20"));
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", ids.get(2), "rating", "GOOD"))))
                .statusCode(422).body("detail", containsString("suspended"));
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", older, "rating", "GOOD"),
                Map.of("memberId", ids.get(0), "rating", "GOOD")))).statusCode(200);
        post(admin(), base + "/2021/finalization", null).statusCode(422).body("unratedMembers", equalTo(1));
        // a member of another organisation cannot be rated here
        String b = Api.unique("B");
        String otherOrg = Api.organization(b);
        String stranger = Api.official(otherOrg, b, "Người Ngoài", "2010-01-05", "2011-01-10");
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", stranger, "rating", "GOOD"))))
                .statusCode(422).body("type", containsString("not-a-member-that-year"));
    }

    @Test
    void aCellSecretaryRatesOnlyTheirOwnCell() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        String inA = Api.official(org, a, "Ông Văn A", "2010-01-05", "2011-01-10");
        String inB = Api.official(org, b, "Bà Thị B", "2010-01-05", "2011-01-10");
        String base = "/api/v1/organizations/" + org + "/evaluations";
        post(admin(), base, Map.of("year", 2021)).statusCode(201).body("evaluationDate", equalTo("2021-12-31"));
        post(TestTokens.cellSecretary(a), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", inA, "rating", "GOOD"))))
                .statusCode(200);
        post(TestTokens.cellSecretary(a), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", inB, "rating", "GOOD"))))
                .statusCode(403);
        post(TestTokens.as(Roles.VIEWER), base + "/2021/member-ratings", Map.of("ratings", List.of(Map.of("memberId", inB, "rating", "GOOD"))))
                .statusCode(403);
    }

    @Test
    void aFinalisedYearKeepsTheRollCountedAtFinalisationAndReopeningRecountsIt() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        List<String> ids = members(org, a, 5);
        String base = "/api/v1/organizations/" + org + "/evaluations";
        String stats = "/api/v1/organizations/" + org + "/statistics/ratings?year=2021";
        post(admin(), base, Map.of("year", 2021, "evaluationDate", "2021-12-20")).statusCode(201);
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", Api.ratings(ids, 1))).statusCode(200);
        post(admin(), base + "/2021/finalization", null).statusCode(200).body("status", equalTo("FINALIZED"))
                .body("membersOnRoll", equalTo(5)).body("eligibleMembers", equalTo(5)).body("ratedMembers", equalTo(5));
        // registered later with a date before the evaluation: the live roll at 2021-12-20 now has 6 members
        Api.official(org, a, "Đảng viên ghi sau", "2010-01-05", "2011-01-10");
        get(admin(), stats).statusCode(200).body("status", equalTo("FINALIZED")).body("membersOnRoll", equalTo(5))
                .body("eligibleMembers", equalTo(5)).body("ratedMembers", equalTo(5)).body("membersByRating.EXCELLENT", equalTo(1))
                .body("membersByRating.GOOD", equalTo(4));
        get(admin(), base + "/2021").body("membersOnRoll", equalTo(5));
        // reopening counts the roll again from the registry
        post(admin(), base + "/2021/reopening", Map.of("reason", "Bổ sung đảng viên")).statusCode(200).body("status", equalTo("OPEN"))
                .body("membersOnRoll", equalTo(6)).body("eligibleMembers", equalTo(6));
        get(admin(), stats).statusCode(200).body("membersOnRoll", equalTo(6)).body("eligibleMembers", equalTo(6))
                .body("ratedMembers", equalTo(5));
        post(admin(), base + "/2021/finalization", null).statusCode(422).body("unratedMembers", equalTo(1));
    }
}
