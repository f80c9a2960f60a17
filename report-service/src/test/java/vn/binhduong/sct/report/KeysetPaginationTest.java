package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/**
 * The figures list and a report's versions read by cursor ({@code ?after=}) through real HTTP: every item once, in the
 * list's order, the total only when asked for; a cursor the list did not give is a 400 problem.
 */
@QuarkusTest
class KeysetPaginationTest {
    @Inject
    AgroalDataSource db;

    /** Keys whose order depends on the database's collation (punctuation, case), so the walk must follow the index. */
    private static final List<String> KEYS = List.of("a.b", "a-b", "a_b", "A.c", "member.count.total", "member.count.official",
            "covid.tests.positive-rate", "covid.tests.positive", "evaluation.members.good", "evaluation.members.good-or-better",
            "z", "Z.1", "x.10", "x.9");

    private void figures(String org, int... years) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO figure (organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type, occurred_at)
                VALUES (?, ?, ?, ?, NULL, 'count', NULL, ?, 'test.seeded', now())""")) {
            int n = 0;
            for (int y : years) {
                for (String k : KEYS) {
                    ps.setString(1, org);
                    ps.setInt(2, y);
                    ps.setString(3, k);
                    ps.setBigDecimal(4, java.math.BigDecimal.valueOf(n++));
                    ps.setObject(5, UUID.randomUUID());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static JsonPath get(String path, Object... query) {
        var spec = given().auth().oauth2(TestTokens.as(Roles.VIEWER));
        for (int i = 0; i < query.length; i += 2) {
            spec = spec.queryParam((String) query[i], query[i + 1]);
        }
        return spec.get(path).then().statusCode(200).extract().jsonPath();
    }

    private static String itemKey(JsonPath p, int i) {
        return p.getString("items[" + i + "].organization") + "|" + p.getInt("items[" + i + "].year") + "|"
                + p.getString("items[" + i + "].key");
    }

    @Test
    void walkingTheFiguresByCursorGivesEveryFigureOnceInTheListsOrder() throws Exception {
        String org = "T-KS-" + System.nanoTime();
        // the organisation's figures in three years, and a neighbour's (sorting right after it) that the filter leaves out
        figures(org, 0, 2020, 2021);
        figures(org + "0", 2021);
        int expected = KEYS.size() * 3;

        // the order of the list by offset, in one page: what the cursor walk must reproduce
        JsonPath all = get("/api/v1/figures", "organization", org, "size", 500);
        assertEquals(expected, all.getInt("total"));
        List<String> byOffset = new ArrayList<>();
        for (int i = 0; i < all.getList("items").size(); i++) {
            byOffset.add(itemKey(all, i));
        }
        assertEquals(expected, byOffset.size());

        List<String> walked = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (after != null) {
            JsonPath p = get("/api/v1/figures", "organization", org, "after", after, "size", 5);
            assertNull(p.get("page"), "no page number by cursor");
            assertNull(p.get("total"), "no total unless asked for");
            assertEquals(5, p.getInt("size"));
            int n = p.getList("items").size();
            assertTrue(n >= 1 && n <= 5, "page of " + n);
            for (int i = 0; i < n; i++) {
                walked.add(itemKey(p, i));
            }
            after = p.getString("next");
            pages++;
            assertTrue(pages <= expected, "the walk ends");
        }
        assertEquals(byOffset, walked, "every figure once, in the list's order");
        assertEquals(expected, new HashSet<>(walked).size());
        assertEquals((expected + 4) / 5, pages);

        // the total when asked for
        JsonPath first = get("/api/v1/figures", "organization", org, "after", "", "size", 7, "total", true);
        assertEquals(expected, first.getInt("total"), "the total when asked for");
        // with a year filter too: the year's figures, in the same order, on one page without a next
        JsonPath y2021 = get("/api/v1/figures", "organization", org, "year", 2021, "after", "", "size", 500);
        assertEquals(KEYS.size(), y2021.getList("items").size());
        assertNull(y2021.get("next"), "no next on the last page");
        assertEquals(byOffset.subList(2 * KEYS.size(), expected), y2021.getList("items").stream().map(x -> {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> m = (java.util.Map<String, Object>) x;
            return m.get("organization") + "|" + m.get("year") + "|" + m.get("key");
        }).toList());

        // offset mode gives a next as well: from page 1 by offset, the cursor continues where page 1 ended
        JsonPath page1 = get("/api/v1/figures", "organization", org, "page", 1, "size", 10);
        assertEquals(1, page1.getInt("page"));
        JsonPath afterPage1 = get("/api/v1/figures", "organization", org, "after", page1.getString("next"), "size", 10);
        assertEquals(byOffset.subList(20, 30), List.of(itemKey(afterPage1, 0), itemKey(afterPage1, 1), itemKey(afterPage1, 2),
                itemKey(afterPage1, 3), itemKey(afterPage1, 4), itemKey(afterPage1, 5), itemKey(afterPage1, 6),
                itemKey(afterPage1, 7), itemKey(afterPage1, 8), itemKey(afterPage1, 9)));
    }

    @Test
    void aCursorTheListDidNotGiveIsA400Problem() {
        String otherList = Base64.getUrlEncoder().withoutPadding().encodeToString("1\u001fonly-one-key".getBytes(StandardCharsets.UTF_8));
        String notAYear = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1\u001fDB-SCT\u001fnineteen\u001fa.b".getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of("not a cursor!", "%%%", otherList, notAYear)) {
            given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("after", bad).get("/api/v1/figures")
                    .then().statusCode(400).contentType(containsString("application/problem+json"))
                    .body("status", equalTo(400));
            given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("after", bad)
                    .get("/api/v1/reports/DB-SCT/2021/versions")
                    .then().statusCode(400).contentType(containsString("application/problem+json"));
        }
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("after", "").queryParam("page", 2).get("/api/v1/figures")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
    }

    @Test
    void walkingAReportsVersionsByCursorGivesEachVersionOnceNewestFirst() throws Exception {
        String org = "T-KV-" + System.nanoTime();
        int versions = 23;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO report_version (organization, year, report_version, content_hash, json_doc, markdown_doc, html_doc,
                    docx_doc, json_hash, markdown_hash, html_hash, docx_hash, offsets, generated_by)
                VALUES (?, 2021, ?, ?, ?, ?, ?, ?, 'j', 'm', 'h', 'd', '{"sct.member.events-0":1}', 'test')""")) {
            for (int v = 1; v <= versions; v++) {
                ps.setString(1, org);
                ps.setInt(2, v);
                ps.setString(3, "hash-" + v);
                for (int i = 4; i <= 7; i++) {
                    ps.setBytes(i, new byte[] { 1 });
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        String path = "/api/v1/reports/" + org + "/2021/versions";
        List<Integer> walked = new ArrayList<>();
        String after = "";
        while (after != null) {
            JsonPath p = get(path, "after", after, "size", 4);
            assertNull(p.get("total"));
            walked.addAll(p.getList("items.version", Integer.class));
            after = p.getString("next");
            assertTrue(walked.size() <= versions, "the walk ends");
        }
        List<Integer> newestFirst = new ArrayList<>();
        for (int v = versions; v >= 1; v--) {
            newestFirst.add(v);
        }
        assertEquals(newestFirst, walked);
        Set<Integer> once = new HashSet<>(walked);
        assertEquals(versions, once.size());
        JsonPath counted = get(path, "after", "", "size", 4, "total", true);
        assertEquals(versions, counted.getInt("total"));
        assertEquals("hash-23", counted.getString("items[0].contentHash"));
        // offset mode unchanged: page, total and totalPages, and a next
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("page", 5).queryParam("size", 4).get(path).then()
                .statusCode(200).body("page", equalTo(5)).body("total", equalTo(versions)).body("totalPages", equalTo(6))
                .body("items.version", equalTo(List.of(3, 2, 1))).body("next", nullValue());
    }
}
