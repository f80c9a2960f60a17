package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/**
 * The service publishes and consumes through a SASL_SSL listener with SCRAM credentials, configured only by
 * {@code kafka.*} properties. With wrong credentials it still accepts writes (the outbox holds them), reports the
 * event path degraded with the reason, and delivers everything, once each, when the credentials are fixed.
 */
@QuarkusTest
@TestProfile(SecuredKafkaTest.Secured.class)
class SecuredKafkaTest {
    public static class Secured implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SecuredKafkaResource.class));
        }
    }

    @Inject
    DataSource ds;

    @Test
    void wrongCredentialsHoldEventsInTheOutboxAndFixedOnesDeliverThemOnce() throws Exception {
        String admin = TestTokens.as(Roles.ADMIN);
        given().auth().oauth2(admin).get("/api/v1/outbox/status").then().statusCode(200)
                .body("topic", equalTo(OutboxRelayTest.TOPIC));
        String prefix = "sasl-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON)
                    .body("{\"code\":\"" + prefix + "-" + i + "\",\"text\":\"qua kênh bảo mật\"}")
                    .post("/api/v1/notes").then().statusCode(201);
        }
        awaitHealth(true);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event-path' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event-path' }.data.reason", containsString("refuses this service's credentials"))
                .body("checks.find { it.name == 'event-path' }.data.reason", containsString("SASL_SSL"))
                .body("checks.find { it.name == 'event-path' }.data.inboxReason", containsString("refuses this consumer's credentials"));
        assertEquals(3, Db.count(ds, "SELECT count(*) FROM outbox WHERE aggregate_id LIKE ? AND published_at IS NULL",
                prefix + "-%"), "the outbox holds the events while the broker refuses the service");
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code LIKE ?", prefix + "-%"));

        SecuredKafkaResource.fixCredentials();

        Db.awaitCount(ds, 3, 60_000, "SELECT count(*) FROM note_copy WHERE note_code LIKE ?", prefix + "-%");
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM outbox WHERE aggregate_id LIKE ? AND published_at IS NULL",
                prefix + "-%"));
        awaitHealth(false);
        Thread.sleep(1000); // a duplicate delivery would show as a second copy
        for (int i = 0; i < 3; i++) {
            assertEquals(1, Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code = ?", prefix + "-" + i));
        }
    }

    private static void awaitHealth(boolean degraded) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            var health = given().get("/q/health/ready").then().extract();
            Boolean now = health.path("checks.find { it.name == 'event-path' }.data.degraded");
            String relayReason = health.path("checks.find { it.name == 'event-path' }.data.reason");
            String inboxReason = health.path("checks.find { it.name == 'event-path' }.data.inboxReason");
            // degraded: both the relay and the inbox say why; recovered: neither does
            if (Boolean.valueOf(degraded).equals(now) && (relayReason != null) == degraded
                    && (inboxReason != null) == degraded) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("event-path degraded never became " + degraded + ": "
                        + given().get("/q/health/ready").asString());
            }
            Thread.sleep(250);
        }
    }
}
