package vn.binhduong.sct.covid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
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
        // keyset pages over the rejections: 4 then 2, in line order
        String next = Api.get("/api/v1/test-results/uploads/" + jobId + "/rejections?size=4").statusCode(200)
                .body("items.size()", equalTo(4)).body("items[3].line", equalTo(7)).extract().path("next");
        given().auth().oauth2(Api.STAFF).queryParam("size", 4).queryParam("after", next)
                .get("/api/v1/test-results/uploads/" + jobId + "/rejections").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].line", equalTo(8)).body("items[1].line", equalTo(9))
                .body("next", equalTo(null)).body("total", equalTo(6));

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

    /** {@code size} bytes of {@code fill}, made as they are read (the test holds none of it). */
    private static InputStream repeated(byte fill, long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? fill : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, fill);
                left -= n;
                return n;
            }
        };
    }

    private static InputStream concat(InputStream... parts) {
        InputStream s = parts[0];
        for (int i = 1; i < parts.length; i++) {
            s = new SequenceInputStream(s, parts[i]);
        }
        return s;
    }

    private static InputStream text(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aQuotedLineBreakIsOneRowAndRejectedRowsKeepTheirPhysicalLine() {
        Api.establishment("UP-E5", "MARKET");
        Api.campaign("UP-C4");
        String csv = "\uFEFFestablishment_code,campaign_code,date,tests_performed,positives,self_testing,note\r\n"
                + "UP-E5,UP-C4,2021-10-01,100,1,false,\"Ca sáng\r\nca chiều, hai đợt\"\r\n"   // lines 2-3: one row
                + "UP-E5,UP-C4,2021-10-02,5,9,false,x\r\n"                                      // line 4: positives > tests
                + "\"UP-E5\",UP-C4,2021-10-03,7,0,false,\"a \"\"quoted\"\" word\"\r\n"          // line 5: stored
                + "\r\n"                                                                        // line 6: blank
                + "UP-E5,UP-C4,2021-10-04,7,0,false,\"three\nphysical\nlines\"\n"                 // lines 7-9: stored
                + "\uFEFFUP-E5,UP-C4,2021-10-05,7,0,false,late mark\n"                          // line 10: BOM not at the start
                + "UP-E5,UP-C4,2021-10-06,7,0,false\n";                                        // line 11: 6 of 7 fields
        String jobId = given().auth().oauth2(Api.STAFF).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/test-results/uploads").then().statusCode(201).body("rowsRead", equalTo(6))
                .body("rowsInserted", equalTo(3)).body("rowsRejected", equalTo(3)).body("testsPerformedAdded", equalTo(114))
                .extract().path("id");
        Api.get("/api/v1/test-results/uploads/" + jobId + "/rejections").statusCode(200).body("total", equalTo(3))
                .body("items[0].line", equalTo(4)).body("items[0].reason", containsString("exceed"))
                .body("items[0].content", equalTo("UP-E5,UP-C4,2021-10-02,5,9,false,x"))
                .body("items[1].line", equalTo(10)).body("items[1].reason", containsString("byte-order mark"))
                .body("items[2].line", equalTo(11)).body("items[2].reason", containsString("expected 7 fields, found 6"));
    }

    @Test
    void aFiftyMegabyteLineIsRefusedWithAProblemAndTheServiceCarriesOn() {
        // A single 50 MB line that starts as a valid header: the old line reader took it whole.
        InputStream body = concat(text("establishment_code,campaign_code,date,tests_performed,positives,self_testing,"),
                repeated((byte) 'a', 50L << 20));
        given().auth().oauth2(Api.STAFF).contentType("text/csv").body(body).post("/api/v1/test-results/uploads")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("line 1 (the header) is longer than 65536 characters"));
        given().get("/q/health/ready").then().statusCode(200);

        // A 50 MB data row and a 300 KB quoted field over 100,000 lines are rejected rows; the rows after them count
        // and keep their physical line numbers.
        Api.establishment("UP-E6", "MARKET");
        Api.campaign("UP-C5");
        StringBuilder tall = new StringBuilder("UP-E6,UP-C5,2021-10-02,1,0,false,\"");
        for (int i = 0; i < 100_000; i++) {
            tall.append("x\n");
        }
        tall.append("\"\n");
        InputStream rows = concat(text("establishment_code,campaign_code,date,tests_performed,positives,self_testing,note\n"
                + "UP-E6,UP-C5,2021-10-01,10,1,false,"), repeated((byte) 'b', 50L << 20),   // line 2
                text("\nUP-E6,UP-C5,2021-10-03,20,0,false,ok\n"),                              // line 3
                text(tall.toString()),                                                        // lines 4-100,004
                text("UP-E6,UP-C5,2021-10-04,30,0,false,\"after, the \"\"tall\"\" one\"\n"));   // line 100,005
        String jobId = given().auth().oauth2(Api.STAFF).contentType("text/csv").body(rows).post("/api/v1/test-results/uploads")
                .then().statusCode(201).body("rowsRead", equalTo(4)).body("rowsInserted", equalTo(2))
                .body("rowsRejected", equalTo(2)).body("testsPerformedAdded", equalTo(50)).extract().path("id");
        Api.get("/api/v1/test-results/uploads/" + jobId + "/rejections").statusCode(200)
                .body("items[0].line", equalTo(2)).body("items[0].reason", containsString("longer than 65536 characters"))
                .body("items[0].content", startsWith("UP-E6,UP-C5,2021-10-01,10,1,false,bbbb"))
                .body("items[1].line", equalTo(4)).body("items[1].reason", containsString("longer than 65536 characters"));
        Api.get("/api/v1/testing/statistics?campaign=UP-C5&asOf=2021-12-31").statusCode(200).body("sessions", equalTo(2))
                .body("testsPerformed", equalTo(50));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anNdjsonLineIsBoundedToo() {
        Api.establishment("UP-E7", "MARKET");
        Api.campaign("UP-C6");
        InputStream body = concat(text("{\"establishmentCode\":\"UP-E7\",\"campaignCode\":\"UP-C6\",\"note\":\""),
                repeated((byte) 'c', 50L << 20),
                text("\"}\n{\"establishmentCode\":\"UP-E7\",\"campaignCode\":\"UP-C6\",\"date\":\"2021-11-01\",\"testsPerformed\":8,\"positives\":0}\n"));
        String jobId = given().auth().oauth2(Api.STAFF).contentType("application/x-ndjson").body(body)
                .post("/api/v1/test-results/uploads").then().statusCode(201).body("rowsRead", equalTo(2))
                .body("rowsInserted", equalTo(1)).body("rowsRejected", equalTo(1)).extract().path("id");
        Api.get("/api/v1/test-results/uploads/" + jobId + "/rejections").statusCode(200)
                .body("items[0].line", equalTo(1)).body("items[0].reason", containsString("longer than 65536 characters"));
    }

    @Test
    void crlfLinesAQuoteInsideAnUnquotedFieldAndACutRowKeepTheLineNumbersRight() {
        Api.establishment("UP-E8", "MARKET");
        Api.campaign("UP-C7");
        InputStream body = concat(text("establishment_code,campaign_code,date,tests_performed,positives,self_testing,note\r\n"
                + "UP-E8,UP-C7,2021-10-01,10,0,false,ab\"c\r\n"                    // line 2: a quote as text
                + "UP-E8,UP-C7,2021-10-02,10,0,false,"), repeated((byte) 'd', 200_000), // line 3: too long
                text("\r\nUP-E8,UP-C7,2021-10-03,10,0,false,\"x\r\ny\"\r\n"              // lines 4-5
                        + "UP-E8,UP-C7,2021-10-04,5,6,false,z\r\n"));                      // line 6: positives > tests
        String jobId = given().auth().oauth2(Api.STAFF).contentType("text/csv").body(body).post("/api/v1/test-results/uploads")
                .then().statusCode(201).body("rowsRead", equalTo(4)).body("rowsInserted", equalTo(2))
                .body("rowsRejected", equalTo(2)).extract().path("id");
        Api.get("/api/v1/test-results/uploads/" + jobId + "/rejections").statusCode(200).body("total", equalTo(2))
                .body("items[0].line", equalTo(3)).body("items[0].reason", containsString("longer than"))
                .body("items[1].line", equalTo(6)).body("items[1].reason", containsString("exceed"));
    }
}
