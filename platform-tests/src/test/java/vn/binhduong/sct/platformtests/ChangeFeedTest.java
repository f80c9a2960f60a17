package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** The change feed: published events after a cursor, as CloudEvents, resumable from the stored cursor. */
@QuarkusTest
class ChangeFeedTest {
    @Inject
    DataSource ds;

    @Test
    void aClientReadsEveryEventOnceByFollowingTheCursor() throws Exception {
        String prefix = "feed-" + UUID.randomUUID();
        // the feed's position now, as a client would have stored it from its last visit
        String start = head();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body("{\"code\":\"" + prefix + "-" + i + "\",\"text\":\"thay đổi " + i + "\"}").post("/api/v1/notes")
                    .then().statusCode(201);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (Db.count(ds, "SELECT count(*) FROM outbox WHERE published_at IS NULL AND aggregate_id LIKE ?", prefix + "%") > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<String> seen = new ArrayList<>();
        String cursor = start;
        for (int page = 0; page < 10; page++) {
            JsonPath p = given().auth().oauth2(TestTokens.as(Roles.INTEGRATION)).queryParam("after", cursor)
                    .queryParam("limit", 2).get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            List<String> subjects = p.getList("events.subject");
            for (int i = 0; i < subjects.size(); i++) {
                assertEquals("1.0", p.getString("events[" + i + "].specversion"));
                assertEquals("/sct/platform-tests", p.getString("events[" + i + "].source"));
                assertEquals("note.created", p.getString("events[" + i + "].type"));
                seen.add(p.getString("events[" + i + "].data.code"));
            }
            cursor = p.getString("next");
            if (subjects.isEmpty()) {
                break;
            }
        }
        List<String> ours = seen.stream().filter(c -> c.startsWith(prefix)).toList();
        assertEquals(List.of(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4"), ours,
                "each event once, in order");
        // the cursor is a position in the database: asking again with it later returns nothing new and the same cursor
        JsonPath again = given().auth().oauth2(TestTokens.as(Roles.INTEGRATION)).queryParam("after", cursor)
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        assertTrue(again.getList("events").isEmpty());
        assertEquals(cursor, again.getString("next"));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/events").then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).queryParam("after", "not-a-cursor").get("/api/v1/events")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static String head() {
        String cursor = null;
        for (int i = 0; i < 1000; i++) {
            var r = given().auth().oauth2(TestTokens.as(Roles.ADMIN));
            if (cursor != null) {
                r = r.queryParam("after", cursor);
            }
            JsonPath p = r.queryParam("limit", 1000).get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            cursor = p.getString("next");
            if (p.getList("events").isEmpty()) {
                return cursor;
            }
        }
        return cursor;
    }
}
