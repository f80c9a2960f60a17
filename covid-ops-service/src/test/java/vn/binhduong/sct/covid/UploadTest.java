package vn.binhduong.sct.covid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.testing.EventProbe;

@QuarkusTest
class UploadTest {
    @Test
    void aCsvUploadStoresGoodRowsOnceAndListsBadRowsWithLineAndReason() {
        Api.establishment("UP-E1", "SUPERMARKET");
        Api.establishment("UP-E2", "CLUSTER_BUSINESS");
        Api.campaign("UP-C1");
        String csv = "establishment_code,campaign_code,date,tests_performed,positives,self_testing\n"
                + "UP-E1,UP-C1,2021-10-01,100,1,false\n"
                + "UP-E2,UP-C1,2021-10-01,50,0,true\n"
                + "UP-E1,UP-C1,2021-10-04,10,11,false\n"                 // line 4: positives > tests
                + "UP-E1,UP-C1,2021-10-07,-5,0,false\n"                  // line 5: negative
                + "UP-E1,UP-C1," + LocalDate.now().plusDays(3) + ",5,0,false\n" // line 6: future
                + "NOPE,UP-C1,2021-10-01,5,0,false\n"                    // line 7: unknown establishment
                + "UP-E1,UP-C1,01/10/2021,5,0,false\n"                   // line 8: not ISO
                + "UP-E1,UP-C1,2021-10-01\n"                             // line 9: too few fields
                + "UP-E2,UP-C1,2021-10-04,70,2,true\n";
        String jobId;
        try (EventProbe probe = EventProbe.fromNow("sct.covid.events")) {
            jobId = given().auth().oauth2(Api.STAFF).contentType("text/csv").body(csv).post("/api/v1/test-results/uploads")
                    .then().statusCode(201).body("status", equalTo("COMPLETED")).body("rowsRead", equalTo(9))
                    .body("rowsInserted", equalTo(3)).body("rowsRejected", equalTo(6)).body("testsPerformedAdded", equalTo(220))
                    .body("positivesAdded", equalTo(3)).extract().path("id");
            String id = jobId;
            List<EventEnvelope> events = probe.await(e -> e.type().equals("test-results.uploaded") && e.aggregateId().equals(id),
                    1, Duration.ofSeconds(20));
            assertEquals(2, events.get(0).payload().get("addedByDate").size());
            assertEquals(0, probe.drain(Duration.ofSeconds(1)).stream().filter(e -> e.type().equals("test-session.recorded")).count(),
                    "a bulk upload publishes one summary, not one event per row");
        }
        Api.get("/api/v1/test-results/uploads/" + jobId + "/rejections").statusCode(200).body("total", equalTo(6))
                .body("items[0].line", equalTo(4)).body("items[0].reason", containsString("positives (11) exceed tests performed (10)"))
                .body("items[1].line", equalTo(5)).body("items[1].reason", containsString("negative"))
                .body("items[2].reason", containsString("future"))
                .body("items[3].reason", containsString("unknown establishment NOPE"))
                .body("items[4].reason", containsString("ISO"))
                .body("items[5].line", equalTo(9));

        // The same file again adds nothing.
        given().auth().oauth2(Api.STAFF).contentType("text/csv").body(csv).post("/api/v1/test-results/uploads")
                .then().statusCode(201).body("rowsInserted", equalTo(0)).body("rowsDuplicate", equalTo(3));
        Api.get("/api/v1/testing/statistics?campaign=UP-C1&asOf=2021-12-31").statusCode(200)
                .body("testsPerformed", equalTo(220)).body("positives", equalTo(3)).body("sessions", equalTo(3))
                .body("selfTestingSessions", equalTo(2));
        Api.get("/api/v1/test-results/uploads/" + jobId).statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void anNdjsonUploadIsValidatedTheSameWay() {
        Api.establishment("UP-E3", "CONVENIENCE_STORE");
        Api.campaign("UP-C2");
        String ndjson = "{\"establishmentCode\":\"UP-E3\",\"campaignCode\":\"UP-C2\",\"date\":\"2021-11-01\",\"testsPerformed\":40,\"positives\":1}\n"
                + "{\"establishmentCode\":\"UP-E3\",\"campaignCode\":\"UP-C2\",\"date\":\"2021-11-01\",\"testsPerformed\":40,\"positives\":1}\n"
                + "not json\n"
                + "{\"establishmentCode\":\"UP-E3\",\"campaignCode\":\"NO-CAMPAIGN\",\"date\":\"2021-11-04\",\"testsPerformed\":4,\"positives\":0}\n";
        String jobId = given().auth().oauth2(Api.STAFF).contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/test-results/uploads").then().statusCode(201).body("rowsInserted", equalTo(1))
                .body("rowsDuplicate", equalTo(1)).body("rowsRejected", equalTo(2)).extract().path("id");
        Api.get("/api/v1/test-results/uploads/" + jobId + "/rejections").statusCode(200)
                .body("items[0].line", equalTo(3)).body("items[1].reason", containsString("unknown campaign NO-CAMPAIGN"));
    }

    @Test
    void aLargeUploadStreamsInBatches() {
        Api.establishment("UP-E4", "MARKET");
        Api.campaign("UP-C3");
        StringBuilder csv = new StringBuilder("establishment_code,campaign_code,date,tests_performed,positives\n");
        LocalDate d = LocalDate.of(1985, 1, 1);
        for (int i = 0; i < 12_000; i++) {
            csv.append("UP-E4,UP-C3,").append(d.plusDays(i)).append(",10,1\n");
        }
        given().auth().oauth2(Api.STAFF).contentType("text/csv").body(csv.toString()).post("/api/v1/test-results/uploads")
                .then().statusCode(201).body("rowsInserted", equalTo(12_000)).body("testsPerformedAdded", equalTo(120_000));
    }
}
