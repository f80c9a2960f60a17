package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/**
 * Member lifecycle events of a later year and the year-end figures. A member admitted from the awareness class: member-service publishes member.admitted (the member, PROBATIONARY) and
 * candidate.admitted (the candidate, status ADMITTED, with the new member's id). The member stays a probationary member
 * at the year's end whichever of the two is applied last (the 2022 demo year admits its 2021 candidate).
 */
@QuarkusTest
class MemberLifecycleFigureTest {

    private static JsonPath figures(String org, int year) {
        return given().auth().oauth2(TestTokens.as(Roles.VIEWER))
                .queryParam("organization", org).queryParam("year", year).queryParam("size", 500)
                .get("/api/v1/figures").then().statusCode(200).extract().jsonPath();
    }

    private static String formatted(JsonPath p, String key) {
        return p.getString("items.find { it.key == '" + key + "' }.formatted");
    }

    @Test
    void aMemberAdmittedFromTheAwarenessClassIsProbationaryAtTheYearsEnd() {
        String org = "T-CAND-" + System.nanoTime();
        String a = "a-" + org;
        String b = "b-" + org;
        try (Events events = new Events()) {
            for (int i = 0; i < 3; i++) {
                String id = "o" + i + "-" + org;
                events.publish(Events.MEMBER, "member.registered", "member-service", org, id, Map.of("memberId", id,
                        "organization", org, "status", "OFFICIAL", "admissionDate", "2010-05-0" + (i + 1),
                        "effectiveDate", "2022-01-05"));
            }
            events.publish(Events.MEMBER, "member.admitted", "member-service", org, a, Map.of("memberId", a,
                    "organization", org, "status", "PROBATIONARY", "admissionDate", "2022-04-15", "effectiveDate", "2022-04-15"));
            // b's candidate event first
            events.publish(Events.MEMBER, "candidate.admitted", "member-service", org, "c2-" + org, candidate("c2-" + org, org, b));
        }
        Events.awaitCaughtUp();
        // applied after: a's candidate event, then b's member event (the two are keyed apart, so either order happens)
        try (Events events = new Events()) {
            events.publish(Events.MEMBER, "candidate.admitted", "member-service", org, "c1-" + org, candidate("c1-" + org, org, a));
        }
        Events.awaitCaughtUp();
        try (Events events = new Events()) {
            events.publish(Events.MEMBER, "member.admitted", "member-service", org, b, Map.of("memberId", b,
                    "organization", org, "status", "PROBATIONARY", "admissionDate", "2022-05-20", "effectiveDate", "2022-05-20"));
        }
        Events.awaitCaughtUp();
        JsonPath p = figures(org, 2022);
        assertEquals("05", formatted(p, "member.count.total"));
        assertEquals("02", formatted(p, "member.count.probationary"));
        assertEquals("03", formatted(p, "member.count.official"));
        assertEquals("02", formatted(p, "member.admitted.count"));
    }

    /**
     * A member who leaves in 2022 (member-service states onOfficialRoll false on the transfer) is still counted at the
     * end of 2021: loading a second year must not change the first year's report.
     */
    @Test
    void aMemberWhoLeavesLaterStillCountsInTheYearsBefore() {
        String org = "T-LEFT-" + System.nanoTime();
        String gone = "g-" + org;
        try (Events events = new Events()) {
            for (int i = 0; i < 3; i++) {
                String id = "o" + i + "-" + org;
                events.publish(Events.MEMBER, "member.registered", "member-service", org, id, Map.of("memberId", id,
                        "organization", org, "status", "OFFICIAL", "admissionDate", "2010-05-0" + (i + 1),
                        "effectiveDate", "2021-01-01"));
            }
            events.publish(Events.MEMBER, "member.registered", "member-service", org, gone, Map.of("memberId", gone,
                    "organization", org, "status", "OFFICIAL", "admissionDate", "2006-10-21", "effectiveDate", "2021-01-01"));
        }
        Events.awaitCaughtUp();
        assertEquals("04", formatted(figures(org, 2021), "member.count.total"));
        try (Events events = new Events()) {
            events.publish(Events.MEMBER, "member.transferred-out", "member-service", org, gone, Map.of("memberId", gone,
                    "organization", org, "status", "TRANSFERRED_OUT", "onOfficialRoll", false, "effectiveDate", "2022-06-30"));
        }
        Events.awaitCaughtUp();
        assertEquals("04", formatted(figures(org, 2021), "member.count.total"));
        assertEquals("03", formatted(figures(org, 2022), "member.count.total"));
    }

    /** As member-service words it: the candidate's own status, and the member it became. */
    private static Map<String, Object> candidate(String candidateId, String org, String memberId) {
        return Map.of("candidateId", candidateId, "organization", org, "cellCode", "CB3", "awarenessClassDate", "2021-10-18",
                "awarenessClassYear", 2021, "status", "ADMITTED", "memberId", memberId);
    }
}
