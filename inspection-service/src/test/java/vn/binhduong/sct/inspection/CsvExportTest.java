package vn.binhduong.sct.inspection;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/**
 * The CSV exports as a spreadsheet user gets them: one BOM, RFC 4180 quoting of commas, quotes and line breaks, CRLF
 * records, delegations with their penalties; the test profile reads 3 rows per query, so these few rows already cross
 * chunk boundaries of the stream.
 */
@QuarkusTest
class CsvExportTest {
    static final int YEAR = 2037;
    static final String TITLE = "Thanh tra \"xăng dầu\", khí\ndòng thứ hai";
    static String withPenalties;
    static String team;

    static Object post(String path, Object body) {
        return given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> penalty(String kind, String name, long amount, String inspection) {
        Map<String, Object> p = new HashMap<>(Map.of("organization", "SCT", "issuer", "SCT", "year", YEAR,
                "offenderKind", kind, "offenderName", name, "amountVnd", amount, "paid", false,
                "decidedOn", YEAR + "-06-0" + (amount % 9 + 1)));
        if (inspection != null) {
            p.put("stateInspectionId", inspection);
        }
        return p;
    }

    static boolean created;

    /** Once per class, but after the application started (a static @BeforeAll runs before it). */
    @BeforeEach
    void data() {
        if (created) {
            return;
        }
        created = true;
        withPenalties = (String) post("/api/v1/state-inspections", Map.of("organization", "SCT", "issuer", "SCT",
                "decisionNumber", "CSV-" + UUID.randomUUID(), "decisionDate", YEAR + "-03-01", "year", YEAR,
                "fields", List.of("PETROLEUM", "GAS"), "title", TITLE));
        post("/api/v1/state-inspections/" + withPenalties + "/subjects", Map.of("kind", "INDIVIDUAL", "name", "Trần Thị C"));
        post("/api/v1/state-inspections/" + withPenalties + "/subjects", Map.of("kind", "BUSINESS", "name", "Công ty B"));
        post("/api/v1/penalties", penalty("INDIVIDUAL", "Nguyễn Văn A", 5_000_000, withPenalties));
        post("/api/v1/penalties", penalty("BUSINESS", "Công ty B, TNHH", 30_000_000, withPenalties));
        for (int i = 0; i < 3; i++) {
            post("/api/v1/state-inspections", Map.of("organization", "SCT", "issuer", "SCT", "year", YEAR,
                    "decisionDate", YEAR + "-0" + (4 + i) + "-01", "fields", List.of("ELECTRICITY"), "title", "Đoàn " + i));
        }
        post("/api/v1/penalties", penalty("BUSINESS", "Cửa hàng D", 1_000_000, null));
        team = "CSV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON).body(Map.of("code", team,
                "organization", "SCT", "name", "Tổ CSV", "scope", "RETAIL_DISTRIBUTION", "year", YEAR))
                .post("/api/v1/compliance/teams").then().statusCode(201);
        String market = "CHO-" + UUID.randomUUID();
        for (String day : List.of("-07-01", "-07-02", "-07-03", "-07-04")) {
            post("/api/v1/compliance/visits", Map.of("teamCode", team, "establishmentCode", market, "establishmentType",
                    "MARKET", "establishmentName", "Chợ \"Phú Hòa\", Thủ Dầu Một", "visitedOn", YEAR + day,
                    "result", "COMPLIANT", "remarks", "nhắc nhở,\r\nđeo khẩu trang"));
        }
    }

    static byte[] download(String role, String path, String accept) {
        return given().auth().oauth2(TestTokens.as(role)).accept(accept).queryParam("year", YEAR).get(path).then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
    }

    static List<CSVRecord> parse(byte[] bytes) throws IOException {
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, java.util.Arrays.copyOf(bytes, 3), "BOM first");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(1, text.chars().filter(c -> c == '\uFEFF').count(), "one BOM, only at the start");
        assertTrue(text.endsWith("\r\n"), "records end with CRLF");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void stateInspectionsComeWithTheirPenaltiesQuotedAsRfc4180() throws IOException {
        byte[] bytes = download(Roles.DEPARTMENT_STAFF, "/api/v1/state-inspections.csv", "*/*");
        List<CSVRecord> rows = parse(bytes);
        // 2 penalties of the first delegation, 3 delegations without penalties, 1 penalty of no delegation
        assertEquals(6, rows.size());
        List<CSVRecord> first = rows.stream().filter(r -> r.get("stateInspectionId").equals(withPenalties)).toList();
        assertEquals(2, first.size());
        assertEquals(TITLE, first.get(0).get("title"));
        assertEquals("PETROLEUM;GAS", first.get(0).get("fields"));
        assertEquals("1", first.get(0).get("individualsInspected"));
        assertEquals(Map.of("Nguyễn Văn A", "5000000", "Công ty B, TNHH", "30000000"), Map.of(
                first.get(0).get("offenderName"), first.get(0).get("amountVnd"),
                first.get(1).get("offenderName"), first.get(1).get("amountVnd")));
        assertEquals(3, rows.stream().filter(r -> r.get("penaltyId").isEmpty()).count());
        CSVRecord loose = rows.get(rows.size() - 1);
        assertEquals("", loose.get("stateInspectionId"));
        assertEquals("Cửa hàng D", loose.get("offenderName"));
        // the same export through content negotiation on the list's own path
        assertArrayEquals(bytes, download(Roles.DEPARTMENT_STAFF, "/api/v1/state-inspections", "text/csv"));
    }

    @Test
    void integrationGetsTheExportWithoutTheNamesOfPenalisedIndividuals() throws IOException {
        List<CSVRecord> rows = parse(download(Roles.INTEGRATION, "/api/v1/state-inspections", "text/csv"));
        assertEquals(6, rows.size());
        CSVRecord individual = rows.stream().filter(r -> r.get("offenderKind").equals("INDIVIDUAL")).findFirst().orElseThrow();
        assertEquals("", individual.get("offenderName"));
        assertTrue(rows.stream().anyMatch(r -> r.get("offenderName").equals("Công ty B, TNHH")), "business names stay");
        assertTrue(!new String(download(Roles.INTEGRATION, "/api/v1/state-inspections.csv", "*/*"), StandardCharsets.UTF_8)
                .contains("Nguyễn Văn A"));
    }

    @Test
    void complianceVisitsExportKeepsQuotesCommasAndLineBreaksInsideFields() throws IOException {
        byte[] bytes = download(Roles.PARTY_COMMITTEE, "/api/v1/compliance/visits", "text/csv");
        List<CSVRecord> rows = parse(bytes).stream().filter(r -> r.get("teamCode").equals(team)).toList();
        assertEquals(4, rows.size());
        assertEquals(List.of("true", "false", "false", "false"), rows.stream().map(r -> r.get("firstVisitOfEstablishmentInYear")).toList());
        assertEquals("Chợ \"Phú Hòa\", Thủ Dầu Một", rows.get(0).get("establishmentName"));
        assertEquals("nhắc nhở,\r\nđeo khẩu trang", rows.get(0).get("remarks"));
        assertEquals("RETAIL_DISTRIBUTION", rows.get(0).get("teamScope"));
        assertArrayEquals(bytes, download(Roles.PARTY_COMMITTEE, "/api/v1/compliance/visits.csv", "text/csv"));
    }

    @Test
    void jsonStaysTheDefault() {
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).queryParam("year", YEAR).get("/api/v1/state-inspections")
                .then().statusCode(200).contentType(ContentType.JSON);
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).accept("application/json, text/csv;q=0.5")
                .queryParam("year", YEAR).get("/api/v1/compliance/visits").then().statusCode(200).contentType(ContentType.JSON);
        // a list without a CSV export says so instead of printing its objects as text
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).accept("text/csv").get("/api/v1/penalties").then()
                .statusCode(406);
    }
}
