package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/**
 * Who may generate a report and for which organisations; writes for unknown organisations refused; strong ETags on
 * report versions and figures with If-None-Match → 304; If-Match on narrative saves → 412 on a mismatch.
 */
@QuarkusTest
class ReportAccessAndCachingTest {
    static final String ORG = "T-ACC-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    static boolean published;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource db;

    @BeforeEach
    void publish() {
        if (published) {
            return;
        }
        published = true;
        try (Events e = new Events()) {
            e.publish(Events.MEMBER, "party-organization.registered", "member-service", ORG, ORG, Map.of("code", ORG,
                    "name", "Đảng bộ thử", "superiorBody", "Đảng bộ khối"));
            e.publish(Events.MEMBER, "party-cell.registered", "member-service", ORG, ORG + "-CB1", Map.of(
                    "organization", ORG, "cellCode", "CB1", "cellName", "Chi bộ 1"));
        }
        Events.awaitCaughtUp();
        for (int i = 0; i < 100 && !known(); i++) {
            sleep();
        }
    }

    private static boolean known() {
        return given().auth().oauth2(TestTokens.as(Roles.ADMIN)).queryParam("organization", ORG).get("/api/v1/figures")
                .then().extract().<Integer>path("total") > 0;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void onlyAdminAndThePartyCommitteeGenerateAndOnlyForAKnownOrganisation() {
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).post("/api/v1/reports/" + ORG + "/2021/generate").then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.INTEGRATION)).post("/api/v1/reports/" + ORG + "/2021/generate").then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).post("/api/v1/reports/" + ORG + "/2021/generate").then()
                .statusCode(201);
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).post("/api/v1/reports/NO-SUCH-ORG/2021/generate").then()
                .statusCode(404).contentType(containsString("problem+json")).body("detail", containsString("NO-SUCH-ORG"));
    }

    @Test
    void everyGenerationIsTimedInTheMetrics() {
        double before = generations();
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).post("/api/v1/reports/" + ORG + "/2021/generate").then()
                .statusCode(201);
        org.junit.jupiter.api.Assertions.assertEquals(before + 1, generations(), 0.0001);
        org.junit.jupiter.api.Assertions.assertTrue(given().get("/q/metrics").asString()
                .contains("sct_report_generation_seconds_bucket"), "a histogram for Grafana's percentiles");
    }

    private static double generations() {
        return given().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith("sct_report_generation_seconds_count"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void narrativeAndHeadingWritesForAnUnknownOrganisationAreRefused() {
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("text", "Đoạn văn.", "baseVersion", 0)).put("/api/v1/narratives/NO-SUCH-ORG/2021/situation")
                .then().statusCode(404).contentType(containsString("problem+json"));
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("superiorBody", "A", "issuingBody", "B", "documentNumber", "Số 1", "place", "Bình Dương",
                        "subject", "S", "signerTitle", "Bí thư", "signerName", "N", "recipients", List.of("Lưu"), "version", 0))
                .put("/api/v1/reports/NO-SUCH-ORG/2021/heading").then().statusCode(404)
                .contentType(containsString("problem+json"));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/narratives/NO-SUCH-ORG/2021/situation").then().statusCode(404);
    }

    @Test
    void reportVersionsAndTheirOutputsHaveStrongETagsAndAnswer304() {
        int v = given().auth().oauth2(TestTokens.as(Roles.ADMIN)).post("/api/v1/reports/" + ORG + "/2021/generate").then()
                .statusCode(201).extract().path("version");
        String base = "/api/v1/reports/" + ORG + "/2021/versions/" + v;
        var md = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(base + ".md").then().statusCode(200).extract();
        String hash = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(base).then().statusCode(200).extract().path("hashes.md");
        assertEquals("\"" + hash + "\"", md.header("ETag"), "the ETag is the SHA-256 of the bytes");
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).header("If-None-Match", md.header("ETag")).get(base + ".md").then()
                .statusCode(304).header("ETag", md.header("ETag"));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).header("If-None-Match", "\"other\"").get(base + ".md").then().statusCode(200);
        String versionTag = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(base).then().extract().header("ETag");
        assertNotNull(versionTag);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).header("If-None-Match", versionTag).get(base).then().statusCode(304);
    }

    @Test
    void eachStoredHashIsTheSha256OfTheBytesServedAndTheContentHashCoversTheFour() throws Exception {
        int v = given().auth().oauth2(TestTokens.as(Roles.ADMIN)).post("/api/v1/reports/" + ORG + "/2021/generate").then()
                .statusCode(201).extract().path("version");
        String base = "/api/v1/reports/" + ORG + "/2021/versions/" + v;
        var version = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(base).then().statusCode(200).extract().jsonPath();
        java.util.List<String> hashes = new java.util.ArrayList<>();
        for (String format : List.of("json", "md", "html", "docx")) {
            byte[] bytes = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(base + "." + format).then().statusCode(200)
                    .extract().asByteArray();
            String expected = sha256(bytes);
            assertEquals(expected, version.getString("hashes." + format), format + ": the hash is the SHA-256 of the bytes served");
            hashes.add(expected);
        }
        assertEquals(sha256(String.join("\n", hashes).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                version.getString("contentHash"), "the content hash is the SHA-256 of the four hashes, one a line");
    }

    private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theTextDocumentsAreStoredWithLz4AndTheDocxAsItIs() throws Exception {
        int v = given().auth().oauth2(TestTokens.as(Roles.ADMIN)).post("/api/v1/reports/" + ORG + "/2021/generate").then()
                .statusCode(201).extract().path("version");
        try (var c = db.getConnection(); var st = c.prepareStatement("""
                SELECT pg_column_compression(json_doc), pg_column_compression(markdown_doc), pg_column_compression(html_doc),
                       pg_column_compression(docx_doc), length(docx_doc), (SELECT attstorage FROM pg_attribute
                        WHERE attrelid = 'report_version'::regclass AND attname = 'docx_doc')
                  FROM report_version WHERE organization = ? AND year = 2021 AND report_version = ?""")) {
            st.setString(1, ORG);
            st.setInt(2, v);
            try (var rs = st.executeQuery()) {
                rs.next();
                String expected = lz4(c) ? "lz4" : "pglz";
                assertEquals(List.of(expected, expected, expected), List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                        "the JSON, Markdown and HTML of a version are compressed with lz4 where the server has it, else pglz");
                assertEquals(null, rs.getString(4), "the DOCX (" + rs.getInt(5) + " bytes, a zip) is not compressed again");
                assertEquals("e", rs.getString(6), "docx_doc is stored EXTERNAL");
            }
        }
        String base = "/api/v1/reports/" + ORG + "/2021/versions/" + v;
        String hash = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(base).then().statusCode(200).extract().path("hashes.md");
        byte[] md = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(base + ".md").then().statusCode(200).extract().asByteArray();
        assertEquals(hash, sha256(md),
                "the stored Markdown reads back as the bytes its hash was taken of");
    }

    /** Whether this PostgreSQL was built with lz4 (the embedded one of the tests is not; Debian's and the images' are). */
    private static boolean lz4(java.sql.Connection c) throws java.sql.SQLException {
        try (var st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE lz4_probe (b bytea COMPRESSION lz4)");
            st.execute("DROP TABLE lz4_probe");
            return true;
        } catch (java.sql.SQLException e) {
            if ("0A000".equals(e.getSQLState())) { // feature_not_supported: compression method lz4 not supported
                return false;
            }
            throw e;
        }
    }

    @Test
    void figuresHaveAStrongETagThatChangesWithThePage() {
        var first = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("organization", ORG).get("/api/v1/figures")
                .then().statusCode(200).extract();
        String etag = first.header("ETag");
        assertNotNull(etag);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("organization", ORG).header("If-None-Match", etag)
                .get("/api/v1/figures").then().statusCode(304);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("organization", ORG).queryParam("size", 1)
                .header("If-None-Match", etag).get("/api/v1/figures").then().statusCode(200);
    }

    @Test
    void aNarrativeSaveWithAStaleIfMatchIsRefusedWith412() {
        String path = "/api/v1/narratives/" + ORG + "/2021/outlook";
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("text", "Dự báo năm tới.", "baseVersion", 0)).put(path).then().statusCode(201).header("ETag", "\"1\"");
        String etag = given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get(path).then().statusCode(200).extract().header("ETag");
        assertEquals("\"1\"", etag);
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("text", "Dự báo khác.", "baseVersion", 1)).put(path).then().statusCode(412)
                .contentType(containsString("problem+json")).body("etag", equalTo("\"1\""));
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("text", "Dự báo khác.", "baseVersion", 1)).put(path).then().statusCode(201).header("ETag", "\"2\"");
    }
}
