package vn.binhduong.sct.covid;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.testing.EventProbe;

@QuarkusTest
class TestingRulesTest {
    private static String session(String campaign, String est, String date, int tests, int positives) {
        return "{\"campaignCode\":\"" + campaign + "\",\"establishmentCode\":\"" + est + "\",\"date\":\"" + date
                + "\",\"testsPerformed\":" + tests + ",\"positives\":" + positives + ",\"selfTesting\":true}";
    }

    @Test
    void refusesMorePositivesThanTests() {
        Api.establishment("TR-E1", "SUPERMARKET");
        Api.campaign("TR-C1");
        Api.post("/api/v1/test-sessions", session("TR-C1", "TR-E1", "2021-10-01", 10, 11)).statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("positives (11) may not exceed testsPerformed (10)"))
                .body("positives", equalTo(11)).body("testsPerformed", equalTo(10));
    }

    @Test
    void refusesNegativeCountsPerField() {
        Api.establishment("TR-E2", "SUPERMARKET");
        Api.campaign("TR-C2");
        Api.post("/api/v1/test-sessions", session("TR-C2", "TR-E2", "2021-10-01", -1, -2)).statusCode(400)
                .body("errors.field", hasItem(containsString("testsPerformed")))
                .body("errors.field", hasItem(containsString("positives")));
    }

    @Test
    void refusesASessionDatedInTheFuture() {
        Api.establishment("TR-E3", "MARKET");
        Api.campaign("TR-C3");
        Api.post("/api/v1/test-sessions", session("TR-C3", "TR-E3", LocalDate.now().plusDays(2).toString(), 10, 0))
                .statusCode(422).body("type", containsString("date-in-future"));
    }

    @Test
    void recordsOneSessionPerEstablishmentAndDateAndCountsToAnyDate() {
        Api.establishment("TR-E4", "CONVENIENCE_STORE");
        Api.campaign("TR-C4");
        try (EventProbe probe = EventProbe.fromNow("sct.covid.events")) {
            Api.post("/api/v1/test-sessions", session("TR-C4", "TR-E4", "2021-10-01", 300, 3)).statusCode(201);
            List<EventEnvelope> events = probe.await(e -> e.type().equals("test-session.recorded")
                    && "TR-E4".equals(e.payload().path("establishmentCode").asText()), 1, java.time.Duration.ofSeconds(20));
            assertEquals(300, events.get(0).payload().get("testsPerformed").asInt());
            assertEquals("CONVENIENCE_STORE", events.get(0).payload().get("establishmentType").asText());
        }
        Api.post("/api/v1/test-sessions", session("TR-C4", "TR-E4", "2021-10-01", 300, 3)).statusCode(409);
        Api.post("/api/v1/test-sessions", session("TR-C4", "TR-E4", "2021-10-04", 100, 0)).statusCode(201);
        Api.get("/api/v1/testing/statistics?campaign=TR-C4&asOf=2021-10-02").statusCode(200)
                .body("testsPerformed", equalTo(300)).body("positives", equalTo(3)).body("positiveRateDisplay", equalTo("1,00%"));
        Api.get("/api/v1/testing/statistics?campaign=TR-C4&asOf=2021-10-04").statusCode(200)
                .body("testsPerformed", equalTo(400)).body("sessions", equalTo(2)).body("positiveRateDisplay", equalTo("0,75%"));
        Api.get("/api/v1/test-sessions?campaign=TR-C4&from=2021-10-02&total=true").statusCode(200).body("total", equalTo(1));
    }

    @Test
    void keepsAStatedRateAsStatedAndFlagsItAgainstItsCounts() {
        Api.campaign("TR-C5");
        Api.post("/api/v1/testing/reported-totals", "{\"campaignCode\":\"TR-C5\",\"asOf\":\"2021-12-04\",\"testsPerformed\":69180,"
                + "\"positives\":392,\"statedRatePercent\":0.47,\"source\":\"test\"}").statusCode(201)
                .body("statedRateDisplay", equalTo("0,47%")).body("computedRatePercent", equalTo(0.57f))
                .body("statedRateConsistent", equalTo(false));
    }
}
