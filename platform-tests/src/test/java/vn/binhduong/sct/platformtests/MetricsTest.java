package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** The platform's own metrics on /q/metrics move with the events written and applied. */
@QuarkusTest
class MetricsTest {
    private static double metric(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(text);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            found = true;
            sum += Double.parseDouble(m.group(2));
        }
        if (!found) {
            throw new AssertionError(name + " not in /q/metrics");
        }
        return sum;
    }

    @Test
    void outboxAndInboxFiguresMoveWithTheEvents() throws Exception {
        String before = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double published = metric(before, "sct_outbox_published_total");
        double applied = metric(before, "sct_inbox_applied_total");
        metric(before, "sct_outbox_pending");
        metric(before, "sct_outbox_oldest_pending_age_seconds");
        metric(before, "sct_inbox_dead_letters");
        metric(before, "sct_inbox_lag");
        assertTrue(before.contains("http_server_requests_seconds") || before.contains("jvm_memory_used_bytes"), "JVM and HTTP metrics");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body("{\"code\":\"metric-" + UUID.randomUUID() + "\",\"text\":\"đếm\"}").post("/api/v1/notes")
                    .then().statusCode(201);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        String after = before;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1100);
            after = given().get("/q/metrics").then().statusCode(200).extract().asString();
            if (metric(after, "sct_outbox_published_total") >= published + 3 && metric(after, "sct_inbox_applied_total") >= applied + 3) {
                break;
            }
        }
        assertTrue(metric(after, "sct_outbox_published_total") >= published + 3, "published moved");
        assertTrue(metric(after, "sct_inbox_applied_total") >= applied + 3, "applied moved");
        assertTrue(after.contains("agroal_active_count") || after.contains("agroal"), "the connection pool's metrics");
    }
}
