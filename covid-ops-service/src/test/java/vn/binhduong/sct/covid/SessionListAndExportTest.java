package vn.binhduong.sct.covid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Keyset pages over test sessions, and their CSV export, which uploads again as it is. */
@QuarkusTest
class SessionListAndExportTest {
    private static void sessions(String campaign, String... establishments) {
        for (String e : establishments) {
            for (int d = 1; d <= 3; d++) {
                Api.post("/api/v1/test-sessions", "{\"campaignCode\":\"" + campaign + "\",\"establishmentCode\":\"" + e
                        + "\",\"date\":\"2021-10-0" + d + "\",\"testsPerformed\":" + (10 * d) + ",\"positives\":" + (d - 1)
                        + ",\"selfTesting\":false}").statusCode(201);
            }
        }
    }

    @Test
    void keysetPagesWalkTheWholeListOnceInDateOrder() {
        Api.establishment("KS-E1", "MARKET");
        Api.establishment("KS-E2", "MARKET");
        Api.establishment("KS-E3", "SUPERMARKET");
        Api.campaign("KS-C1");
        sessions("KS-C1", "KS-E1", "KS-E2", "KS-E3"); // 9 sessions, 3 a day

        List<String> seen = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var req = given().auth().oauth2(Api.STAFF).queryParam("campaign", "KS-C1").queryParam("size", 4);
            if (after != null) {
                req = req.queryParam("after", after);
            }
            JsonPath page = req.get("/api/v1/test-sessions").then().statusCode(200).body("size", equalTo(4))
                    .body("total", nullValue()).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            dates.addAll(page.getList("items.date"));
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 10);
        assertEquals(3, pages, "4 + 4 + 1");
        assertEquals(9, seen.size());
        assertEquals(9, new HashSet<>(seen).size(), "no session twice");
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(null);
        assertEquals(sorted, dates, "in date order across pages");

        given().auth().oauth2(Api.STAFF).queryParam("campaign", "KS-C1").queryParam("total", true)
                .get("/api/v1/test-sessions").then().statusCode(200).body("total", equalTo(9));
        given().auth().oauth2(Api.STAFF).queryParam("after", "not-a-cursor").get("/api/v1/test-sessions").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void theCsvExportStreamsTheFilteredSessionsAndUploadsAgainAsDuplicates() throws Exception {
        Api.establishment("EX-E1", "MARKET");
        Api.establishment("EX-E2", "CONVENIENCE_STORE");
        Api.campaign("EX-C1");
        sessions("EX-C1", "EX-E1", "EX-E2");

        var response = given().auth().oauth2(Api.STAFF).queryParam("campaign", "EX-C1").get("/api/v1/test-sessions/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("test-sessions.csv")).extract();
        String csv = new String(response.asByteArray(), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(6, rows.size());
        assertEquals(List.of("establishment_code", "campaign_code", "date", "tests_performed", "positives", "self_testing",
                "id", "upload_job_id"), rows.get(0).getParser().getHeaderNames());
        assertEquals("2021-10-01", rows.get(0).get("date"));
        assertEquals("2021-10-03", rows.get(5).get("date"));
        long tests = rows.stream().mapToLong(r -> Long.parseLong(r.get("tests_performed"))).sum();
        assertEquals(2 * (10 + 20 + 30), tests);
        assertNotNull(rows.get(0).get("id"));
        assertEquals("", rows.get(0).get("upload_job_id"));

        // The export is a valid upload: every row is already stored.
        given().auth().oauth2(Api.STAFF).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/test-results/uploads").then().statusCode(201).body("rowsRead", equalTo(6))
                .body("rowsInserted", equalTo(0)).body("rowsDuplicate", equalTo(6)).body("rowsRejected", equalTo(0));
    }
}
